// The promise of Apply to YAML, over many tried values: whatever the knobs say, the file written analyses to the
// figures and findings the what-if showed, keeps its comments, and a second apply of the same values changes nothing.
// Values are whole numbers (rates per minute, durations in ms) so the annotation text is exact.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../../src/core/analyze';
import { applyEdits } from '../../../src/core/edit';
import { whatIfEdits } from '../../../src/core/design/applyWhatIf';
import type { FunctionOverrides, WhatIfOverrides } from '../../../src/core/design/overrides';
import { fileValues } from '../../../src/core/design/tunables';
import { whatIf } from '../../../src/core/design/whatif';
import { EXAMPLES, rules } from './examples';

const FILES = [
  'clickstream/serverless.yml',
  'orders-queue/serverless.yml',
  's3-ingest/template.yaml',
  'design/clickstream.pipeline.yaml',
  '../test/golden/what-if/cfn-mapping.input.yaml',
  '../test/golden/what-if/sam-queue.input.yaml',
];

const comments = (text: string) => text.split('\n').map((l) => /#.*$/.exec(l)?.[0]).filter(Boolean);
const figures = (reports: ReturnType<typeof analyze>['functions']) =>
  reports.map((r) => [r.id, r.cost?.perDayUsd ?? null, r.concurrency.expected, r.concurrency.cap, r.memoryMb, r.architecture]);

/** Random values for the knobs the function has. */
function overridesFor(knobs: string[]): fc.Arbitrary<FunctionOverrides> {
  const all: Record<string, fc.Arbitrary<unknown>> = {
    ratePerSecond: fc.integer({ min: 1, max: 60_000 }).map((perMinute) => perMinute / 60),
    durationMs: fc.integer({ min: 1, max: 900_000 }),
    memoryMb: fc.integer({ min: 128, max: 10_240 }),
    architecture: fc.constantFrom('x86_64', 'arm64'),
    shards: fc.integer({ min: 1, max: 200 }),
    parallelizationFactor: fc.integer({ min: 1, max: 10 }),
    batchSize: fc.integer({ min: 1, max: 10_000 }),
    reservedConcurrency: fc.integer({ min: 0, max: 900 }),
    maximumConcurrency: fc.integer({ min: 2, max: 1000 }),
  };
  const chosen = Object.fromEntries(knobs.filter((k) => k in all).map((k) => [k, all[k]]));
  return fc.record(chosen, { requiredKeys: [] }) as fc.Arbitrary<FunctionOverrides>;
}

describe('what-if: apply to YAML, property over tried values', () => {
  for (const file of FILES) {
    it(file.replace('../test/golden/', ''), () => {
      const input = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
      const before = analyze(input, { path: file });
      const perFunction = Object.fromEntries(before.functions.map((f) => [f.id, overridesFor(Object.keys(fileValues(before, f.id) ?? {}))]));
      const tried = fc.record({
        region: fc.option(fc.constantFrom('us-east-1', 'eu-central-1', 'ap-south-1'), { nil: undefined }),
        functions: fc.record(perFunction, { requiredKeys: [] }),
      });
      fc.assert(
        fc.property(tried, (raw) => {
          const functions = raw.functions as Record<string, FunctionOverrides>;
          const overrides: WhatIfOverrides = raw.region ? { region: raw.region, functions } : { functions };
          const result = whatIfEdits(before, overrides);
          assert.ok(result);
          assert.deepEqual(result.skipped, []);
          const output = applyEdits(input, result.edits);
          assert.deepEqual(comments(output), comments(input));
          const after = analyze(output, { path: file });
          const expected = whatIf(before, overrides);
          assert.deepEqual(figures(after.functions), figures(expected.functions));
          assert.deepEqual(rules(after.findings), rules(expected.findings));
          assert.deepEqual(whatIfEdits(after, overrides)?.edits, []);
        }),
        { numRuns: 40, seed: 11 },
      );
    });
  }
});
