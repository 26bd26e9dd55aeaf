// From a measurement file to the loads to write: which function each CloudWatch series or Power Tuning run belongs
// to (by deployed name, function key or logical id; serverless names are `${service}-${stage}-${key}` unless the
// function sets `name`), and what to write for it.
import type { Analysis } from '../../analyze';
import { inferPeriodSeconds, measure, metricKind, parseMetricData, seriesNames, squash, type MetricSeries, type Parsed } from './cloudwatch';
import { isoText, type MeasuredLoad } from './loadEdits';
import { parsePowerTuning } from './powerTuning';

/** How a Power Tuning error that names no function begins: the editor then asks which function was tuned. */
export const NEEDS_FUNCTION = 'say which function was tuned';

export type MeasuredFormat = 'cloudwatch' | 'power-tuning';

export interface ImportPlan {
  loads: MeasuredLoad[];
  /** What was matched, what was not, and caveats, one line each (the CLI prints them, the command logs them). */
  notes: string[];
}

/** Which measurement a JSON text holds, by its top-level keys. */
export function detectMeasuredFormat(text: string): MeasuredFormat | undefined {
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    if (Array.isArray(json?.MetricDataResults)) return 'cloudwatch';
    if (json && ('power' in json || 'results' in json || typeof json.output === 'string')) return 'power-tuning';
  } catch {
    return undefined;
  }
  return undefined;
}

interface NamedFunction {
  id: string;
  names: string[];
}

function functionsOf(analysis: Analysis): NamedFunction[] {
  return analysis.model.nodes
    .filter((n) => n.kind === 'function' && n.fn)
    .map((n) => ({ id: n.id, names: [...new Set([n.fn!.name, n.id, n.label])] }));
}

/** The function a series names; the longest matching name wins (`orders-aggregate` over `aggregate`). */
function ownerOf(series: MetricSeries, functions: NamedFunction[]): string | undefined {
  let best: { id: string; length: number } | undefined;
  for (const fn of functions) {
    for (const name of fn.names) {
      if (!seriesNames(series, [name])) continue;
      const length = squash(name).length;
      if (!best || length > best.length) best = { id: fn.id, length };
    }
  }
  return best?.id;
}

export function loadsFromCloudWatch(analysis: Analysis, text: string, options: { functionId?: string; periodSeconds?: number } = {}): Parsed<ImportPlan> {
  const parsed = parseMetricData(text);
  if (!parsed.ok) return parsed;
  const functions = functionsOf(analysis);
  if (options.functionId && !functions.some((f) => f.id === options.functionId)) return { ok: false, error: `no function "${options.functionId}" in this file` };
  const kinded = parsed.value.filter((s) => metricKind(s) !== undefined);
  if (kinded.length === 0) return { ok: false, error: 'no Invocations or Duration series (their Id or Label must say which metric they hold)' };
  const periodSeconds = options.periodSeconds ?? inferPeriodSeconds(kinded);
  if (!periodSeconds) return { ok: false, error: 'every series has a single data point, so the period is unknown: give it (--period <seconds>)' };
  const notes: string[] = [];
  const byFunction = new Map<string, { invocations?: MetricSeries; duration?: MetricSeries }>();
  for (const series of kinded) {
    let owner = ownerOf(series, functions);
    // With --function and series that name no function of the file, the user has said whose they are.
    if (!owner && options.functionId && kinded.filter((s) => metricKind(s) === metricKind(series)).length === 1) owner = options.functionId;
    if (!owner) {
      notes.push(`series ${series.id || series.label} names no function of this file; skipped`);
      continue;
    }
    if (options.functionId && owner !== options.functionId) continue;
    const entry = byFunction.get(owner) ?? {};
    entry[metricKind(series)!] = series;
    byFunction.set(owner, entry);
  }
  const loads: MeasuredLoad[] = [];
  for (const [functionId, { invocations, duration }] of byFunction) {
    const m = measure(invocations, duration, periodSeconds);
    if (!m) {
      notes.push(`${functionId}: no data points; skipped`);
      continue;
    }
    for (const warning of m.warnings) notes.push(`${functionId}: ${warning}: the figures cover only the data points given`);
    if (!invocations) notes.push(`${functionId}: no Invocations series; only the duration is imported`);
    if (!duration) notes.push(`${functionId}: no Duration series; only the rate is imported`);
    notes.push(`${functionId}: ${m.invocations ?? '?'} invocations from ${m.from} to ${m.to} (period ${periodSeconds} s)`);
    loads.push({ functionId, ratePerSecond: m.ratePerSecond, durationMs: m.durationMs, measuredAt: m.to.replace('.000Z', 'Z') });
  }
  if (loads.length === 0) return { ok: false, error: `no series matched a function of this file (functions: ${functions.map((f) => f.names.join(' / ')).join(', ')})` };
  return { ok: true, value: { loads, notes } };
}

export function loadsFromPowerTuning(
  analysis: Analysis,
  text: string,
  options: { functionId?: string; memoryMb?: number; now: Date },
): Parsed<ImportPlan> {
  const parsed = parsePowerTuning(text);
  if (!parsed.ok) return parsed;
  const result = parsed.value;
  const functions = functionsOf(analysis);
  let functionId = options.functionId;
  if (functionId && !functions.some((f) => f.id === functionId)) return { ok: false, error: `no function "${functionId}" in this file` };
  if (!functionId && result.functionName) functionId = functions.find((f) => f.names.some((n) => squash(n) === squash(result.functionName!)))?.id;
  if (!functionId && functions.length === 1) functionId = functions[0].id;
  if (!functionId) return { ok: false, error: `${NEEDS_FUNCTION} (--function; one of ${functions.map((f) => f.id).join(', ')})` };
  const chosen = options.memoryMb === undefined ? result.optimal : [result.optimal, ...result.configurations].find((c) => c.memoryMb === options.memoryMb);
  if (!chosen) {
    return { ok: false, error: `no configuration with ${options.memoryMb} MB in the result (tested: ${result.configurations.map((c) => c.memoryMb).join(', ') || result.optimal.memoryMb})` };
  }
  const notes = [
    `${functionId}: ${chosen === result.optimal ? 'optimal' : 'chosen'} configuration ${chosen.memoryMb} MB, ${chosen.durationMs} ms average` +
      (Number.isFinite(chosen.costUsd) ? `, $${chosen.costUsd} a call` : ''),
  ];
  const annotation = analysis.model.nodes.find((n) => n.id === functionId)?.fn?.annotation;
  if (annotation?.rate && annotation.source?.value !== 'measured') notes.push(`${functionId}: its rate stays as declared, but the block will say source: measured (Power Tuning measures duration only)`);
  if (result.configurations.length > 0) notes.push(`tested: ${result.configurations.map((c) => `${c.memoryMb} MB ${Number(c.durationMs.toPrecision(4))} ms`).join(', ')}`);
  return { ok: true, value: { loads: [{ functionId, durationMs: chosen.durationMs, memoryMb: chosen.memoryMb, measuredAt: isoText(options.now) }], notes } };
}
