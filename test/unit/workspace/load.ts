// Builds a Workspace from fixture files (paths relative to test/fixtures/workspace) the way the CLI does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../../src/core/analyze';
import { Workspace, type JoinedWorkspace, type WorkspaceOptions } from '../../../src/core/workspace';

export const FIXTURES = join(__dirname, '../../fixtures/workspace');

export function analyzeFixture(path: string): Analysis {
  return analyze(readFileSync(join(FIXTURES, path), 'utf8'), { path });
}

export function joinFixtures(paths: string[], options: WorkspaceOptions = {}, stackNames: Record<string, string> = {}): JoinedWorkspace {
  const workspace = new Workspace(options);
  for (const path of paths) workspace.update(path, analyzeFixture(path), { stackName: stackNames[path] });
  return workspace.joined();
}

export function fileOf(joined: JoinedWorkspace, path: string): Analysis {
  const found = joined.files.find((f) => f.path === path);
  if (!found) throw new Error(`${path} is not in the workspace`);
  return found.analysis;
}

export const rulesOf = (analysis: Analysis): string[] => analysis.findings.map((f) => `${f.rule} ${f.node ?? ''}`.trim());
