// A throwaway copy of this repository (its tracked and new files, node_modules linked), so tests can build, pack
// and run the action in it without touching the working tree's dist/ or anything else.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from './tools';

/** Copies the files git would see (tracked plus untracked, minus ignored) into a new temp folder. */
export function repoCopy(prefix: string): string {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const file of listed.stdout.split('\0')) {
    if (file === '' || file === 'node_modules' || !fs.existsSync(path.join(REPO, file))) continue;
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(REPO, file), path.join(dir, file));
  }
  fs.symlinkSync(fs.realpathSync(path.join(REPO, 'node_modules')), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/**
 * The environment for a nested npm: without the npm_* variables an outer `npm run` exports (the nested npm would
 * take them as its own config), and without the CI's own GitHub variables.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|GITHUB_|RUNNER_|INPUT_)/i.test(key) || key === 'INIT_CWD' || key === 'NODE') continue;
    env[key] = value;
  }
  return { ...env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false', ...extra };
}
