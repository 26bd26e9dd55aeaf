// Starts code-server (the real VS Code workbench, served to a browser) on loopback with throwaway state, and stops it
// by the PID we started. Every server gets its own HOME/TMPDIR/user-data/extensions dirs, so runs never share state.
import { ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { trackProcessGroup, trackTempDir } from './cleanup';
import { artifactsDir, editorHost } from './paths';

export interface CodeServerOptions {
  /** Label for the log file under test-artifacts/logs. */
  name?: string;
  /** Reuse an extensions dir (e.g. one a VSIX was installed into); default: a fresh empty one. */
  extensionsDir?: string;
  /** Fixed port (npm start); default: a free one. */
  port?: number;
}

/** What the workbench URL's `payload` asks of VS Code for the web (its environment service reads these keys). */
export interface WorkbenchPayload {
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
  env?: Record<string, string>;
  /** A file on this machine to open in an editor once the workbench is up. */
  openFile?: string;
}

export interface CodeServer {
  readonly port: number;
  readonly baseUrl: string;
  readonly pid: number;
  readonly stateDir: string;
  readonly extensionsDir: string;
  readonly logFile: string;
  /** The vscode-remote URI the workbench uses for a path on this machine. */
  remoteUri(fsPath: string): string;
  /** Workbench URL that opens `folder`; with extension development paths it loads our extension from source. */
  workbenchUrl(folder: string, payload?: WorkbenchPayload): string;
  stop(): Promise<void>;
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
};

export function assertEditorHostInstalled(): void {
  const host = editorHost();
  if (!fs.existsSync(host.codeServerEntry) || !fs.existsSync(host.node)) {
    throw new Error(`code-server is not installed in ${host.hostDir}. Run: node scripts/install-editor-host.mjs`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Environment for code-server and its CLI: throwaway HOME/TMPDIR, and nothing inherited from an outer VS Code. */
function hostEnv(stateDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('VSCODE_') && !key.startsWith('ELECTRON_') && !key.startsWith('npm_')) env[key] = value;
  }
  const home = path.join(stateDir, 'home');
  const tmp = path.join(stateDir, 'tmp');
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(tmp, { recursive: true });
  return { ...env, HOME: home, TMPDIR: tmp, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local', 'share'), XDG_CACHE_HOME: path.join(home, '.cache') };
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  assertEditorHostInstalled();
  const host = editorHost();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-lens-host-'));
  const untrackDir = trackTempDir(stateDir);
  const userDataDir = path.join(stateDir, 'user');
  const extensionsDir = options.extensionsDir ?? path.join(stateDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const port = options.port ?? (await freePort());
  fs.mkdirSync(path.join(artifactsDir, 'logs'), { recursive: true });
  // Named by port: several suites (or engineers) may run servers at the same time.
  const logFile = path.join(artifactsDir, 'logs', `${options.name ?? 'code-server'}-${port}.log`);
  const log = fs.openSync(logFile, 'w');

  const child = spawn(host.node, [
    host.codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--vscode-option', 'enable-smoke-test-driver',
  ], { env: hostEnv(stateDir), stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  if (child.pid === undefined) throw new Error('code-server did not start');
  const pid = child.pid;
  const untrackGroup = trackProcessGroup(pid);
  const baseUrl = `http://127.0.0.1:${port}`;

  const server: CodeServer = {
    port, baseUrl, pid, stateDir, extensionsDir, logFile,
    remoteUri: (fsPath) => `vscode-remote://127.0.0.1:${port}${path.resolve(fsPath)}`,
    workbenchUrl(folder, payload) {
      const entries: [string, string][] = [];
      if (payload?.extensionDevelopmentPath) entries.push(['extensionDevelopmentPath', server.remoteUri(payload.extensionDevelopmentPath)]);
      if (payload?.extensionTestsPath) entries.push(['extensionTestsPath', server.remoteUri(payload.extensionTestsPath)]);
      if (payload?.env) entries.push(['extensionEnvironment', JSON.stringify(payload.env)]);
      if (payload?.openFile) entries.push(['openFile', server.remoteUri(payload.openFile)]);
      const query = `folder=${encodeURIComponent(path.resolve(folder))}`;
      return entries.length === 0 ? `${baseUrl}/?${query}` : `${baseUrl}/?${query}&payload=${encodeURIComponent(JSON.stringify(entries))}`;
    },
    stop: () => stopProcess(child, pid).finally(() => {
      untrackGroup();
      fs.rmSync(stateDir, { recursive: true, force: true });
      untrackDir();
    }),
  };
  try {
    await waitForHealth(baseUrl, child, 60_000);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n--- ${logFile} ---\n${tail(logFile)}`);
  }
  return server;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${baseUrl}/healthz within ${timeoutMs / 1000} s`);
}

/** SIGTERM the process group we created (code-server forks its server and extension hosts), then SIGKILL if needed. */
async function stopProcess(child: ChildProcess, pid: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  signalGroup('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 5000))]);
  if (timedOut) {
    signalGroup('SIGKILL');
    await exited;
  }
  // Extension hosts may outlive the parent briefly: make sure nothing of the group is left.
  signalGroup('SIGKILL');
}

/** Installs a VSIX into an extensions dir with code-server's own CLI (as a user would). */
export async function installExtension(vsixPath: string, extensionsDir: string): Promise<string> {
  assertEditorHostInstalled();
  const host = editorHost();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-lens-cli-'));
  try {
    const { stdout, stderr } = await promisify(execFile)(host.node, [
      host.codeServerEntry, '--user-data-dir', path.join(stateDir, 'user'), '--extensions-dir', extensionsDir, '--install-extension', vsixPath,
    ], { env: hostEnv(stateDir), timeout: 120_000 });
    return `${stdout}${stderr}`;
  } finally {
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

export function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
