// Command-line arguments (CONTRACT.md section 3) -> a typed command, or a usage error message.
import { isRuleId, type RuleId } from '../core/findings';
import type { Architecture } from '../core/model';

export type CheckFormat = 'text' | 'json' | 'sarif';
export type GraphFormat = 'svg' | 'json' | 'dot';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; paths: string[]; format: CheckFormat; region?: string; arch?: Architecture; workspace?: boolean; stage?: string }
  | { kind: 'graph'; file: string; format: GraphFormat; workspace?: boolean; stage?: string }
  | { kind: 'fix'; file: string; rule: RuleId; write: boolean }
  | { kind: 'import-load'; file: string; source: 'cloudwatch' | 'power-tuning'; measurements: string; functionId?: string; memoryMb?: number; periodSeconds?: number; measuredAt?: Date; write: boolean }
  | { kind: 'generate'; file: string; target: GenerateTarget; out?: string };

export type GenerateTarget = 'serverless' | 'sam';

export class UsageError extends Error {}

export const USAGE = `Usage: pipeline-lens <command> [options]

Commands:
  check <file|dir>...  Analyse serverless.yml, SAM, CloudFormation and *.pipeline.yaml files
      --format text|json|sarif   output format (default text)
      --region R                 AWS region for prices when the file does not say
      --arch x86_64|arm64        architecture when the file does not say
      --workspace                join the files into one pipeline (exports, \${cf:}, \${ssm:}, ARNs, names)
      --stage S                  with --workspace: the stage for \${opt:stage} with no default (else any)
  graph <file>         Print the laid-out stage graph
      --format svg|json|dot      output format (default svg)
  graph <dir> --workspace        Print the joined graph of a folder's files (json or dot)
  fix <file> --rule <id>         Print the preferred quick fix for every finding of a rule as a diff
      --write                    apply it to the file instead
  import-load <file>             Write measured load into the file's annotations (source: measured), as a diff
      --cloudwatch metrics.json  output of \`aws cloudwatch get-metric-data\` (Invocations Sum, Duration Average)
      --power-tuning result.json output of AWS Lambda Power Tuning (writes the optimal memory and its duration)
      --function <id>            only this function (needed for Power Tuning when the result does not name it)
      --memory <MB>              Power Tuning: this tested configuration instead of the optimal one
      --period <seconds>         CloudWatch: the query's period when every series has a single data point
      --measured-at <date>       when it was measured (default: the end of the metrics, or now for Power Tuning)
      --write                    apply it to the file instead
  generate <design.pipeline.yaml> --target serverless|sam
                       Generate a serverless.yml (Serverless Framework v3) or SAM template from a design
      --out FILE                 write it to FILE instead of printing it

  --help, -h           Show this help
  --version, -v        Show the version

Exit codes: 0 no error-severity finding, 1 at least one (check), a finding left unfixed (fix) or a function
not written (import-load), 2 usage error or a file that cannot be read.
`;

function takeOptions(args: string[], known: Record<string, boolean>): { positional: string[]; options: Map<string, string | true> } {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!(name in known)) throw new UsageError(`unknown option --${name}`);
    if (!known[name]) {
      options.set(name, true);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    options.set(name, value);
  }
  return { positional, options };
}

function oneOf<T extends string>(value: string | true | undefined, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
}

function workspaceOptions(options: Map<string, string | true>): { workspace?: boolean; stage?: string } {
  const stage = options.get('stage');
  if (stage !== undefined && !options.has('workspace')) throw new UsageError('--stage needs --workspace');
  return options.has('workspace') ? { workspace: true, ...(typeof stage === 'string' ? { stage } : {}) } : {};
}

