// analyze() time and memory on every corpus file (../shared/corpus) and on a generated ~5,000-line serverless.yml:
// cold (first call in this process) and warm (median of RUNS). Runs under bench/run.ts, or alone:
// npx tsx bench/analyze.bench.ts
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze } from '../src/core/analyze';
import { generatedServerless } from './generated';

const RUNS = 15;
const CORPUS = join(__dirname, '..', '..', 'shared', 'corpus');

interface Row {
  name: string;
  lines: number;
  coldMs: number;
  warmMedianMs: number;
  warmMaxMs: number;
  /** CPU time of the median warm call: wall time swells on a busy machine, this does not. */
  warmCpuMs: number;
  findings: number;
  functions: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(name: string, text: string): Row {
  let start = performance.now();
  const first = analyze(text, { path: name });
  const coldMs = performance.now() - start;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    start = performance.now();
    const cpuStart = process.cpuUsage();
    analyze(text, { path: name });
    const cpu = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  return {
    name, lines: text.split('\n').length, coldMs, warmMedianMs: median(times), warmMaxMs: Math.max(...times), warmCpuMs: median(cpuTimes),
    findings: first.findings.length, functions: first.functions.length,
  };
}

function corpusFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? corpusFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []);
}

/** A real collection before each memory reading, so figures are what stays alive, not garbage. */
setFlagsFromString('--expose_gc');
const collect = runInNewContext('gc') as () => void;

/** Heap kept alive by one Analysis of `text` (what the extension's per-document cache holds). */
function retainedBytes(text: string): number {
  collect();
  const before = process.memoryUsage().heapUsed;
  const kept = analyze(text, { path: 'retained' });
  collect();
  const after = process.memoryUsage().heapUsed;
  void kept.findings.length;
  return after - before;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  const generated = generatedServerless(5000);
  // The generated file first, so its cold figure includes loading and JIT of the whole core.
  const heapBefore = process.memoryUsage().heapUsed;
  rows.push(measure('generated serverless.yml', generated));
  const files = corpusFiles(CORPUS);
  if (files.length === 0) console.log(`(no corpus at ${CORPUS}: corpus rows skipped)`);
  for (const file of files) rows.push(measure(relative(CORPUS, file), readFileSync(file, 'utf8')));
  collect();
  const memory = process.memoryUsage();
  const retained = retainedBytes(generated);

  console.log(`analyze(): cold = first call, warm = median (max) of ${RUNS} calls, cpu = median CPU time of a warm call`);
  console.log(`${'file'.padEnd(58)} ${'lines'.padStart(5)} ${'cold ms'.padStart(8)} ${'warm ms'.padStart(8)} ${'max ms'.padStart(7)} ${'cpu ms'.padStart(7)} fns findings`);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(58)} ${String(r.lines).padStart(5)} ${r.coldMs.toFixed(1).padStart(8)} ${r.warmMedianMs.toFixed(2).padStart(8)} ` +
        `${r.warmMaxMs.toFixed(1).padStart(7)} ${r.warmCpuMs.toFixed(1).padStart(7)} ${String(r.functions).padStart(3)} ${String(r.findings).padStart(8)}`,
    );
  }
  const corpus = rows.slice(1);
  if (corpus.length) {
    const total = corpus.reduce((s, r) => s + r.warmMedianMs, 0);
    console.log(`corpus: ${corpus.length} files, warm total ${total.toFixed(1)} ms, slowest ${Math.max(...corpus.map((r) => r.warmMedianMs)).toFixed(2)} ms`);
  }
  console.log(`memory: one analysis of the generated file keeps ${mb(retained)} alive; heap after the run ${mb(memory.heapUsed)} (grew ${mb(memory.heapUsed - heapBefore)}), rss ${mb(memory.rss)}`);
  return rows;
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
