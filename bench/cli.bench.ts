// The CLI as users run it, whole processes: `check` beside cfn-lint on the largest corpus template and a generated
// ~5,000-line SAM template, and `--version` (nothing analysed). Builds dist/ first (node build/esbuild.mjs).
// Runs under bench/run.ts, or alone: npx tsx bench/cli.bench.ts. BENCH_RUNS (default 10) and BENCH_CFN_RUNS
// (default 3: cfn-lint takes seconds per run) set the number of timed runs, after one warm-up run each.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { generatedSam } from './generated';
import { CORPUS, kb, largestCorpusFile, REPO, seconds, timeProcess, versionOf, type Figure, type ProcessTiming } from './measure';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const CFN_RUNS = Number(process.env.BENCH_CFN_RUNS ?? 3);
const CLI = join(REPO, 'dist', 'cli.js');
const TARGET_RATIO = 30;
const TARGET_VERSION_MS = 100;

const cpu = (t: ProcessTiming) => (t.medianCpuMs === undefined ? '' : ` (cpu ${seconds(t.medianCpuMs)})`);

export async function run(): Promise<Figure[]> {
  execFileSync(process.execPath, [join(REPO, 'build', 'esbuild.mjs')], { cwd: REPO, stdio: 'inherit' });
  const figures: Figure[] = [];
  const cfnLint = versionOf('cfn-lint');
  console.log(`whole processes: median wall time of ${RUNS} runs (cfn-lint: ${CFN_RUNS}) after one warm-up; cpu = median user+sys`);
  console.log(cfnLint ? `cfn-lint: ${cfnLint}` : 'cfn-lint is not installed (pip install cfn-lint): the comparison is skipped');

  const dir = join(tmpdir(), 'pipeline-lens-bench');
  mkdirSync(dir, { recursive: true });
  const generated = join(dir, 'template.yaml');
  writeFileSync(generated, generatedSam(5000));
  const largest = largestCorpusFile();
  if (!largest) console.log(`(no corpus at ${CORPUS}: only the generated template is checked)`);
  const files = [
    ...(largest ? [{ label: `corpus ${relative(CORPUS, largest)}`, path: largest }] : []),
    { label: 'generated SAM template.yaml', path: generated },
  ];

  for (const file of files) {
    const size = `${kb(statSync(file.path).size)}, ${lineCount(file.path)} lines`;
    const ours = timeProcess(process.execPath, [CLI, 'check', file.path], RUNS);
    let line = `check ${file.label} (${size}): pipeline-lens ${seconds(ours.medianMs)}${cpu(ours)}`;
    let figure: Figure = { what: `CLI \`check\` ${basename(file.path)} (${size})`, now: seconds(ours.medianMs), target: `>= ${TARGET_RATIO}x faster than cfn-lint` };
    if (cfnLint) {
      const theirs = timeProcess('cfn-lint', [file.path], CFN_RUNS);
      const ratio = theirs.medianMs / ours.medianMs;
      const cpuRatio = theirs.medianCpuMs && ours.medianCpuMs ? theirs.medianCpuMs / ours.medianCpuMs : undefined;
      line += `, cfn-lint ${seconds(theirs.medianMs)}${cpu(theirs)}: ${ratio.toFixed(1)}x faster` + (cpuRatio ? ` (cpu ${cpuRatio.toFixed(1)}x)` : '');
      // The verdict goes by CPU time where it is measured: wall time swells with the load of a shared machine.
      figure = { ...figure, now: `${seconds(ours.medianMs)} vs ${seconds(theirs.medianMs)}: ${ratio.toFixed(1)}x` + (cpuRatio ? ` (cpu ${cpuRatio.toFixed(1)}x)` : ''), met: (cpuRatio ?? ratio) >= TARGET_RATIO };
    }
    console.log(line);
    figures.push(figure);
  }

  const bare = timeProcess(process.execPath, ['-e', '0'], RUNS);
  const version = timeProcess(process.execPath, [CLI, '--version'], RUNS);
  console.log(`--version: ${(version.medianMs).toFixed(0)} ms${cpu(version)}; bare \`node -e 0\`: ${bare.medianMs.toFixed(0)} ms${cpu(bare)}`);
  figures.push({
    what: '`node dist/cli.js --version`',
    now: `${version.medianMs.toFixed(0)} ms${cpu(version)}; bare node ${bare.medianMs.toFixed(0)} ms${cpu(bare)}`,
    target: `< ${TARGET_VERSION_MS} ms`,
    met: (version.medianCpuMs ?? version.medianMs) < TARGET_VERSION_MS,
  });
  return figures;
}

function lineCount(path: string): number {
  const content = readFileSync(path, 'utf8');
  return content.split('\n').length - (content.endsWith('\n') ? 1 : 0);
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
