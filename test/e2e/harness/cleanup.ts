// Last-resort cleanup: if the test process is interrupted (Ctrl-C, CI cancel, a closed pipe) or exits without
// running its teardown, kill the servers it started (by process group) and delete its temp dirs, synchronously.
import * as fs from 'node:fs';

const processGroups = new Set<number>();
const tempDirs = new Set<string>();
let installed = false;

function cleanupNow(): void {
  for (const pgid of processGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  processGroups.clear();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', cleanupNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      cleanupNow();
      process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]);
    });
  }
  // A reader that goes away (`| head`) must not crash us before teardown.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
}

export function trackProcessGroup(pgid: number): () => void {
  install();
  processGroups.add(pgid);
  return () => processGroups.delete(pgid);
}

export function trackTempDir(dir: string): () => void {
  install();
  tempDirs.add(dir);
  return () => tempDirs.delete(dir);
}
