// What the VSIX ships: its size (vsce package of the production build) and the extension's activation, i.e. loading
// the minified dist/extension.js and calling activate() with a stand-in `vscode` module (bench/activation/probe.js),
// in a fresh process each run. Rebuilds the development bundles afterwards. BENCH_SKIP_VSIX=1 skips packaging
// (then activation is measured on the development bundle). Runs under bench/run.ts, or alone:
// npx tsx bench/extension.bench.ts
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kb, median, REPO, type Figure } from './measure';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const TARGET_ACTIVATION_MS = 50;
const build = (...flags: string[]) => execFileSync(process.execPath, [join(REPO, 'build', 'esbuild.mjs'), ...flags], { cwd: REPO, stdio: 'inherit' });

interface Activation {
  loadMs: number;
  activateMs: number;
  /** CPU time of load + activate: wall time swells on a busy machine, this much less. */
  cpuMs: number;
}

function activationOnce(): Activation {
  const probe = spawnSync(process.execPath, [join(__dirname, 'activation', 'probe.js'), join(REPO, 'dist', 'extension.js')], { cwd: REPO, encoding: 'utf8' });
  if (probe.status !== 0) throw new Error(`activation probe failed: ${probe.stderr.slice(0, 2000)}`);
  return JSON.parse(probe.stdout) as Activation;
}

function packageVsix(): number | undefined {
  const out = join(mkdtempSync(join(tmpdir(), 'pipeline-lens-vsix-')), 'pipeline-lens.vsix');
  const vsce = join(REPO, 'node_modules', '.bin', 'vsce');
  const result = spawnSync(vsce, ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], { cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0) {
    console.log(`vsce package failed, VSIX size not measured: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ')}`);
    return undefined;
  }
  return statSync(out).size;
}

export async function run(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const skipVsix = process.env.BENCH_SKIP_VSIX === '1';
  build(...(skipVsix ? [] : ['--production']));
  try {
    if (skipVsix) console.log('VSIX: skipped (BENCH_SKIP_VSIX=1)');
    else {
      const size = packageVsix();
      if (size !== undefined) {
        console.log(`VSIX (production build, vsce package): ${kb(size)}`);
        figures.push({ what: 'VSIX size', now: kb(size), target: '(no target)' });
      }
    }
    const bundle = statSync(join(REPO, 'dist', 'extension.js')).size;
    activationOnce();
    const runs = Array.from({ length: RUNS }, activationOnce);
    const load = median(runs.map((r) => r.loadMs));
    const activate = median(runs.map((r) => r.activateMs));
    const total = median(runs.map((r) => r.loadMs + r.activateMs));
    const cpu = median(runs.map((r) => r.cpuMs));
    console.log(
      `activation (${skipVsix ? 'development' : 'production'} dist/extension.js, ${kb(bundle)}): median of ${RUNS} fresh processes: ` +
        `load ${load.toFixed(0)} ms + activate() ${activate.toFixed(1)} ms = ${total.toFixed(0)} ms (cpu ${cpu.toFixed(0)} ms)`,
    );
    figures.push({
      what: `Extension activation (load ${kb(bundle)} bundle + \`activate()\`, stand-in vscode)`,
      now: `${total.toFixed(0)} ms (load ${load.toFixed(0)} + activate ${activate.toFixed(0)}; cpu ${cpu.toFixed(0)})`,
      target: `<= ${TARGET_ACTIVATION_MS} ms`,
      // By CPU time: wall time swells with the load of a shared machine.
      met: cpu <= TARGET_ACTIVATION_MS,
    });
  } finally {
    if (!skipVsix) build();
  }
  return figures;
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
