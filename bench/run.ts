// `npm run bench`: runs every bench/*.bench.ts in name order, then prints the summary table of their figures.
// A bench file plugs in by exporting `run()` (sync or async): it prints its own details and may return Figure[]
// (bench/measure.ts: what, now, target, met) for the summary. `npm run bench -- cli` runs only the files whose name
// contains "cli". Figures vary with the machine and its load: the ratios are what count, and whole-process verdicts
// go by CPU time where it is measured (wall time swells when the cores are shared).
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { BenchModule, Figure } from './measure';

function isFigure(value: unknown): value is Figure {
  return typeof value === 'object' && value !== null && typeof (value as Figure).what === 'string' && typeof (value as Figure).now === 'string';
}

function summary(figures: Figure[]): string {
  const verdict = (f: Figure) => (f.met === undefined ? '' : f.met ? 'met' : 'NOT met');
  const rows = [['what', 'now', 'target', ''], ...figures.map((f) => [f.what, f.now, f.target, verdict(f)])];
  return rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n').replace(/\n/, `\n|${'---|'.repeat(4)}\n`);
}

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
    .sort();
  if (files.length === 0) throw new Error(`no bench/*.bench.ts matches "${filter}"`);
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.versions.node}, load average ${loadavg()[0].toFixed(1)}`;
  console.log(`machine: ${machine}`);
  const figures: Figure[] = [];
  for (const file of files) {
    console.log(`\n## ${file}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bench = require(join(__dirname, file)) as Partial<BenchModule>;
    if (typeof bench.run !== 'function') throw new Error(`${file} exports no run()`);
    const result = await bench.run();
    if (Array.isArray(result)) figures.push(...result.filter(isFigure));
  }
  if (figures.length > 0) console.log(`\n## summary (load average at the end: ${loadavg()[0].toFixed(1)})\n${summary(figures)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
