// Who keeps the joined workspace alive: the background setting (pipelineLens.workspace.joinFiles), or an open
// workspace graph. The join starts when either wants it and stops when neither does.
import type * as vscode from 'vscode';
import type { AnalysisCache } from '../analysisCache';
import { WorkspaceJoin, type JoinOutputs } from './workspaceJoin';

export class WorkspaceJoinHolder implements vscode.Disposable {
  private join: WorkspaceJoin | undefined;
  private users = 0;

  constructor(
    private readonly cache: AnalysisCache,
    private readonly outputs: JoinOutputs,
    private readonly background: () => boolean,
  ) {}

  /** Settings changed (or the activation scan finished): start or stop the background join, or re-join. */
  update(): void {
    if (this.background() || this.users > 0) {
      if (this.join) this.join.settingsChanged();
      else this.join = new WorkspaceJoin(this.cache, this.outputs);
    } else this.stop();
  }

  /** For a workspace graph: the running join (started if needed). Pair with release(). */
  acquire(): WorkspaceJoin {
    this.users++;
    return (this.join ??= new WorkspaceJoin(this.cache, this.outputs));
  }

  release(): void {
    this.users = Math.max(0, this.users - 1);
    if (this.users === 0 && !this.background()) this.stop();
  }

  /** The running join, if any (tests read it). */
  get current(): WorkspaceJoin | undefined {
    return this.join;
  }

  dispose(): void {
    this.stop();
  }

  private stop(): void {
    this.join?.dispose();
    this.join = undefined;
  }
}
