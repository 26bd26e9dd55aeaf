// What-if: an analysis plus overrides -> the reports the file would get with those values (cost/day, expected
// concurrency vs cap, findings), computed by the same engines and rules as analyze(), without touching the text.
import type { Analysis } from '../analyze';
import type { Finding } from '../findings';
import type { FunctionReport } from '../report';
import { functionReports } from '../cost/reports';
import { roundUsd } from '../cost/round';
import { runRules } from '../rules/index';
import { applySeverities } from '../rules/severity';
import { applyIgnoreComments } from '../rules/ignore';
import type { PipelineModel } from '../model';
import type { WhatIfOverrides } from './overrides';
import { overrideModel } from './overrideModel';
import { resolveOverrides } from './resolveOverrides';

export interface WhatIfResult {
  model: PipelineModel;
  functions: FunctionReport[];
  /** Rule findings of the overridden model (severity settings and ignore comments applied; no fix offers). */
  findings: Finding[];
  /** Sum of the functions' cost/day; null when any function's load is unknown. */
  pipelinePerDayUsd: number | null;
  region: string;
}

export function whatIf(analysis: Analysis, overrides: WhatIfOverrides): WhatIfResult {
  const settings = analysis.settings;
  const model = overrideModel(analysis.model, resolveOverrides(analysis, overrides));
  const functions = functionReports(model, settings);
  // Read problems belong to the text, which a what-if does not change: they stay as analyze() found them.
  const readProblems = analysis.findings.filter((f) => f.rule === 'parse-error' || f.rule === 'invalid-annotation' || f.rule === 'unresolved-reference');
  const ruled = applyIgnoreComments(applySeverities(runRules(model, settings, functions), settings), analysis.parsed.text);
  const findings = [...readProblems.map((f) => ({ ...f, fixes: [] })), ...ruled].sort(
    (a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule),
  );
  return { model, functions, findings, pipelinePerDayUsd: pipelinePerDay(functions), region: model.region ?? settings.region };
}

export function pipelinePerDay(functions: FunctionReport[]): number | null {
  if (functions.length === 0 || functions.some((f) => f.cost === null)) return null;
  return roundUsd(functions.reduce((sum, f) => sum + (f.cost?.perDayUsd ?? 0), 0));
}
