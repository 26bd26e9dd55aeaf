// What must hold for every input: analyze() returns (no exception) within the hang guard, every range lies inside
// the text, and every offered fix applies, parses, keeps every comment, settles its finding, adds no problem and
// keeps every bucket, table, stream and queue (same logical id on every stage, same name).
import * as assert from 'node:assert/strict';
import { Lexer } from 'yaml';
import { analyze, type Analysis } from '../../../src/core/analyze';
import { applyEdits } from '../../../src/core/edit';
import type { Finding } from '../../../src/core/findings';
import { computeFix } from '../../../src/core/fixes';
import { ANALYZE_BOUND_MS } from './config';
import { assertDataResourcesKept, dataSnapshot } from './dataResources';

/** Slowest single analysis seen by the suite (printed at the end). */
export const slowest = { ms: 0 };

export function analyzeWithinBound(text: string): Analysis {
  const start = process.cpuUsage();
  const analysis = analyze(text);
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  slowest.ms = Math.max(slowest.ms, ms);
  assert.ok(ms < ANALYZE_BOUND_MS, `analyze() took ${ms.toFixed(0)} ms CPU (bound ${ANALYZE_BOUND_MS} ms) on ${text.length} chars`);
  return analysis;
}

function assertInside(what: string, range: { start: number; end: number }, length: number): void {
  const ok = Number.isInteger(range.start) && Number.isInteger(range.end) && range.start >= 0 && range.start <= range.end && range.end <= length;
  assert.ok(ok, `${what} [${range.start}, ${range.end}] lies inside the text (length ${length})`);
}

/** Every object with numeric start and end in the model and the findings: node, edge, value and finding spans. */
function spansIn(value: unknown, path: string, out: { path: string; span: { start: number; end: number } }[], seen: Set<unknown>): void {
  if (!value || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  const record = value as Record<string, unknown>;
  if (typeof record.start === 'number' && typeof record.end === 'number') out.push({ path, span: record as { start: number; end: number } });
  for (const [key, child] of Object.entries(record)) spansIn(child, `${path}.${key}`, out, seen);
}

export function assertRangesInside(analysis: Analysis, text: string): void {
  const spans: { path: string; span: { start: number; end: number } }[] = [];
  spansIn(analysis.model, 'model', spans, new Set());
  spansIn(analysis.findings, 'findings', spans, new Set());
  for (const { path, span } of spans) assertInside(path, span, text.length);
}

/** The comments of a YAML text (whole-line and inline), as a sorted list of their text. */
export function commentsOf(text: string): string[] {
  const out: string[] = [];
  for (const token of new Lexer().lex(text)) if (token.startsWith('#')) out.push(token.trimEnd());
  return out.sort();
}

function missingComments(before: string[], after: string[]): string[] {
  const left = new Map<string, number>();
  for (const c of after) left.set(c, (left.get(c) ?? 0) + 1);
  const missing: string[] = [];
  for (const c of before) {
    const n = left.get(c) ?? 0;
    if (n === 0) missing.push(c);
    else left.set(c, n - 1);
  }
  return missing;
}

const sameFinding = (f: Finding) => `${f.rule}|${f.node ?? ''}|${f.message}`;
const ruleAndNode = (f: Finding) => `${f.rule}|${f.node ?? ''}`;
const isProblem = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

/** Fixes applied and checked; printed at the end so the log shows the fix property did real work. */
export const fixesChecked = { count: 0 };

export function assertEveryFixHolds(before: Analysis, text: string): void {
  const comments = commentsOf(text);
  const offered = before.findings.some((f) => f.fixes.length > 0);
  const data = offered ? dataSnapshot(text, before) : undefined;
  for (const finding of before.findings) {
    for (const offer of finding.fixes) {
      const what = `${offer.id} for ${finding.rule} on ${finding.node ?? finding.edge ?? '?'}`;
      const fix = computeFix(before, finding, offer.id);
      assert.ok(fix, `${what}: offered, so it computes`);
      for (const edit of fix.edits) assertInside(`${what}: edit`, edit, text.length);
      const output = applyEdits(text, fix.edits);
      const after = analyze(output);
      fixesChecked.count++;
      assert.deepEqual(after.findings.filter((f) => f.rule === 'parse-error').map((f) => f.message), [], `${what}: the result parses\n${output}`);
      assert.deepEqual(missingComments(comments, commentsOf(output)), [], `${what}: every comment is kept\n${output}`);
      const count = (list: Finding[]) => list.filter((f) => sameFinding(f) === sameFinding(finding)).length;
      assert.ok(count(after.findings) < count(before.findings), `${what}: the finding is settled\n${output}`);
      const known = new Set(before.findings.map(ruleAndNode));
      const added = after.findings.filter((f) => isProblem(f) && !known.has(ruleAndNode(f))).map((f) => `${ruleAndNode(f)}: ${f.message}`);
      assert.deepEqual(added, [], `${what}: no new error or warning\n${output}`);
      assertDataResourcesKept(what, data!, output, after);
    }
  }
}
