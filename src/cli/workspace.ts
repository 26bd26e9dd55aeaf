// `--workspace`: every recognised file under the given paths analysed, then joined into one pipeline. Stack names
// come from a CDK `manifest.json` or a SAM `samconfig.toml`/`.yaml` beside the templates when there is one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DeepPartial, Settings } from '../core/settings';
import { cdkStackNames, SAM_TEMPLATE_NAMES, samConfigStackName, Workspace, type JoinedWorkspace } from '../core/workspace';
import { collectFiles, includeReader } from './files';
import type { CliIo } from './io';
import { analyzeFile, displayPath, readOrReport } from './load';
import { fileResult, type FileResult } from './output/results';

export interface LoadedWorkspace {
  results: FileResult[];
  joined: JoinedWorkspace;
  unreadable: boolean;
}

/** Stack names the deployment gives the templates of a folder (CDK's manifest.json, SAM's samconfig), by path. */
function deployedStacks(files: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
  for (const dir of new Set(files.map((f) => path.dirname(f)))) {
    try {
      const manifest = read(path.join(dir, 'manifest.json'));
      if (manifest) for (const [template, stack] of cdkStackNames(manifest)) out.set(path.join(dir, template), stack);
      const toml = read(path.join(dir, 'samconfig.toml'));
      const yaml = toml === undefined ? read(path.join(dir, 'samconfig.yaml')) ?? read(path.join(dir, 'samconfig.yml')) : undefined;
      const stack = toml !== undefined ? samConfigStackName(toml, 'toml') : yaml !== undefined ? samConfigStackName(yaml, 'yaml') : undefined;
      if (stack) for (const name of SAM_TEMPLATE_NAMES) out.set(path.join(dir, name), stack);
    } catch {
      // An unreadable manifest or samconfig only means the stacks go unnamed.
    }
  }
  return out;
}

/** Throws like collectFiles when a path does not exist. */
export function loadWorkspace(paths: string[], io: CliIo, settings: DeepPartial<Settings>, stage?: string): LoadedWorkspace {
  const files = collectFiles(paths, io.cwd);
  const stacks = deployedStacks(files);
  const workspace = new Workspace({ stage });
  const analyses = new Map<string, FileResult>();
  let unreadable = false;
  for (const file of files) {
    const text = readOrReport(file, io.stderr);
    if (text === undefined) {
      unreadable = true;
      continue;
    }
    const analysis = analyzeFile(file, text, settings);
    if (analysis.format === null) continue;
    const shown = displayPath(file, io.cwd);
    workspace.update(shown, analysis, { stackName: stacks.get(file), readFile: includeReader(file) });
    analyses.set(shown, fileResult(shown, analysis));
  }
  const joined = workspace.joined();
  const results = joined.files.map(({ path: shown, analysis }) => ({ ...analyses.get(shown)!, analysis }));
  return { results, joined, unreadable };
}
