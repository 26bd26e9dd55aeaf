// Apply to YAML, golden style: test/golden/what-if/<case>.input.yml + <case>.overrides.json -> <case>.expected.yml
// (UPDATE_GOLDEN=1 rewrites the expected files; read the diff before committing). The output must keep every
// comment, and analysing it must give what the what-if showed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { applyEdits } from '../../../src/core/edit';
import { whatIfEdits } from '../../../src/core/design/applyWhatIf';
import { whatIf } from '../../../src/core/design/whatif';
import type { WhatIfOverrides } from '../../../src/core/design/overrides';
import { EXAMPLES, rules } from './examples';

const DIR = path.join(__dirname, '..', '..', 'golden', 'what-if');
const cases = fs.readdirSync(DIR).filter((f) => /\.input\.ya?ml$/.test(f)).sort();

const comments = (text: string) => text.split('\n').map((l) => /#.*$/.exec(l)?.[0]).filter(Boolean);

/** What a user sees per function: cost/day, expected concurrency and cap, memory and architecture. */
const figures = (reports: ReturnType<typeof analyze>['functions']) =>
  reports.map((r) => ({ id: r.id, perDay: r.cost?.perDayUsd ?? null, expected: r.concurrency.expected, cap: r.concurrency.cap, memory: r.memoryMb, arch: r.architecture, region: r.cost?.breakdown.region }));

describe('what-if: apply to YAML (golden files)', () => {
  it('has cases', () => assert.ok(cases.length >= 4));
  for (const file of cases) {
    const name = file.replace(/\.input\.ya?ml$/, '');
    it(name, () => {
      const input = fs.readFileSync(path.join(DIR, file), 'utf8');
      const overrides = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.overrides.json`), 'utf8')) as WhatIfOverrides;
      const before = analyze(input, { path: file });
      const result = whatIfEdits(before, overrides);
      assert.ok(result, 'the file can be edited');
      assert.deepEqual(result.skipped, [], 'every value was written');
      const output = applyEdits(input, result.edits);
      const expectedPath = path.join(DIR, file.replace('.input.', '.expected.'));
      if (process.env.UPDATE_GOLDEN) fs.writeFileSync(expectedPath, output);
      assert.equal(output, fs.readFileSync(expectedPath, 'utf8'));
      assert.deepEqual(comments(output), comments(input), 'comments are kept, in order');
      const after = analyze(output, { path: file });
      const tried = whatIf(before, overrides);
      assert.deepEqual(figures(after.functions), figures(tried.functions), 're-analysis gives the what-if figures');
      assert.deepEqual(rules(after.findings), rules(tried.findings), 're-analysis gives the what-if findings');
      assert.deepEqual(whatIfEdits(after, overrides)?.edits, [], 'applying the same values again changes nothing');
    });
  }
});

describe('what-if: apply to YAML, the edge cases', () => {
  it('writes nothing for values equal to the file\'s', () => {
    const input = fs.readFileSync(path.join(DIR, 'serverless-clickstream.input.yml'), 'utf8');
    const result = whatIfEdits(analyze(input), { region: 'eu-west-1', functions: { sessionize: { memoryMb: 2432, ratePerSecond: 50 / 60, shards: 4 } } });
    assert.deepEqual(result, { edits: [], written: [], skipped: [] });
  });

  it('writes a scaled load as each function\'s rate', () => {
    const input = fs.readFileSync(path.join(EXAMPLES, 'orders-queue', 'serverless.yml'), 'utf8');
    const before = analyze(input);
    const result = whatIfEdits(before, { rateScale: 2.5, functions: {} })!;
    assert.deepEqual(result.written, ['accept: rate 50/second', 'worker: rate 5/second']);
    const after = analyze(applyEdits(input, result.edits));
    assert.deepEqual(figures(after.functions), figures(whatIf(before, { rateScale: 2.5, functions: {} }).functions));
  });

  it('does not flatten a value the file computes, and says so', () => {
    const input = 'service: s\nprovider:\n  name: aws\ncustom:\n  mem: 512\nfunctions:\n  f:\n    handler: h\n    memorySize: ${self:custom.mem}\n';
    const result = whatIfEdits(analyze(input), { functions: { f: { memoryMb: 1024 } } });
    assert.deepEqual(result?.edits, []);
    assert.match(result!.skipped[0], /^f: memory 1024 MB: the file computes it/);
  });

  it('refuses a file with YAML errors', () => {
    assert.equal(whatIfEdits(analyze('service: s\nprovider: [\n'), { functions: {} }), undefined);
  });
});
