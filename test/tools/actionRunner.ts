// Runs the composite action in action.yml the way a GitHub runner does, as far as a machine without GitHub can:
// every `run:` step through `bash --noprofile --norc -eo pipefail` with its `env:` evaluated, outputs passed through
// $GITHUB_OUTPUT; `uses:` steps are not run but recorded with their evaluated `if:` and `with:`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { cleanEnv } from './checkout';

interface ActionStep {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number>;
  'working-directory'?: string;
}

export interface ActionManifest {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface StepRun {
  name: string;
  uses?: string;
  /** The evaluated `if:` (true when absent). */
  runs: boolean;
  status?: number | null;
  output?: string;
  with?: Record<string, string>;
}

export function readAction(file: string): ActionManifest {
  return parse(fs.readFileSync(file, 'utf8')) as ActionManifest;
}

interface Context {
  inputs: Record<string, string>;
  actionPath: string;
  outputs: Map<string, Record<string, string>>;
}

/** Value of one expression operand: a context path or a quoted literal; throws on anything else. */
function operand(text: string, context: Context): string {
  const trimmed = text.trim();
  const literal = /^'(.*)'$/.exec(trimmed);
  if (literal) return literal[1];
  if (trimmed === 'github.action_path') return context.actionPath;
  const input = /^inputs\.([\w-]+)$/.exec(trimmed);
  if (input) {
    if (!(input[1] in context.inputs)) throw new Error(`undeclared input ${input[1]}`);
    return context.inputs[input[1]];
  }
  const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(trimmed);
  if (output) return context.outputs.get(output[1])?.[output[2]] ?? '';
  throw new Error(`expression not understood by this runner: ${trimmed}`);
}

/** `a && b && ...` of `!cancelled()`, `x == 'y'` and `x != 'y'` (what action.yml uses). */
function condition(expression: string, context: Context): boolean {
  const body = expression.replace(/^\s*\$\{\{|\}\}\s*$/g, '');
  return body.split('&&').every((term) => {
    const t = term.trim();
    if (t === '!cancelled()' || t === 'always()' || t === 'success()') return true;
    const comparison = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(t);
    if (!comparison) throw new Error(`condition not understood by this runner: ${t}`);
    const equal = operand(comparison[1], context) === operand(comparison[3], context);
    return comparison[2] === '==' ? equal : !equal;
  });
}

function substitute(text: string, context: Context): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => operand(expression, context));
}

function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

/**
 * Runs the action's steps in `workspace` until one fails (as the runner does: later steps with a plain `if` are
 * skipped; this action has none after a failing step that must run).
 */
export function runAction(
  actionFile: string,
  options: { actionPath: string; workspace: string; runnerTemp: string; inputs: Record<string, string> },
): StepRun[] {
  const manifest = readAction(actionFile);
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(manifest.inputs)) inputs[name] = options.inputs[name] ?? String(spec.default ?? '');
  for (const name of Object.keys(options.inputs)) if (!(name in manifest.inputs)) throw new Error(`action.yml has no input ${name}`);
  const context: Context = { inputs, actionPath: options.actionPath, outputs: new Map() };
  const runs: StepRun[] = [];
  for (const [index, step] of manifest.runs.steps.entries()) {
    const name = step.name ?? step.uses ?? `step ${index + 1}`;
    const active = step.if === undefined || condition(step.if, context);
    if (step.uses !== undefined) {
      const evaluated: Record<string, string> = {};
      for (const [key, value] of Object.entries(step.with ?? {})) evaluated[key] = substitute(String(value), context);
      runs.push({ name, uses: step.uses, runs: active, with: evaluated });
      continue;
    }
    if (!active) {
      runs.push({ name, runs: false });
      continue;
    }
    if (step.shell !== 'bash') throw new Error(`step "${name}" must say shell: bash (composite run steps need a shell)`);
    const outputFile = path.join(options.runnerTemp, `output-${index}`);
    fs.writeFileSync(outputFile, '');
    const script = path.join(options.runnerTemp, `step-${index}.sh`);
    fs.writeFileSync(script, step.run ?? '');
    const env: NodeJS.ProcessEnv = cleanEnv({
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_ACTION_PATH: options.actionPath,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: options.runnerTemp,
    });
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = substitute(String(value), context);
    const cwd = step['working-directory'] ? substitute(step['working-directory'], context) : options.workspace;
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, encoding: 'utf8', timeout: 300_000 });
    runs.push({ name, runs: true, status: result.status, output: `${result.stdout}${result.stderr}` });
    if (step.id) context.outputs.set(step.id, readOutputs(outputFile));
    if (result.status !== 0) break;
  }
  return runs;
}
