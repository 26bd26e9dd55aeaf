// Writes measured load into a file as small exact edits: `rate`, `duration`, `source: measured` and `measuredAt` in
// the function's annotation block (CONTRACT.md sections 1 and 6; existing keys replaced in place, the block created
// where the format puts it), and the memory size a Power Tuning run chose on the function itself.
import { isMap } from 'yaml';
import type { Analysis } from '../../analyze';
import type { TextEdit } from '../../findings';
import type { Format } from '../../model';
import { skeletonEdits } from '../../edit/annotationSkeleton';
import { mapStartingAt } from '../../edit/locate';
import { applyEdits } from '../../edit/apply';
import { editContext, setKey } from '../../edit/insert';
import { ownPair } from '../../edit/locate';
import type { YamlMapping } from '../../edit/render';

export interface MeasuredLoad {
  functionId: string;
  ratePerSecond?: number;
  durationMs?: number;
  memoryMb?: number;
  /** ISO 8601 date-time the values were measured (the end of the metrics window, or the import for Power Tuning). */
  measuredAt: string;
}

/** A number with at most 4 significant digits, never in exponent notation (the annotation grammar has none). */
export function fourDigits(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** Rate as the annotation writes it, in the largest unit that keeps the count at 1 or more: `12.5/minute`. */
export function rateText(ratePerSecond: number): string {
  const units: [number, string][] = [[1, 'second'], [60, 'minute'], [3600, 'hour'], [86400, 'day']];
  for (const [seconds, unit] of units) if (ratePerSecond * seconds >= 1) return `${fourDigits(ratePerSecond * seconds)}/${unit}`;
  return `${fourDigits(ratePerSecond * 730 * 3600)}/month`;
}

/** Duration as the annotation writes it: `182.4ms` below 10 s, else `12.5s`. */
export function durationText(durationMs: number): string {
  return durationMs < 10_000 ? `${fourDigits(durationMs)}ms` : `${fourDigits(durationMs / 1000)}s`;
}

/** `2026-11-30T18:00:00Z` (no milliseconds when they are zero). */
export function isoText(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/** Edits setting the measured keys in the function's annotation block; undefined when it cannot be done safely. */
export function annotationEdits(analysis: Analysis, load: MeasuredLoad): TextEdit[] | undefined {
  const node = analysis.model.nodes.find((n) => n.id === load.functionId && n.kind === 'function');
  const ctx = editContext(analysis.parsed);
  if (!node?.fn || !ctx || !isMap(ctx.doc.contents)) return undefined;
  const wanted: YamlMapping = {};
  if (load.ratePerSecond !== undefined) wanted.rate = rateText(load.ratePerSecond);
  if (load.durationMs !== undefined) wanted.duration = durationText(load.durationMs);
  if (Object.keys(wanted).length === 0) return undefined;
  wanted.source = 'measured';
  wanted.measuredAt = load.measuredAt;
  const blockSpan = node.fn.annotation?.blockSpan;
  const block = blockSpan ? mapStartingAt(ctx, blockSpan.start) : undefined;
  const edits: TextEdit[] = [];
  const missing: YamlMapping = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (block && ownPair(block, key)) {
      const replaced = setKey(ctx, block, key, value);
      if (!replaced) return undefined;
      edits.push(...replaced);
    } else {
      missing[key] = value;
    }
  }
  if (Object.keys(missing).length > 0) {
    const inserted = skeletonEdits(ctx, analysis, node, missing);
    if (!inserted) return undefined;
    edits.push(...inserted);
  }
  return edits;
}

const MEMORY_KEY: Record<Format, string> = { serverless: 'memorySize', sam: 'MemorySize', cloudformation: 'MemorySize', pipeline: 'memory' };

/** Edits setting the function's memory size (memorySize / MemorySize / a stage's memory). */
export function memoryEdits(analysis: Analysis, functionId: string, memoryMb: number): TextEdit[] | undefined {
  const node = analysis.model.nodes.find((n) => n.id === functionId && n.kind === 'function');
  const ctx = editContext(analysis.parsed);
  const span = node?.fn?.propertiesSpan;
  if (!node?.fn || !ctx || !span || !analysis.format) return undefined;
  if (node.fn.memoryMb === memoryMb) return [];
  const properties = mapStartingAt(ctx, span.start);
  return properties ? setKey(ctx, properties, MEMORY_KEY[analysis.format], memoryMb) : undefined;
}

export interface AppliedLoads {
  text: string;
  /** One line per function written, and one per function or part that could not be written. */
  applied: string[];
  skipped: string[];
}

/**
 * Applies each load in turn, analysing the text again between steps (so two functions never insert the same new
 * block twice); `analyzeText` is the caller's analysis with its own settings and includes.
 */
export function applyMeasuredLoads(text: string, loads: MeasuredLoad[], analyzeText: (text: string) => Analysis): AppliedLoads {
  const applied: string[] = [];
  const skipped: string[] = [];
  let current = text;
  for (const load of loads) {
    if (load.memoryMb !== undefined) {
      const edits = memoryEdits(analyzeText(current), load.functionId, load.memoryMb);
      if (edits) current = applyEdits(current, edits);
      else skipped.push(`${load.functionId}: memory ${load.memoryMb} MB (the function's properties cannot be edited safely)`);
    }
    const edits = annotationEdits(analyzeText(current), load);
    if (!edits) {
      skipped.push(`${load.functionId}: its load annotation cannot be edited safely (fix the YAML first)`);
      continue;
    }
    current = applyEdits(current, edits);
    applied.push(describe(load));
  }
  return { text: current, applied, skipped };
}

function describe(load: MeasuredLoad): string {
  const parts: string[] = [];
  if (load.ratePerSecond !== undefined) parts.push(`rate ${rateText(load.ratePerSecond)}`);
  if (load.durationMs !== undefined) parts.push(`duration ${durationText(load.durationMs)}`);
  if (load.memoryMb !== undefined) parts.push(`memory ${load.memoryMb} MB`);
  return `${load.functionId}: ${parts.join(', ')} (measured ${load.measuredAt})`;
}

/** One edit turning `before` into `after`: the span between their common prefix and common suffix. */
export function spanningEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}
