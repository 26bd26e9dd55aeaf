// Expected load of a function: declared in the file's annotations, else Settings.defaults, else unknown.
import type { LoadSource, PipelineNode } from '../model';
import type { LoadEstimate } from '../report';
import type { Settings } from '../settings';
import { formatNumber, roundSignificant } from './round';

/** The load with full precision (for the engines) and where each part came from. */
export interface Load {
  ratePerSecond: number | null;
  durationMs: number | null;
  rateDeclared: boolean;
  durationDeclared: boolean;
  /** The annotation's `source` and `measuredAt` (measured load imported from CloudWatch or Power Tuning). */
  source?: LoadSource;
  measuredAt?: string;
}

export function loadOf(node: PipelineNode, settings: Settings): Load {
  const annotation = node.fn?.annotation;
  const rate = annotation?.rate?.value;
  const duration = annotation?.durationMs?.value;
  return {
    ratePerSecond: rate ?? settings.defaults.ratePerSecond ?? null,
    durationMs: duration ?? settings.defaults.durationMs ?? null,
    rateDeclared: rate !== undefined,
    durationDeclared: duration !== undefined,
    source: annotation?.source?.value,
    measuredAt: annotation?.measuredAt?.value,
  };
}

/** The load as reported (CONTRACT.md section 4): rounded to 4 significant digits. */
export function loadEstimate(load: Load): LoadEstimate {
  return {
    ratePerSecond: load.ratePerSecond === null ? null : roundSignificant(load.ratePerSecond, 4),
    durationMs: load.durationMs === null ? null : roundSignificant(load.durationMs, 6),
    declared: load.rateDeclared && load.durationDeclared,
    ...(load.source === 'measured' && (load.rateDeclared || load.durationDeclared)
      ? { source: load.source, ...(load.measuredAt ? { measuredAt: load.measuredAt } : {}) }
      : {}),
  };
}

/** "50/minute" style text for messages. */
export function describeRate(ratePerSecond: number): string {
  const units: [number, string][] = [[1, 'second'], [60, 'minute'], [3600, 'hour'], [86400, 'day']];
  for (const [seconds, unit] of units) {
    const perUnit = ratePerSecond * seconds;
    if (perUnit >= 1) return `${formatNumber(perUnit)}/${unit}`;
  }
  return `${formatNumber(ratePerSecond * 86400)}/day`;
}

/** "180 s", "120 ms" for messages. */
export function describeDuration(durationMs: number): string {
  if (durationMs >= 1000) return `${formatNumber(durationMs / 1000)} s`;
  return `${formatNumber(durationMs)} ms`;
}
