// Real tools for checking what quick fixes write: serverless@3 (installed from npm into the gitignored
// .cache/tools folder when missing) and cfn-lint (used when on PATH, reported clearly when absent).
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO = path.join(__dirname, '..', '..');
export const TOOLS_DIR = path.join(REPO, '.cache', 'tools');
const SERVERLESS_BIN = path.join(TOOLS_DIR, 'node_modules', 'serverless', 'bin', 'serverless.js');

/** Path of serverless@3's entry script, installing it first if needed (a few seconds to a minute, once). */
export function ensureServerless(): string {
  if (fs.existsSync(SERVERLESS_BIN)) return SERVERLESS_BIN;
  fs.mkdirSync(TOOLS_DIR, { recursive: true });
  if (!fs.existsSync(path.join(TOOLS_DIR, 'package.json'))) {
    fs.writeFileSync(path.join(TOOLS_DIR, 'package.json'), JSON.stringify({ name: 'pipeline-lens-tools', private: true }) + '\n');
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--prefix', TOOLS_DIR, 'serverless@3'], { encoding: 'utf8', timeout: 600_000 });
  if (result.status !== 0 || !fs.existsSync(SERVERLESS_BIN)) {
    throw new Error(`could not install serverless@3 into ${TOOLS_DIR}:\n${result.stderr}`);
  }
  return SERVERLESS_BIN;
}

export interface RunResult {
  status: number | null;
  output: string;
}

/** Runs `serverless <args>` offline in `cwd` (no telemetry, notifications or credentials), asynchronously. */
export function serverless(args: string[], cwd: string): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off', SLS_DEPRECATION_DISABLE: '*' };
  for (const key of Object.keys(env)) if (key.startsWith('AWS_')) delete env[key];
  env.AWS_SHARED_CREDENTIALS_FILE = path.join(cwd, 'no-credentials');
  env.AWS_CONFIG_FILE = path.join(cwd, 'no-config');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ensureServerless(), ...args], { cwd, env, timeout: 300_000 });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('close', (status) => resolve({ status, output }));
    child.on('error', (error) => resolve({ status: null, output: String(error) }));
  });
}

/** Maps `items` through `work` with at most `limit` running at once (the framework takes seconds to start). */
export async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(runners);
  return results;
}

/** `cfn-lint` on PATH, or undefined. */
export function cfnLintPath(): string | undefined {
  const result = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? 'cfn-lint' : undefined;
}

/** One cfn-lint run over several templates, parseable output (`file:line:col:endLine:endCol:rule:message`). */
export function cfnLint(files: string[]): SpawnSyncReturns<string> {
  return spawnSync('cfn-lint', ['--format', 'parseable', '--', ...files], { encoding: 'utf8', timeout: 600_000 });
}
