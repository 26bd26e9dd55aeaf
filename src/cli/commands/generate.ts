// `pipeline-lens generate <design> --target serverless|sam [--out FILE]`: the deployment file a design describes
// (src/core/generate does the work), printed or written. Exit 0, or 2 when the design cannot be read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generate } from '../../core/generate';
import type { Command } from '../args';
import type { CliIo } from '../io';
import { displayPath, readOrReport } from '../load';

export function runGenerate(command: Extract<Command, { kind: 'generate' }>, io: CliIo): number {
  const file = path.resolve(io.cwd, command.file);
  const text = readOrReport(file, io.stderr);
  if (text === undefined) return 2;
  const out = command.out === undefined ? undefined : path.resolve(io.cwd, command.out);
  // The header names the design as seen from where the output lives.
  const named = out ? path.relative(path.dirname(out), file).split(path.sep).join('/') : displayPath(file, io.cwd);
  const result = generate(text, command.target, named);
  if (!result.ok) {
    io.stderr(`pipeline-lens: ${result.error}\n`);
    return 2;
  }
  if (!out) {
    io.stdout(result.text);
    return 0;
  }
  try {
    fs.writeFileSync(out, result.text);
  } catch (error) {
    io.stderr(`pipeline-lens: cannot write ${command.out}: ${(error as Error).message}\n`);
    return 2;
  }
  io.stderr(`pipeline-lens: wrote ${displayPath(out, io.cwd)}\n`);
  return 0;
}
