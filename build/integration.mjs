// Bundles the integration suite for the extension host: test/integration/index.ts (mocha run()) and every
// test/integration/**/*.test.ts, one JS file each, into out/integration/ (vscode and mocha stay external).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const sourceDir = 'test/integration';
const outDir = 'out/integration';

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'run' ? [] : testFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

rmSync(outDir, { recursive: true, force: true });
const entryPoints = [join(sourceDir, 'index.ts'), ...testFiles(sourceDir)];
await esbuild.build({
  entryPoints,
  outbase: sourceDir,
  outdir: outDir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`integration bundle: ${entryPoints.map((file) => relative(sourceDir, file)).join(', ')} -> ${outDir}/`);
