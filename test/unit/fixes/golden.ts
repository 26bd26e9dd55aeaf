// Golden-file harness for fixes: test/golden/<fix>/<case>.input.yml -> <case>.expected.yml. Set UPDATE_GOLDEN=1
// to (re)write expected files, then read the diff before committing them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis } from '../../../src/core/analyze';
import { applyEdits } from '../../../src/core/edit';
import type { Finding } from '../../../src/core/findings';
import { computeFix } from '../../../src/core/fixes';

export const GOLDEN_DIR = path.join(__dirname, '..', '..', 'golden');

export interface GoldenCase {
  fixId: string;
  name: string;
  inputPath: string;
  expectedPath: string;
}

export function goldenCases(fixId: string): GoldenCase[] {
  const dir = path.join(GOLDEN_DIR, fixId);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.input\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({
      fixId,
      name: f.replace(/\.input\.ya?ml$/, ''),
      inputPath: path.join(dir, f),
      expectedPath: path.join(dir, f.replace('.input.', '.expected.')),
    }));
}

const key = (f: Finding) => `${f.rule}|${f.node ?? ''}`;

/** The first finding offering `fixId` (of the rule named by a `# golden-rule: <id>` comment in the input, if any). */
export function findingWithFix(analysis: Analysis, fixId: string): Finding | undefined {
  const rule = /# golden-rule: ([\w-]+)/.exec(analysis.parsed.text)?.[1];
  return analysis.findings.find((f) => f.fixes.some((o) => o.id === fixId) && (!rule || f.rule === rule));
}

/** Applies the fix to its first finding, compares with the expected file and re-analyses the result. */
export function runGoldenCase(c: GoldenCase): { before: Analysis; after: Analysis; output: string } {
  const input = fs.readFileSync(c.inputPath, 'utf8');
  const before = analyze(input, { path: c.inputPath });
  const finding = findingWithFix(before, c.fixId);
  assert.ok(finding, `${c.name}: a finding offers ${c.fixId}; findings: ${before.findings.map(key).join(', ')}`);
  const fix = computeFix(before, finding, c.fixId);
  assert.ok(fix, `${c.name}: ${c.fixId} computes its edits`);
  const output = applyEdits(input, fix.edits);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(c.expectedPath, output);
  assert.equal(output, fs.readFileSync(c.expectedPath, 'utf8'), `${c.name}: output matches ${path.basename(c.expectedPath)}`);
  const after = analyze(output, { path: c.inputPath });
  assert.deepEqual(after.findings.filter((f) => f.rule === 'parse-error'), [], 'the fixed file parses');
  const remaining = after.findings.filter((f) => key(f) === key(finding));
  assert.deepEqual(remaining.map((f) => f.message), [], `${c.name}: no ${finding.rule} finding remains on ${finding.node}`);
  const known = new Set(before.findings.map(key));
  const added = after.findings.filter((f) => !known.has(key(f)));
  assert.deepEqual(added.map((f) => `${key(f)}: ${f.message}`), [], `${c.name}: the fix adds no new finding`);
  return { before, after, output };
}
