#!/usr/bin/env node
// `npm start`: from a fresh clone to the extension running on examples/ in a real VS Code.
// Installs what is missing (node_modules, and the code-server host when there is no `code`), builds, then opens
// desktop VS Code with --extensionDevelopmentPath, or serves code-server on 127.0.0.1 and prints its URL.
// PIPELINE_LENS_USE_CODE_SERVER=1 forces code-server even when `code` exists; PIPELINE_LENS_PORT fixes the port.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(repoRoot, 'examples');

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function onPath(binary) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, binary)));
}

if (!existsSync(join(repoRoot, 'node_modules', '.package-lock.json'))) run('npm', ['ci']);
run(process.execPath, ['build/esbuild.mjs']);

if (onPath('code') && process.env.PIPELINE_LENS_USE_CODE_SERVER !== '1') {
  console.log('Opening desktop VS Code with the extension in development mode (npm run build after changes, then reload).');
  run('code', [`--extensionDevelopmentPath=${repoRoot}`, examples]);
} else {
  run(process.execPath, ['scripts/install-editor-host.mjs', '--no-browser']);
  // Rebuild on change while the server runs; both children stop with us.
  const watcher = spawn(process.execPath, ['build/esbuild.mjs', '--watch'], { cwd: repoRoot, stdio: 'inherit' });
  // node --import tsx (not the tsx CLI, whose extra parent process does not pass our SIGINT on reliably).
  const server = spawn(process.execPath, ['--import', 'tsx', 'test/e2e/harness/serveForDevelopment.ts', examples], { cwd: repoRoot, stdio: 'inherit' });
  const stop = () => {
    watcher.kill('SIGTERM');
    server.kill('SIGINT');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => {
    watcher.kill('SIGTERM');
    process.exit(code ?? 0);
  });
}
