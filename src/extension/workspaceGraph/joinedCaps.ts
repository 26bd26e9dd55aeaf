// The concurrency caps the joined workspace knows better than a file alone (a consumer capped by its producer's
// shards in another file), laid over each analysis that hints and hovers read. Only the cap is taken from the join:
// the expected load and the cost stay the file's own, current as one types.
import * as vscode from 'vscode';
import type { FunctionReport } from '../../core/report';
import type { AnalysisSnapshot } from '../worker/snapshot';
import type { JoinedCap, WorkspaceView } from '../worker/workspaceProtocol';

export class JoinedCaps implements vscode.Disposable {
  private byUri = new Map<string, Record<string, JoinedCap>>();
  private shown = '';
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a cap changed (hints re-query). */
  readonly onDidChange = this.changed.event;

  set(caps: WorkspaceView['caps'], uris: Map<string, vscode.Uri>): void {
    const next = new Map<string, Record<string, JoinedCap>>();
    for (const { path, functions } of caps) {
      const uri = uris.get(path);
      if (uri) next.set(uri.toString(), functions);
    }
    const fingerprint = JSON.stringify([...next]);
    this.byUri = next;
    if (fingerprint !== this.shown) {
      this.shown = fingerprint;
      this.changed.fire();
    }
  }

  clear(): void {
    this.set([], new Map());
  }

  /** The analysis with the joined caps in its function reports (the same object when nothing is joined). */
  apply(analysis: AnalysisSnapshot | undefined): AnalysisSnapshot | undefined {
    const caps = analysis && this.byUri.get(analysis.uri);
    if (!analysis || !caps) return analysis;
    const functions = analysis.functions.map((report): FunctionReport => {
      const joined = caps[report.id];
      // capSpan pointed into this file; the joined cap is written in another one.
      return joined ? { ...report, concurrency: { ...report.concurrency, ...joined, capSpan: undefined } } : report;
    });
    // Everything else (parsed lazily by the snapshot) is read through the prototype.
    return Object.create(analysis, { functions: { value: functions } }) as AnalysisSnapshot;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
