// `pipeline-lens check`: analyse files and directories; exit 1 when any finding is an error.
import * as path from 'node:path';
import type { DeepPartial, Settings } from '../../core/settings';
import type { Command } from '../args';
import { collectFiles } from '../files';
import type { CliIo } from '../io';
import { analyzeFile, displayPath, readOrReport } from '../load';
import { formatJson } from '../output/json';
import { fileResult, type FileResult } from '../output/results';
import { formatSarif } from '../output/sarif';
import { formatText } from '../output/text';
import { loadWorkspace } from '../workspace';
import { workspaceJsonOutput } from '../output/workspaceJson';
import { formatPipelines } from '../output/pipelines';

export function runCheck(command: Extract<Command, { kind: 'check' }>, io: CliIo, version: string): number {
  let files: string[];
  try {
    files = collectFiles(command.paths, io.cwd);
  } catch (error) {
    io.stderr(`pipeline-lens: cannot read ${(error as { path?: string }).path ?? command.paths.join(' ')}: no such file or directory\n`);
    return 2;
  }
  const settings: DeepPartial<Settings> = {};
  if (command.region) settings.region = command.region;
  if (command.arch) settings.architecture = command.arch;
  if (command.workspace) return runWorkspaceCheck(command, io, version, settings);
  const explicit = new Set(command.paths.map((p) => path.resolve(io.cwd, p)));
  const results: FileResult[] = [];
  let unreadable = false;
  for (const file of files) {
    const shown = displayPath(file, io.cwd);
    const text = readOrReport(file, io.stderr);
    if (text === undefined) {
      unreadable = true;
      continue;
    }
    const analysis = analyzeFile(file, text, settings);
    if (analysis.format === null) {
      // A named file is always reported (its parse errors, or why it is skipped); found files only when recognised.
      const named = explicit.has(file);
      if (named && analysis.findings.length === 0) {
        io.stderr(`pipeline-lens: ${shown} is not a serverless, SAM, CloudFormation or pipeline file; skipped\n`);
      }
      if (!named || analysis.findings.length === 0) continue;
    }
    results.push(fileResult(shown, analysis));
  }
  if (command.format === 'json') io.stdout(formatJson(results));
  else if (command.format === 'sarif') io.stdout(formatSarif(results, version));
  else io.stdout(formatText(results, io.colour));
  if (unreadable) return 2;
  return results.some((r) => r.analysis.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function runWorkspaceCheck(command: Extract<Command, { kind: 'check' }>, io: CliIo, version: string, settings: DeepPartial<Settings>): number {
  let loaded: ReturnType<typeof loadWorkspace>;
  try {
    loaded = loadWorkspace(command.paths, io, settings, command.stage);
  } catch (error) {
    io.stderr(`pipeline-lens: cannot read ${(error as { path?: string }).path ?? command.paths.join(' ')}: no such file or directory\n`);
    return 2;
  }
  const { results, joined, unreadable } = loaded;
  if (command.format === 'json') io.stdout(JSON.stringify(workspaceJsonOutput(results, joined), null, 2) + '\n');
  else if (command.format === 'sarif') io.stdout(formatSarif(results, version));
  else io.stdout(formatText(results, io.colour) + formatPipelines(joined));
  if (unreadable) return 2;
  return results.some((r) => r.analysis.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
