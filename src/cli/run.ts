// The CLI as a function: arguments in, output through `io`, exit code out (tests call this in-process).
import { version } from '../../package.json';
import { parseArgs, USAGE, UsageError, type Command } from './args';
import { runCheck } from './commands/check';
import { runFix } from './commands/fix';
import { runGraph } from './commands/graph';
import { runImportLoad } from './commands/importLoad';
import { runGenerate } from './commands/generate';
import type { CliIo } from './io';

export const CLI_VERSION: string = version;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`pipeline-lens: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  switch (command.kind) {
    case 'help':
      io.stdout(USAGE);
      return 0;
    case 'version':
      io.stdout(`${CLI_VERSION}\n`);
      return 0;
    case 'check':
      return runCheck(command, io, CLI_VERSION);
    case 'graph':
      return runGraph(command, io);
    case 'fix':
      return runFix(command, io);
    case 'import-load':
      return runImportLoad(command, io);
    case 'generate':
      return runGenerate(command, io);
  }
}
