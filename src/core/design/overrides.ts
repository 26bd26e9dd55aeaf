// What-if overrides: the values a user tries without touching the file. Every field is optional; an absent one
// keeps the file's value. Rates are invocations per second, durations milliseconds (as in the model).
import type { Architecture } from '../model';

export interface FunctionOverrides {
  ratePerSecond?: number;
  durationMs?: number;
  memoryMb?: number;
  architecture?: Architecture;
  /** Shards of the stream that triggers the function (its one Kinesis / DynamoDB stream trigger). */
  shards?: number;
  parallelizationFactor?: number;
  batchSize?: number;
  reservedConcurrency?: number;
  /** maximumConcurrency of the function's one SQS trigger. */
  maximumConcurrency?: number;
}

export interface WhatIfOverrides {
  region?: string;
  /** Every known rate times this (today's load x 10...); a function's own `ratePerSecond` wins. */
  rateScale?: number;
  /** Per function id. */
  functions: Record<string, FunctionOverrides>;
}

export const FUNCTION_OVERRIDE_KEYS = [
  'ratePerSecond',
  'durationMs',
  'memoryMb',
  'architecture',
  'shards',
  'parallelizationFactor',
  'batchSize',
  'reservedConcurrency',
  'maximumConcurrency',
] as const satisfies readonly (keyof FunctionOverrides)[];

/** The ranges AWS (and our annotations) accept; values outside are refused before anything is computed. */
export const OVERRIDE_LIMITS: Record<Exclude<keyof FunctionOverrides, 'architecture'>, { min: number; max: number; integer: boolean }> = {
  ratePerSecond: { min: 0, max: 1e7, integer: false },
  durationMs: { min: 1, max: 900_000, integer: false },
  memoryMb: { min: 128, max: 10_240, integer: true },
  shards: { min: 1, max: 100_000, integer: true },
  parallelizationFactor: { min: 1, max: 10, integer: true },
  batchSize: { min: 1, max: 10_000, integer: true },
  reservedConcurrency: { min: 0, max: 100_000, integer: true },
  maximumConcurrency: { min: 2, max: 1000, integer: true },
};

/** True when the value is one a function may take for that key. */
export function isValidOverride(key: keyof FunctionOverrides, value: unknown): boolean {
  if (key === 'architecture') return value === 'x86_64' || value === 'arm64';
  const limit = OVERRIDE_LIMITS[key];
  return typeof value === 'number' && Number.isFinite(value) && value >= limit.min && value <= limit.max && (!limit.integer || Number.isInteger(value));
}

/** How far the pipeline's load can be scaled at once. */
export const RATE_SCALE_LIMITS = { min: 0.001, max: 1000 };

export function isValidRateScale(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= RATE_SCALE_LIMITS.min && value <= RATE_SCALE_LIMITS.max;
}
