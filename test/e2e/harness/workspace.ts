// A throwaway workspace: a copy of examples/ (and optionally test/fixtures as fixtures/), so tests may edit files freely.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { trackTempDir } from './cleanup';
import { examplesDir, fixturesDir } from './paths';

export interface TempWorkspace {
  readonly dir: string;
  dispose(): void;
}

export function createWorkspace(options: { fixtures?: boolean } = {}): TempWorkspace {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-lens-ws-'));
  const untrack = trackTempDir(root);
  const dir = path.join(root, 'workspace');
  fs.mkdirSync(dir);
  if (fs.existsSync(examplesDir)) fs.cpSync(examplesDir, dir, { recursive: true });
  if (options.fixtures && fs.existsSync(fixturesDir)) fs.cpSync(fixturesDir, path.join(dir, 'fixtures'), { recursive: true });
  return { dir, dispose: () => {
    fs.rmSync(root, { recursive: true, force: true });
    untrack();
  } };
}
