// The joined workspace in the editor: every pipeline file of the workspace, sent to the analysis worker and joined
// there, kept live as files change (only the changed file is re-read). It runs in the background (setting
// pipelineLens.workspace.joinFiles) or while the workspace graph is open. Findings only the joined model has show
// in the Problems view, and those it resolved (a `${cf:}` it joined, a store found in another file) are hidden
// from the file's own; a joined reference hovers with how it was joined; the graph panel asks it for drawings.
import * as vscode from 'vscode';
import type { AnalysisCache } from '../analysisCache';
import type { DiagnosticsController } from '../diagnostics';
import type { DiskChanges } from '../diskChanges';
import { YAML_SELECTOR } from '../documentFilter';
import { guard as guardSync, guardAsync, logError } from '../log';
import type { WorkspaceView } from '../worker/workspaceProtocol';
import type { JoinedCaps } from './joinedCaps';
import { joinHover } from './workspaceActions';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { WorkspaceModel } from './workspaceModel';
import { isPipelineFilePath } from '../present/fileNames';

const UPDATE_DEBOUNCE_MS = 400;
/** Beyond this many stages the webview's drawing is too slow to be useful; the CLI draws it as SVG. */
export const MAX_WORKSPACE_GRAPH_NODES = 800;

/** Where the joined workspace shows besides its own diagnostics: the files' diagnostics (what it resolved is
 * hidden) and the caps hints and hovers read. */
export interface JoinOutputs {
  diagnostics: DiagnosticsController;
  caps: JoinedCaps;
  /** Where changes on disk come from (watcher and poll), and where the files read are tracked. */
  disk: DiskChanges;
}

/** What the graph panel wants drawn with each view: the layout direction. */
export interface DrawRequest { direction: 'RIGHT' | 'DOWN' }

export class WorkspaceJoin implements vscode.Disposable {
  readonly model: WorkspaceModel;
  private readonly diagnostics = new WorkspaceDiagnostics();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pending = new Set<string>();
  private readonly changed = new vscode.EventEmitter<WorkspaceView>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loaded: Promise<void>;
  private disposed = false;
  /** The worker's latest answer (joins for hovers, node spans for reveal, the graph when drawn). */
  latest: WorkspaceView | undefined;
  /** Set while a graph panel is ready: every view is then laid out too. */
  drawing: DrawRequest | undefined;
  /** Fires with each new view (the graph panel posts its drawing). */
  readonly onDidChange = this.changed.event;

  constructor(cache: AnalysisCache, private readonly shown: JoinOutputs) {
    this.model = new WorkspaceModel(cache, shown.disk);
    this.loaded = this.reload();
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && this.fileChanged(e.document.uri)),
      shown.disk.onDidChange((uri) => this.fileChanged(uri)),
      shown.disk.onDidCreate((uri) => this.fileChanged(uri)),
      shown.disk.onDidDelete((uri) => guardSync('workspace join: a file deleted', undefined, () => this.model.remove(uri) && this.schedule())),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
      vscode.languages.registerHoverProvider(YAML_SELECTOR, {
        provideHover: (document, position) => guardSync('workspace join: hover', undefined, () => joinHover(this.model, this.latest, document, position)),
      }),
    );
  }

  /** A view now (after loading), laid out when a panel is drawing. */
  async refresh(): Promise<WorkspaceView | undefined> {
    await this.loaded;
    return guardAsync('workspace join: joining the workspace', async () => {
      const view = await this.model.view(this.drawing !== undefined, this.drawing?.direction ?? 'RIGHT', MAX_WORKSPACE_GRAPH_NODES);
      if (!view || this.disposed) return undefined;
      if (this.latest && view.session !== this.latest.session) {
        // The worker restarted and lost the files: send them again.
        this.latest = view;
        void this.reload();
        return undefined;
      }
      this.latest = view;
      this.diagnostics.update(view.problems, this.model.uris);
      this.shown.diagnostics.hideResolved(resolvedByUri(view, this.model.uris));
      this.shown.caps.set(view.caps, this.model.uris);
      this.changed.fire(view);
      return view;
    });
  }

  /** Settings changed: the worker analyses every file again; show the result. */
  settingsChanged(): void {
    this.schedule();
  }

  /** Sends every file to the worker, then shows the joined view; `loaded` settles once the files are sent. */
  private reload(): Promise<void> {
    const loading = this.model.load().catch((error) => logError('workspace join: loading the workspace', error));
    this.loaded = loading;
    void loading.then(() => this.refresh());
    return loading;
  }

  /** A file changed, was created or saved: re-read it if it takes part (or may now), then re-join after a pause. */
  private fileChanged(uri: vscode.Uri): void {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote' && uri.scheme !== 'untitled') return;
    // The files the workspace scan would find (the same names), or one that takes part already.
    if (!this.model.has(uri) && !isPipelineFilePath(uri.path)) return;
    this.pending.add(uri.toString());
    this.schedule();
  }

  private schedule(): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DEBOUNCE_MS);
  }

  private async update(): Promise<void> {
    await this.loaded;
    const uris = [...this.pending].map((u) => vscode.Uri.parse(u));
    this.pending.clear();
    await guardAsync('workspace join: re-reading changed files', () => Promise.all(uris.map((uri) => this.model.refresh(uri))));
    await this.refresh();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
    this.diagnostics.dispose();
    guardSync('workspace join: showing the files alone again', undefined, () => {
      this.shown.diagnostics.hideResolved(new Map());
      this.shown.caps.clear();
    });
  }
}

function resolvedByUri(view: WorkspaceView, uris: Map<string, vscode.Uri>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { path, resolved } of view.problems) {
    const uri = uris.get(path);
    if (uri && resolved.length > 0) out.set(uri.toString(), new Set(resolved));
  }
  return out;
}