export function parseArgs(argv: string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { kind: 'help' };
  if (command === '--version' || command === '-v') return { kind: 'version' };
  if (rest.includes('--help') || rest.includes('-h')) return { kind: 'help' };
  if (command === 'check') {
    const { positional, options } = takeOptions(rest, { format: true, region: true, arch: true, workspace: false, stage: true });
    if (positional.length === 0) throw new UsageError('check needs at least one file or directory');
    const region = options.get('region');
    const arch = options.get('arch');
    return {
      kind: 'check',
      paths: positional,
      format: oneOf(options.get('format'), ['text', 'json', 'sarif'] as const, 'text', 'format'),
      region: typeof region === 'string' ? region : undefined,
      arch: arch === undefined ? undefined : oneOf(arch, ['x86_64', 'arm64'] as const, 'x86_64', 'arch'),
      ...workspaceOptions(options),
    };
  }
  if (command === 'graph') {
    const { positional, options } = takeOptions(rest, { format: true, workspace: false, stage: true });
    if (positional.length !== 1) throw new UsageError(options.has('workspace') ? 'graph --workspace needs exactly one directory' : 'graph needs exactly one file');
    const fallback = options.has('workspace') ? 'json' : 'svg';
    return { kind: 'graph', file: positional[0], format: oneOf(options.get('format'), ['svg', 'json', 'dot'] as const, fallback, 'format'), ...workspaceOptions(options) };
  }
  if (command === 'fix') {
    const { positional, options } = takeOptions(rest, { rule: true, write: false });
    if (positional.length !== 1) throw new UsageError('fix needs exactly one file');
    const rule = options.get('rule');
    if (typeof rule !== 'string') throw new UsageError('fix needs --rule <id>');
    if (!isRuleId(rule)) throw new UsageError(`unknown rule id "${rule}"`);
    return { kind: 'fix', file: positional[0], rule, write: options.get('write') === true };
  }
  if (command === 'import-load') return importLoadCommand(rest);
  if (command === 'generate') return parseGenerate(rest);
  throw new UsageError(`unknown command "${command}"`);
}

function positiveNumber(value: string | true | undefined, name: string, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
    throw new UsageError(`--${name} must be a positive ${integer ? 'whole ' : ''}number`);
  }
  return number;
}

function importLoadCommand(rest: string[]): Command {
  const { positional, options } = takeOptions(rest, { cloudwatch: true, 'power-tuning': true, function: true, memory: true, period: true, 'measured-at': true, write: false });
  if (positional.length !== 1) throw new UsageError('import-load needs exactly one file');
  const cloudwatch = options.get('cloudwatch');
  const powerTuning = options.get('power-tuning');
  if ((cloudwatch === undefined) === (powerTuning === undefined)) throw new UsageError('import-load needs one of --cloudwatch <file> or --power-tuning <file>');
  const functionId = options.get('function');
  const measuredAt = options.get('measured-at');
  const date = typeof measuredAt === 'string' && /^\d{4}-\d\d-\d\d/.test(measuredAt) ? new Date(measuredAt) : undefined;
  if (measuredAt !== undefined && (!date || Number.isNaN(date.getTime()))) throw new UsageError('--measured-at must be an ISO 8601 date, e.g. 2026-11-30T18:00:00Z');
  return {
    kind: 'import-load',
    file: positional[0],
    source: cloudwatch !== undefined ? 'cloudwatch' : 'power-tuning',
    measurements: String(cloudwatch ?? powerTuning),
    functionId: typeof functionId === 'string' ? functionId : undefined,
    memoryMb: positiveNumber(options.get('memory'), 'memory', true),
    periodSeconds: positiveNumber(options.get('period'), 'period', false),
    measuredAt: date,
    write: options.get('write') === true,
  };
}

function parseGenerate(rest: string[]): Command {
  const { positional, options } = takeOptions(rest, { target: true, out: true });
  if (positional.length !== 1) throw new UsageError('generate needs exactly one design file');
  if (!options.has('target')) throw new UsageError('generate needs --target serverless|sam');
  const out = options.get('out');
  return {
    kind: 'generate',
    file: positional[0],
    target: oneOf(options.get('target'), ['serverless', 'sam'] as const, 'serverless', 'target'),
    out: typeof out === 'string' ? out : undefined,
  };
}
