// Compare series for the chart: cost/day over load (invocations per second) for one function or the whole
// pipeline, on x86_64 and on arm64, against the always-on reference cluster, with the break-even rates and
// today's load. Costs come from cost/estimate (tiers, region, price settings: the formula of every other figure).
import type { Analysis } from '../analyze';
import type { Architecture } from '../model';
import { costPerDayUsd } from '../cost/estimate';
import { loadOf } from '../cost/load';
import { roundSignificant, roundUsd } from '../cost/round';
import { findNode } from '../rules/lookup';
import type { WhatIfOverrides } from './overrides';
import { whatIf, type WhatIfResult } from './whatif';

export const ARCHITECTURES: Architecture[] = ['x86_64', 'arm64'];
export const SERIES_POINTS = 41;

export interface ComparePoint {
  ratePerSecond: number;
  perDayUsd: number;
}

export interface CompareSeries {
  /** The function id, or null for the whole pipeline. */
  target: string | null;
  /** Cost/day at each rate, per architecture (the same rates for both, log-spaced). */
  lines: Record<Architecture, ComparePoint[]>;
  cluster: { label: string; perDayUsd: number };
  /** The rate above which Lambda costs more than the cluster, per architecture; null when never within range. */
  breakEven: Record<Architecture, number | null>;
  /** Today's load (with the overrides) and its cost on the architecture in use; null when the load is unknown. */
  today: (ComparePoint & { architecture: Architecture }) | null;
  /** Functions left out of a pipeline series because their duration is unknown. */
  excluded: string[];
  /** Set when no series can be drawn (no function with a known duration), saying why. */
  unknown?: string;
}

/** One function's cost/day as a function of the pipeline (or function) rate. */
interface Part {
  share: number;
  cost: (ratePerSecond: number, architecture: Architecture) => number;
}

/** `result`: the what-if of these overrides when the caller has it already (it is the costly part). */
export function compareSeries(analysis: Analysis, overrides: WhatIfOverrides, target: string | null, result: WhatIfResult = whatIf(analysis, overrides)): CompareSeries {
  const settings = analysis.settings;
  const reports = target === null ? result.functions : result.functions.filter((f) => f.id === target);
  const cluster = { label: settings.clusterReference.label, perDayUsd: roundUsd(settings.clusterReference.usdPerHour * 24) };
  // Full-precision loads (reports round them for display).
  const loads = new Map(reports.map((r) => [r.id, loadOf(findNode(result.model, r.id)!, settings)]));
  const rateOf = (id: string) => loads.get(id)!.ratePerSecond;
  const durationOf = (id: string) => loads.get(id)!.durationMs;
  const known = reports.filter((r) => durationOf(r.id) !== null);
  const excluded = reports.filter((r) => durationOf(r.id) === null).map((r) => r.id);
  const empty = { target, lines: { x86_64: [], arm64: [] }, cluster, breakEven: { x86_64: null, arm64: null }, today: null, excluded };
  if (known.length === 0) {
    const why = reports.length === 0 ? 'no function to compare' : 'the expected duration is unknown; declare `duration` to compare costs';
    return { ...empty, unknown: why };
  }
  const rated = known.filter((r) => rateOf(r.id) !== null);
  const total = rated.reduce((sum, r) => sum + (rateOf(r.id) ?? 0), 0);
  // Keep today's mix of rates between functions; with no rate known, the functions share the load equally.
  const parts: Part[] = (total > 0 ? rated : known).map((report) => {
    const fn = findNode(result.model, report.id)?.fn;
    const share = total > 0 ? (rateOf(report.id) ?? 0) / total : 1 / known.length;
    const cost = (ratePerSecond: number, architecture: Architecture) =>
      costPerDayUsd({
        memoryMb: report.memoryMb,
        ephemeralStorageMb: fn?.ephemeralStorageMb ?? 512,
        architecture,
        region: result.region,
        ratePerSecond,
        durationMs: durationOf(report.id)!,
        prices: settings.prices,
        subtractFreeTier: settings.subtractFreeTier,
      });
    return { share, cost };
  });
  if (total > 0) excluded.push(...known.filter((r) => rateOf(r.id) === null).map((r) => r.id));
  const costAt = (rate: number, architecture: Architecture) => parts.reduce((sum, p) => sum + p.cost(rate * p.share, architecture), 0);
  const breakEven = {
    x86_64: breakEvenRate((r) => costAt(r, 'x86_64'), cluster.perDayUsd),
    arm64: breakEvenRate((r) => costAt(r, 'arm64'), cluster.perDayUsd),
  };
  const allRated = rated.length === known.length && total > 0;
  const architecture = commonArchitecture(reports.map((r) => r.architecture));
  const today = allRated ? { ratePerSecond: roundSignificant(total, 6), perDayUsd: roundUsd(costAt(total, architecture)), architecture } : null;
  const rates = logRange([today?.ratePerSecond, breakEven.x86_64, breakEven.arm64]);
  const line = (arch: Architecture) => rates.map((ratePerSecond) => ({ ratePerSecond, perDayUsd: roundUsd(costAt(ratePerSecond, arch)) }));
  return { ...empty, lines: { x86_64: line('x86_64'), arm64: line('arm64') }, breakEven, today };
}

/** The architecture most functions use (x86_64 on a tie): today's point sits on that line. */
function commonArchitecture(architectures: Architecture[]): Architecture {
  const arm = architectures.filter((a) => a === 'arm64').length;
  return arm > architectures.length - arm ? 'arm64' : 'x86_64';
}

const MIN_RATE = 1e-6;
const MAX_RATE = 1e9;

/** The rate where a rising cost reaches `limit` (bisection on a log scale); null when it never does in range. */
export function breakEvenRate(cost: (rate: number) => number, limit: number): number | null {
  if (cost(MAX_RATE) <= limit) return null;
  if (cost(MIN_RATE) >= limit) return MIN_RATE;
  let lo = Math.log(MIN_RATE);
  let hi = Math.log(MAX_RATE);
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (cost(Math.exp(mid)) < limit) lo = mid;
    else hi = mid;
  }
  return roundSignificant(Math.exp((lo + hi) / 2), 4);
}

/** Log-spaced rates from a decade below the smallest mark to a decade above the largest (0.01 to 1,000/s if none). */
export function logRange(marks: (number | null | undefined)[]): number[] {
  const known = marks.filter((m): m is number => typeof m === 'number' && m > 0);
  const low = known.length ? Math.floor(Math.log10(Math.min(...known))) - 1 : -2;
  const high = known.length ? Math.ceil(Math.log10(Math.max(...known))) + 1 : 3;
  const span = Math.max(high - low, 1);
  return Array.from({ length: SERIES_POINTS }, (_, i) => roundSignificant(10 ** (low + (span * i) / (SERIES_POINTS - 1)), 6));
}
