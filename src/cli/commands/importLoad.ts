// `pipeline-lens import-load <file> --cloudwatch m.json | --power-tuning r.json`: write measured rate, duration
// (and the tuned memory size) into the file's load annotations with `source: measured`; a diff unless --write.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadsFromCloudWatch, loadsFromPowerTuning } from '../../core/design/measured/importLoad';
import { applyMeasuredLoads, isoText } from '../../core/design/measured/loadEdits';
import type { Command } from '../args';
import { unifiedDiff } from '../diff';
import type { CliIo } from '../io';
import { analyzeFile, displayPath, readOrReport } from '../load';

export function runImportLoad(command: Extract<Command, { kind: 'import-load' }>, io: CliIo): number {
  const file = path.resolve(io.cwd, command.file);
  const shown = displayPath(file, io.cwd);
  const original = readOrReport(file, io.stderr);
  if (original === undefined) return 2;
  const measurements = readOrReport(path.resolve(io.cwd, command.measurements), io.stderr);
  if (measurements === undefined) return 2;
  const analysis = analyzeFile(file, original);
  if (analysis.format === null) {
    io.stderr(`pipeline-lens: ${shown} is not a serverless, SAM, CloudFormation or pipeline file\n`);
    return 2;
  }
  const plan =
    command.source === 'cloudwatch'
      ? loadsFromCloudWatch(analysis, measurements, { functionId: command.functionId, periodSeconds: command.periodSeconds })
      : loadsFromPowerTuning(analysis, measurements, { functionId: command.functionId, memoryMb: command.memoryMb, now: command.measuredAt ?? new Date() });
  if (!plan.ok) {
    io.stderr(`pipeline-lens: ${displayPath(path.resolve(io.cwd, command.measurements), io.cwd)}: ${plan.error}\n`);
    return 2;
  }
  const loads = command.measuredAt ? plan.value.loads.map((l) => ({ ...l, measuredAt: isoText(command.measuredAt!) })) : plan.value.loads;
  for (const note of plan.value.notes) io.stderr(`pipeline-lens: ${note}\n`);
  const result = applyMeasuredLoads(original, loads, (text) => analyzeFile(file, text));
  for (const line of result.applied) io.stderr(`pipeline-lens: ${command.write ? 'wrote' : 'would write'}: ${line}\n`);
  for (const line of result.skipped) io.stderr(`pipeline-lens: not written: ${line}\n`);
  if (command.write) {
    if (result.text !== original) fs.writeFileSync(file, result.text, 'utf8');
  } else {
    io.stdout(unifiedDiff(shown, original, result.text));
  }
  return result.skipped.length > 0 ? 1 : 0;
}
