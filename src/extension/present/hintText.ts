// The one-line hint on each function (CodeLens or inlay hint): cost and concurrency, or, when the load is unknown,
// what is missing and what can be said without it (price per million calls, the concurrency cap).
import type { Analysis } from '../../core/analyze';
import type { FunctionReport } from '../../core/report';
import { concurrency, duration, usd } from './numbers';
import { missingWords, unknownLoad } from './unknownLoad';

/** Title of the second hint beside an unknown load: opens the default-load settings. */
export const DEFAULT_LOAD_HINT = 'set a default load';

export interface HintText {
  text: string;
  /** True when the load is unknown: the hint's click inserts the annotation skeleton instead of opening the graph. */
  loadUnknown: boolean;
}

/**
 * "$513.02/day · $0.00713 a call · ~150 concurrent (cap 4: 4 shards x PF 1)", or with nothing declared
 * "load unknown: declare rate and duration · ≤ $2.08 per 1M calls at its 3 s timeout · cap 1,000".
 */
export function functionHint(report: FunctionReport, analysis?: Analysis): HintText {
  if (!report.cost || report.concurrency.expected === null) return { text: unknownLoadHint(report, analysis), loadUnknown: true };
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

function unknownLoadHint(report: FunctionReport, analysis: Analysis | undefined): string {
  const unknown = analysis ? unknownLoad(report, analysis) : undefined;
  const missing = unknown?.missing ?? ['rate', 'duration'];
  const head = missing.length === 2 ? `load unknown: declare ${missingWords(missing)}` : `${missing[0]} unknown: declare it`;
  const parts = [head];
  if (unknown) {
    const atTimeout = unknown.upperBound ? ` at its ${duration(report.timeoutS * 1000)} timeout` : '';
    const bound = unknown.upperBound ? '≤ ' : '';
    parts.push(unknown.perDayUsd !== undefined ? `${bound}${usd(unknown.perDayUsd)}/day${atTimeout}` : `${bound}${usd(unknown.perMillionUsd)} per 1M calls${atTimeout}`);
  }
  // The account-wide limit says nothing about this function; a cap of its own (shards, reserved) does.
  parts.push(report.concurrency.capKind === 'account' ? `cap ${report.concurrency.cap.toLocaleString('en-US')}` : capText(report));
  return parts.join(' · ');
}
