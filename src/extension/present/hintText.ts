// The one-line hint on each function (CodeLens or inlay hint): cost and concurrency, or how to declare the load.
import type { FunctionReport } from '../../core/report';
import { concurrency, usd } from './numbers';

export const LOAD_UNKNOWN = 'load unknown - declare it';

export interface HintText {
  text: string;
  /** True when the load is unknown: the hint's click inserts the annotation skeleton instead of opening the graph. */
  loadUnknown: boolean;
}

/** "$513.02/day · $0.00713 a call · ~150 concurrent (cap 4: 4 shards x PF 1)" */
export function functionHint(report: FunctionReport): HintText {
  if (!report.cost || report.concurrency.expected === null) return { text: LOAD_UNKNOWN, loadUnknown: true };
  const parts = [`${usd(report.cost.perDayUsd)}/day`, `${usd(report.cost.perInvocationUsd)} a call`];
  parts.push(`~${concurrency(report.concurrency.expected)} concurrent (${capText(report)})`);
  const text = parts.join(' · ');
  if (report.load.source === 'measured') return { text: `${text} · ${measuredText(report)}`, loadUnknown: false };
  return { text: report.load.declared ? text : `${text} · assumed load`, loadUnknown: false };
}

/** "measured 2026-11-30" (the date part of measuredAt), or "measured". */
export function measuredText(report: FunctionReport): string {
  const date = report.load.measuredAt?.slice(0, 10);
  return date ? `measured ${date}` : 'measured';
}

/** "cap 4: 4 shards x PF 1" */
export function capText(report: FunctionReport): string {
  const reason = shortReason(report.concurrency.capReason);
  return reason ? `cap ${report.concurrency.cap.toLocaleString('en-US')}: ${reason}` : `cap ${report.concurrency.cap.toLocaleString('en-US')}`;
}

function shortReason(reason: string): string {
  return reason.replace(/parallelization factor/gi, 'PF').trim();
}
