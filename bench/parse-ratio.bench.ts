// analyze() against yaml's own parseDocument of the same text, warm, on every corpus file and the two generated
// templates: the analysis should cost little more than reading the YAML (target <= 1.3x). Both from one esbuild
// bundle, as they ship. CPU time of batches of calls (a tiny file is repeated until a batch holds ~300 KB of text),
// parse and analyze interleaved, median of RUNS. Runs under bench/run.ts, or alone: npx tsx bench/parse-ratio.bench.ts
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildSync } from 'esbuild';
import { generatedSam, generatedServerless } from './generated';
import { CORPUS, corpusFiles, median, type Figure } from './measure';

type Subjects = typeof import('./parse-ratio.subjects');

/** The core and yaml as they ship: bundled by esbuild like dist/ (not as tsx compiles them, names kept). */
function bundledSubjects(): Subjects {
  const outfile = join(mkdtempSync(join(tmpdir(), 'pipeline-lens-bench-')), 'subjects.js');
  buildSync({ entryPoints: [join(__dirname, 'parse-ratio.subjects.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as Subjects;
}

const { analyze, parseDocument } = bundledSubjects();

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const TARGET = 1.3;
const BATCH_CHARS = 300_000;

interface Row {
  name: string;
  lines: number;
  parseMs: number;
  analyzeMs: number;
  ratio: number;
}

function cpuMsPerCall(call: () => unknown, reps: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < reps; i++) call();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / reps;
}

function measure(name: string, text: string): Row {
  const reps = Math.max(1, Math.round(BATCH_CHARS / Math.max(text.length, 1)));
  const parse = () => parseDocument(text);
  const analysis = () => analyze(text, { path: name });
  for (let i = 0; i < 3; i++) {
    cpuMsPerCall(parse, reps);
    cpuMsPerCall(analysis, reps);
  }
  const parseTimes: number[] = [];
  const analyzeTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    parseTimes.push(cpuMsPerCall(parse, reps));
    analyzeTimes.push(cpuMsPerCall(analysis, reps));
  }
  const parseMs = median(parseTimes);
  const analyzeMs = median(analyzeTimes);
  return { name, lines: text.split('\n').length, parseMs, analyzeMs, ratio: analyzeMs / parseMs };
}

export async function run(): Promise<Figure[]> {
  const inputs: [string, string][] = [
    ['generated serverless.yml (5,000 lines)', generatedServerless(5000)],
    ['generated SAM template.yaml (5,000 lines)', generatedSam(5000)],
    ...corpusFiles().map((file): [string, string] => [relative(CORPUS, file), readFileSync(file, 'utf8')]),
  ];
  if (inputs.length === 2) console.log(`(no corpus at ${CORPUS}: corpus rows skipped)`);
  const rows = inputs.map(([name, text]) => measure(name, text));
  console.log(`analyze() / parseDocument(): CPU ms per call, median of ${RUNS} interleaved batches (target <= ${TARGET}x)`);
  console.log(`${'file'.padEnd(58)} ${'lines'.padStart(5)} ${'parse'.padStart(8)} ${'analyze'.padStart(8)}  ratio`);
  for (const r of rows) {
    const flag = r.ratio > TARGET ? '  over' : '';
    console.log(`${r.name.slice(0, 58).padEnd(58)} ${String(r.lines).padStart(5)} ${r.parseMs.toFixed(2).padStart(8)} ${r.analyzeMs.toFixed(2).padStart(8)}  ${r.ratio.toFixed(2)}x${flag}`);
  }
  const over = rows.filter((r) => r.ratio > TARGET);
  const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const total = rows.reduce((s, r) => s + r.analyzeMs, 0) / rows.reduce((s, r) => s + r.parseMs, 0);
  console.log(`worst ${worst.ratio.toFixed(2)}x (${worst.name}); ${over.length} of ${rows.length} over ${TARGET}x; all files together ${total.toFixed(2)}x`);
  const generated = rows.slice(0, 2).map((r) => `${r.ratio.toFixed(2)}x`).join(' / ');
  return [
    { what: '`analyze()` / `parseDocument`, generated serverless / SAM (5,000 lines)', now: generated, target: `<= ${TARGET}x`, met: rows.slice(0, 2).every((r) => r.ratio <= TARGET) },
    {
      what: `\`analyze()\` / \`parseDocument\`, ${rows.length - 2} corpus files`,
      now: `worst ${worst.ratio.toFixed(2)}x, ${over.length} over ${TARGET}x, all together ${total.toFixed(2)}x`,
      target: `<= ${TARGET}x each`,
      met: over.length === 0,
    },
  ];
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
