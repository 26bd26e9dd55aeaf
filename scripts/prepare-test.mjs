#!/usr/bin/env node
// `npm test` runs this first (npm's pretest hook) so the one command passes on a fresh machine: it installs the
// project's dependencies when node_modules is missing, then the editor host the integration and e2e suites need.
// Both steps are no-ops when already done (CI's .ci/run has done them by the time it calls npm test).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(join(repoRoot, 'node_modules', '.package-lock.json'))) run('npm', ['ci']);
run(process.execPath, [join(repoRoot, 'scripts', 'install-editor-host.mjs')]);
