// `pipeline-lens graph`: the laid-out stage graph of one file, as SVG, JSON or DOT (src/core/graph does the work).
import { buildStageGraph, graphSvg, graphToJson, laidOutGraph, toDot } from '../../core/graph';
import type { Command } from '../args';
import type { CliIo } from '../io';
import { analyzeFile, readOrReport } from '../load';
import * as path from 'node:path';

export async function runGraph(command: Extract<Command, { kind: 'graph' }>, io: CliIo): Promise<number> {
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
