// Changes on disk to the pipeline files the extension has read (another tool, `git checkout`, a generator), for
// the closed-file diagnostics and the joined workspace. VS Code's file watcher reports most of them; in code-server
// it missed some in about one run in four here, so the files read are also polled (a cheap stat every few seconds,
// local files only) and a change the watcher missed is reported all the same.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { logError } from './log';

/** What a file looked like when it was read. */
export interface DiskStamp {
  mtime: number;
  size: number;
}

const POLL_INTERVAL_MS = 3000;
const stampOf = (s: DiskStamp) => `${s.mtime}:${s.size}`;

export class DiskChanges implements vscode.Disposable {
  private readonly known = new Map<string, { uri: vscode.Uri; stamp: string }>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly created = new vscode.EventEmitter<vscode.Uri>();
  private readonly deleted = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[];
  private readonly timer: ReturnType<typeof setInterval>;
  private polling = false;
  /** A file read before changed (watcher or poll). */
  readonly onDidChange = this.changed.event;
  readonly onDidCreate = this.created.event;
  readonly onDidDelete = this.deleted.event;

  /** `watch: false` polls only (tests of the poll). */
  constructor(intervalMs = POLL_INTERVAL_MS, watch = true) {
    this.disposables = [this.changed, this.created, this.deleted];
    if (watch) {
      // YAML and JSON of any name: the listeners filter by name.
      const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yml,yaml,json}');
      this.disposables.push(
        watcher,
        watcher.onDidChange((uri) => this.changed.fire(uri)),
        watcher.onDidCreate((uri) => this.created.fire(uri)),
        watcher.onDidDelete((uri) => {
          this.known.delete(uri.toString());
          this.deleted.fire(uri);
        }),
      );
    }
    this.timer = setInterval(() => void this.poll(), intervalMs);
    this.timer.unref?.();
  }

  /** The file was just read with this stat: a later poll reports it when the stat differs. */
  track(uri: vscode.Uri, stat: DiskStamp): void {
    if (uri.scheme === 'file') this.known.set(uri.toString(), { uri, stamp: stampOf(stat) });
  }

  forget(uri: vscode.Uri): void {
    this.known.delete(uri.toString());
  }

  /** Stats every file read (not those open in an editor: their text is the editor's) and reports what moved. */
  async poll(): Promise<void> {
    if (this.polling || this.known.size === 0) return;
    this.polling = true;
    try {
      const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
      for (const [key, entry] of [...this.known]) {
        if (open.has(key)) continue;
        const stat = await fs.stat(entry.uri.fsPath).catch(() => undefined);
        const current = this.known.get(key);
        if (!current || current !== entry) continue; // re-read or forgotten meanwhile
        if (!stat) {
          this.known.delete(key);
          this.deleted.fire(entry.uri);
        } else {
          // Whole milliseconds as VS Code's FileStat gives them (Node rounds mtimeMs into its Date the same way).
          const now = stampOf({ mtime: stat.mtime.getTime(), size: stat.size });
          if (now === entry.stamp) continue;
          entry.stamp = now;
          this.changed.fire(entry.uri);
        }
      }
    } catch (error) {
      logError('polling pipeline files for changes', error);
    } finally {
      this.polling = false;
    }
  }

  dispose(): void {
    clearInterval(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
