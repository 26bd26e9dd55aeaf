// Analysis + overrides -> the `whatIfResult` message: the file's figures beside the tried ones, the findings with
// what changed, and the compare chart's series. No vscode here (unit-tested directly); the core computes it all.
import type { Analysis } from '../../core/analyze';
import type { Finding } from '../../core/findings';
import type { FunctionReport } from '../../core/report';
import { REGION_PRICES } from '../../core/cost/prices';
import { compareSeries } from '../../core/design/compare';
import type { WhatIfOverrides } from '../../core/design/overrides';
import { fileValues } from '../../core/design/tunables';
import { pipelinePerDay, whatIf } from '../../core/design/whatif';
import { functionNodes } from '../../core/model';
import { LineIndex } from '../../core/text/lines';
import type { WhatIfFigures, WhatIfFindingView, WhatIfMessage } from '../../whatIfProtocol';

export interface WhatIfRequestInput {
  version: number;
  seq: number;
  target: string | null;
  overrides: WhatIfOverrides;
}

export function buildWhatIfMessage(analysis: Analysis, request: WhatIfRequestInput): WhatIfMessage {
  const result = whatIf(analysis, request.overrides);
  const lines = new LineIndex(analysis.parsed.text);
  const fileRegion = analysis.model.region ?? analysis.settings.region;
  const target = request.target !== null && analysis.functions.some((f) => f.id === request.target) ? request.target : null;
  const functions = functionNodes(analysis.model).map((node) => {
    const before = analysis.functions.find((f) => f.id === node.id)!;
    const after = result.functions.find((f) => f.id === node.id)!;
    return { id: node.id, label: node.label, file: fileValues(analysis, node.id) ?? {}, before: figures(before), after: figures(after) };
  });
  return {
    type: 'whatIfResult',
    version: request.version,
    seq: request.seq,
    target,
    region: { file: fileRegion, whatIf: result.region, choices: [...new Set([fileRegion, ...Object.keys(REGION_PRICES)])].sort() },
    functions,
    pipelinePerDayUsd: { before: pipelinePerDay(analysis.functions), after: result.pipelinePerDayUsd },
    findings: findingChanges(analysis.findings, result.findings, lines),
    chart: compareSeries(analysis, request.overrides, target, result),
  };
}

function figures(report: FunctionReport): WhatIfFigures {
  return {
    perDayUsd: report.cost?.perDayUsd ?? null,
    expected: report.concurrency.expected,
    cap: report.concurrency.cap,
    capReason: report.concurrency.capReason,
    memoryMb: report.memoryMb,
    architecture: report.architecture,
  };
}

const key = (f: Finding) => `${f.rule}|${f.node ?? ''}|${f.edge ?? ''}`;

/** What changed first: new findings, then the ones the tried values settle, then those that stay. */
function findingChanges(before: Finding[], after: Finding[], lines: LineIndex): WhatIfFindingView[] {
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  const view = (f: Finding, change: WhatIfFindingView['change']): WhatIfFindingView => ({
    rule: f.rule, severity: f.severity, message: f.message, node: f.node, line: lines.positionAt(f.span.start).line, change,
  });
  const tried = after.map((f) => view(f, had.has(key(f)) ? 'kept' : 'new'));
  const settled = before.filter((f) => !has.has(key(f))).map((f) => view(f, 'settled'));
  return [...tried.filter((f) => f.change === 'new'), ...settled, ...tried.filter((f) => f.change === 'kept')];
}
