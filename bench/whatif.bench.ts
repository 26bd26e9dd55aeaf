// What-if response time: one `whatIfResult` (clone with overrides, cost, concurrency, rules, compare series) per
// slider move, and the Apply to YAML edits, on the clickstream example and a generated ~5,000-line serverless.yml.
// Runs under bench/run.ts, or alone: npx tsx bench/whatif.bench.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/core/analyze';
import { whatIfEdits } from '../src/core/design/applyWhatIf';
import type { WhatIfOverrides } from '../src/core/design/overrides';
import { buildWhatIfMessage } from '../src/extension/graph/whatIfMessage';
import { generatedServerless } from './generated';

const RUNS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(body: () => unknown): { medianMs: number; maxMs: number } {
  body();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    body();
    times.push(performance.now() - start);
  }
  return { medianMs: Number(median(times).toFixed(2)), maxMs: Number(Math.max(...times).toFixed(2)) };
}

export function run(): void {
  const cases: { name: string; text: string; target: string; overrides: WhatIfOverrides }[] = [
    {
      name: 'examples/clickstream/serverless.yml',
      text: readFileSync(join(__dirname, '..', 'examples', 'clickstream', 'serverless.yml'), 'utf8'),
      target: 'sessionize',
      overrides: { functions: { sessionize: { shards: 15, parallelizationFactor: 10, memoryMb: 1216 } } },
    },
    {
      name: 'generated 5,000-line serverless.yml',
      text: generatedServerless(5000),
      target: 'stage0',
      overrides: { functions: { stage0: { memoryMb: 2048, batchSize: 50, shards: 8 }, stage1: { ratePerSecond: 5 } } },
    },
  ];
  const rows = cases.map(({ name, text, target, overrides }) => {
    const analysis = analyze(text, { path: name });
    const fn = time(() => buildWhatIfMessage(analysis, { version: 1, seq: 1, target, overrides }));
    const pipeline = time(() => buildWhatIfMessage(analysis, { version: 1, seq: 1, target: null, overrides }));
    const apply = time(() => whatIfEdits(analysis, overrides));
    return {
      file: name, functions: analysis.functions.length,
      'whatIf (function) median ms': fn.medianMs, 'max ms': fn.maxMs,
      'whatIf (pipeline) median ms': pipeline.medianMs, 'max ms ': pipeline.maxMs,
      'apply edits median ms': apply.medianMs,
    };
  });
  console.table(rows);
}

if (require.main === module) run();
