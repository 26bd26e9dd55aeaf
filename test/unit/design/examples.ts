// The repository's example files, analysed once per test run (what-if and compare tests start from them).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis } from '../../../src/core/analyze';

export const EXAMPLES = path.resolve(__dirname, '../../../examples');

export function example(relative: string, settings?: Parameters<typeof analyze>[1]): Analysis {
  const file = path.join(EXAMPLES, relative);
  return analyze(readFileSync(file, 'utf8'), { path: relative, ...settings });
}

export const rules = (findings: { rule: string; node?: string }[]) => findings.map((f) => `${f.rule}:${f.node}`).sort();
