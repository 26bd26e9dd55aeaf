// Activation stays small: the extension host's bundle holds no YAML parser, no layout engine and no analysis core
// (they live in dist/analysisWorker.js). A stray import of either would grow activation by hundreds of KB.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

describe('extension host bundle', function () {
  this.timeout(60_000);

  it('bundles neither the YAML parser, elkjs nor analyze()', async () => {
    const result = await esbuild.build({
      entryPoints: [join(__dirname, '../../../src/extension/extension.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((i) => i.endsWith('src/extension/extension.ts')), 'the bundle was built from the entry');
    const heavy = inputs.filter((i) => /node_modules\/(yaml|elkjs)\//.test(i) || /src\/core\/(analyze|parse\/|rules\/)/.test(i));
    assert.deepEqual(heavy, []);
  });
});
