// The what-if knobs: label, range and wording per override key. The panel shows those the function has (the host
// says which, with the file's values); the ranges are the ones the protocol accepts (OVERRIDE_LIMITS).
import { describeDuration, describeRate } from '../src/core/cost/load';
import { formatNumber } from '../src/core/cost/round';
import { OVERRIDE_LIMITS, type FunctionOverrides } from '../src/core/design/overrides';
import type { SliderOptions } from './ui';

export type NumberKnob = Exclude<keyof FunctionOverrides, 'architecture'>;

interface Knob {
  key: NumberKnob;
  label: string;
  format: (value: number) => string;
  log?: boolean;
  /** Slider range when narrower than what AWS accepts (the field still takes any accepted value). */
  min?: number;
  max?: number;
  /** Where the slider starts when the file has no value. */
  start: number;
}

export const KNOBS: Knob[] = [
  { key: 'ratePerSecond', label: 'Rate (per second)', format: describeRate, log: true, min: 0.001, max: 10_000, start: 1 },
  { key: 'durationMs', label: 'Duration (ms)', format: describeDuration, log: true, min: 10, start: 1000 },
  { key: 'memoryMb', label: 'Memory (MB)', format: (v) => `${formatNumber(v)} MB`, log: true, start: 1024 },
  { key: 'shards', label: 'Shards', format: (v) => `${formatNumber(v)} shard${v === 1 ? '' : 's'}`, log: true, max: 500, start: 1 },
  { key: 'parallelizationFactor', label: 'Parallelization factor', format: (v) => `x${v}`, start: 1 },
  { key: 'batchSize', label: 'Batch size', format: (v) => `${formatNumber(v)} records`, log: true, start: 10 },
  { key: 'reservedConcurrency', label: 'Reserved concurrency', format: (v) => formatNumber(v), max: 1000, start: 100 },
  { key: 'maximumConcurrency', label: 'SQS maximum concurrency', format: (v) => formatNumber(v), start: 100 },
];

export function sliderOptions(knob: Knob): SliderOptions {
  const limit = OVERRIDE_LIMITS[knob.key];
  return {
    label: knob.label,
    min: knob.min ?? Math.max(limit.min, knob.log ? 1 : limit.min),
    max: knob.max ?? limit.max,
    log: knob.log,
    integer: limit.integer,
    format: knob.format,
  };
}

/** "file: 50/minute", "file: not set". */
export function fileText(knob: Knob, value: number | null | undefined): string {
  return `file: ${value === null || value === undefined ? 'not set' : knob.format(value)}`;
}
