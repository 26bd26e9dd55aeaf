// Shared by the benchmarks: medians, whole-process timing, the corpus files, and the figures each bench hands to
// the summary table that bench/run.ts prints at the end.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(__dirname, '..');
export const CORPUS = join(REPO, '..', 'shared', 'corpus');

/** One line of the summary table: what was measured, the figure now, the target, and whether it is met. */
export interface Figure {
  what: string;
  now: string;
  target: string;
  /** undefined: no target, or not measured here. */
  met?: boolean;
}

/** What a bench/*.bench.ts exports: `run()`, which prints its own details and may return figures for the summary. */
export interface BenchModule {
  run(): unknown;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export interface ProcessTiming {
  medianMs: number;
  /** Median CPU time (user + system) of the process and its children; undefined where /proc is not available. */
  medianCpuMs?: number;
  minMs: number;
  maxMs: number;
  runs: number;
  status: number | null;
}

/** A whole process, like hyperfine: one warm-up run, then the median wall time of `runs` runs. */
export function timeProcess(command: string, args: string[], runs: number, cwd = REPO): ProcessTiming {
  let status: number | null = null;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const cpuStart = childrenCpuMs();
    const start = performance.now();
    const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const ms = performance.now() - start;
    const cpuEnd = childrenCpuMs();
    if (result.error) throw result.error;
    status = result.status;
    if (i === 0) continue;
    times.push(ms);
    if (cpuStart !== undefined && cpuEnd !== undefined) cpuTimes.push(cpuEnd - cpuStart);
  }
  const medianCpuMs = cpuTimes.length ? median(cpuTimes) : undefined;
  return { medianMs: median(times), medianCpuMs, minMs: Math.min(...times), maxMs: Math.max(...times), runs, status };
}

/**
 * CPU time of this process's finished children (Linux: /proc/self/stat cutime + cstime, in 10 ms ticks). On a
 * shared machine wall time swells with the load; CPU time much less.
 */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after the command name start at field 3 (state): cutime is field 16, cstime field 17.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** The first line a command prints, or undefined when it cannot be run (not installed). */
export function versionOf(command: string, args = ['--version']): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.error || result.status !== 0 ? undefined : `${result.stdout}${result.stderr}`.trim().split('\n')[0];
}

export function corpusFiles(dir = CORPUS): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? corpusFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []);
}

export function largestCorpusFile(): string | undefined {
  return corpusFiles().sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
