// `pipeline-lens graph`: the laid-out stage graph of one file, as SVG, JSON or DOT (src/core/graph does the work).
import { buildStageGraph, graphSvg, graphToJson, laidOutGraph, toDot } from '../../core/graph';
import type { Command } from '../args';
import type { CliIo } from '../io';
import { analyzeFile, readOrReport } from '../load';
import * as path from 'node:path';
import { mergedGraphInput } from '../../core/workspace';
import { workspaceGraphSvg } from '../../core/workspace/layout';
import { loadWorkspace } from '../workspace';
import { workspaceJson } from '../output/workspaceJson';

export async function runGraph(command: Extract<Command, { kind: 'graph' }>, io: CliIo): Promise<number> {
  if (command.workspace) return runWorkspaceGraph(command, io);
  const file = path.resolve(io.cwd, command.file);
  const text = readOrReport(file, io.stderr);
  if (text === undefined) return 2;
  const analysis = analyzeFile(file, text);
  if (analysis.format === null) {
    io.stderr(`pipeline-lens: ${command.file} is not a serverless, SAM, CloudFormation or pipeline file\n`);
    return 2;
  }
  const input = { model: analysis.model, findings: analysis.findings, functions: analysis.functions };
  if (command.format === 'dot') io.stdout(toDot(buildStageGraph(input)));
  else if (command.format === 'json') io.stdout(JSON.stringify(graphToJson(await laidOutGraph(input)), null, 2) + '\n');
  else io.stdout(await graphSvg(input));
  return 0;
}

/** `graph <dir> --workspace`: JSON is the workspace graph of CONTRACT.md section 6; SVG draws each file as a group, DOT flat (ids `file#id`). */
async function runWorkspaceGraph(command: Extract<Command, { kind: 'graph' }>, io: CliIo): Promise<number> {
  let loaded: ReturnType<typeof loadWorkspace>;
  try {
    loaded = loadWorkspace([command.file], io, {}, command.stage);
  } catch {
    io.stderr(`pipeline-lens: cannot read ${command.file}: no such file or directory\n`);
    return 2;
  }
  const { joined } = loaded;
  if (command.format === 'json') {
    io.stdout(JSON.stringify({ version: 1, workspace: workspaceJson(joined) }, null, 2) + '\n');
    return loaded.unreadable ? 2 : 0;
  }
  if (command.format === 'dot') io.stdout(toDot(buildStageGraph(mergedGraphInput(joined))));
  else io.stdout(await workspaceGraphSvg(joined));
  return loaded.unreadable ? 2 : 0;
}
