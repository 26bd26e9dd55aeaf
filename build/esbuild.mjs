// Bundles: the extension host (vscode external), its analysis worker, the webview (browser) and the CLI (node, with a
// shebang).
import { chmodSync } from 'node:fs';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
// --production (npm run package): minified, no source maps, for the VSIX.
const production = process.argv.includes('--production') || process.env.NODE_ENV === 'production';
const common = { bundle: true, sourcemap: !production, logLevel: 'warning', minify: production };

// elkjs is 1.5 MB (minified) that only graph layout needs: the node bundles require it from a file of its own,
// dist/elk.js, on the first layout (src/core/graph/layout.ts), so activation, `check` and `--version` never parse it.
const ELK_FILE = './elk.js';
const elkApart = {
  name: 'elk-apart',
  setup(build) {
    build.onResolve({ filter: /^elkjs\/lib\/elk\.bundled\.js$/ }, () => ({ path: ELK_FILE, external: true }));
  },
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], plugins: [elkApart] },
  // The analysis worker (parse, analyze, fixes, graph layout, the joined workspace): its own bundle, so activation loads none of it.
  { ...common, entryPoints: ['src/extension/worker/workerMain.ts'], outfile: 'dist/analysisWorker.js', platform: 'node', format: 'cjs', target: 'node20', plugins: [elkApart] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' }, plugins: [elkApart] },
  { ...common, entryPoints: { elk: 'elkjs/lib/elk.bundled.js' }, outdir: 'dist', platform: 'node', format: 'cjs', target: 'node20' },
  { ...common, entryPoints: ['webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  // The package's bin: executable, so `./dist/cli.js` runs as is and `npm pack` records the mode.
  chmodSync('dist/cli.js', 0o755);
}
