// *Pipeline Lens: Open Workspace Graph*: every pipeline file of the workspace as one graph, each file a group,
// cross-file edges labelled with their join. Live: a changed, created or deleted file re-joins (only that file is
// re-read and re-analysed). Clicking a stage opens its file at its line. Uses the stage graph's webview and
// protocol as they are. While it is open, findings only the joined model has show in the Problems view, and joined
// references hover. Analysis, joining and layout run in the analysis worker; this class reads files and shows.
import * as vscode from 'vscode';
import { parseWebviewMessage, type HostToWebview, type WebviewToHost } from '../../protocol';
import type { AnalysisCache } from '../analysisCache';
import { logError } from '../log';
import { revealSpan } from '../graph/editorLink';
import { pngBytes } from '../graph/exportFile';
import { graphHtml, localResourceRoots } from '../graph/html';
import { WorkspaceModel } from './workspaceModel';
import { YAML_SELECTOR } from '../documentFilter';
import { applyWorkspaceFix, joinHover } from './workspaceActions';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';
import type { WorkspaceView } from '../worker/workspaceProtocol';

export const WORKSPACE_GRAPH_VIEW_TYPE = 'pipelineLens.workspaceGraph';
const UPDATE_DEBOUNCE_MS = 400;
/** Beyond this many stages the webview's drawing is too slow to be useful; the CLI draws it as SVG. */
export const MAX_WORKSPACE_GRAPH_NODES = 800;

export class WorkspaceGraphPanel implements vscode.Disposable {
  private static current: WorkspaceGraphPanel | undefined;

  private ready = false;
  private disposed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly pending = new Set<string>();
  private readonly model: WorkspaceModel;
  private readonly diagnostics = new WorkspaceDiagnostics();
  private readonly disposables: vscode.Disposable[] = [];
  private loaded: Promise<void>;
  /** The worker's latest answer: the graph the webview shows (fix intents name its version), joins for hovers. */
  private latest: WorkspaceView | undefined;
  /** The toolbar's direction toggle (`auto` draws left to right: files are wide groups). */
  private direction: 'RIGHT' | 'DOWN' = 'RIGHT';

  static async show(extensionUri: vscode.Uri, cache: AnalysisCache): Promise<WorkspaceGraphPanel> {
    if (WorkspaceGraphPanel.current) {
      WorkspaceGraphPanel.current.panel.reveal(undefined, true);
      return WorkspaceGraphPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(WORKSPACE_GRAPH_VIEW_TYPE, 'Pipeline workspace graph', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: localResourceRoots(extensionUri),
    });
    WorkspaceGraphPanel.current = new WorkspaceGraphPanel(panel, extensionUri, cache);
    return WorkspaceGraphPanel.current;
  }

  /** Closes the panel (extension deactivation). */
  static disposeAll(): void {
    WorkspaceGraphPanel.current?.dispose();
  }

  /** The open panel, if any (tests read its state). */
  static get open(): WorkspaceGraphPanel | undefined {
    return WorkspaceGraphPanel.current;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    cache: AnalysisCache,
  ) {
    this.model = new WorkspaceModel(cache);
    panel.webview.html = graphHtml(panel.webview, extensionUri);
    this.loaded = this.load();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yml,yaml,json}');
    this.disposables.push(
      watcher,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw) => this.guard('message', () => this.onMessage(parseWebviewMessage(raw)))),
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e.document.uri, false)),
      watcher.onDidChange((uri) => this.changed(uri, false)),
      watcher.onDidCreate((uri) => this.changed(uri, true)),
      watcher.onDidDelete((uri) => this.guard('delete', () => this.model.remove(uri) && this.schedule())),
      // While the workspace is joined, a reference joined to another file says how (export, ${cf:}, SSM, ARN, name).
      vscode.languages.registerHoverProvider(YAML_SELECTOR, { provideHover: (document, position) => joinHover(this.model, this.latest, document, position) }),
    );
  }

  /** Sends every file to the worker, then shows the joined view. */
  private load(): Promise<void> {
    return this.model
      .load()
      .then(() => this.refresh())
      .catch((error) => logError('workspace graph: loading the workspace', error));
  }

  /** A file changed: re-read it if it takes part (or may now), then re-join after a pause in typing. */
  private changed(uri: vscode.Uri, created: boolean): void {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote' && uri.scheme !== 'untitled') return;
    if (!created && !this.model.has(uri) && !/\.(ya?ml|template\.json)$/i.test(uri.path)) return;
    this.pending.add(uri.toString());
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.guard('update', () => this.update()), UPDATE_DEBOUNCE_MS);
  }

  private async update(): Promise<void> {
    await this.loaded;
    const uris = [...this.pending].map((u) => vscode.Uri.parse(u));
    this.pending.clear();
    await Promise.all(uris.map((uri) => this.model.refresh(uri)));
    await this.refresh();
  }

  /** Asks the worker for the joined view (laid out once the webview is ready) and shows it. */
  private async refresh(): Promise<void> {
    const view = await this.model.view(this.ready, this.direction, MAX_WORKSPACE_GRAPH_NODES);
    if (!view || this.disposed) return;
    if (this.latest && view.session !== this.latest.session) {
      // The worker restarted and lost the files: send them again.
      this.latest = view;
      this.loaded = this.load();
      return;
    }
    this.latest = view;
    this.diagnostics.update(view.problems, this.model.uris);
    if (view.graph) this.send(view.graph);
    else if (view.notDrawn) this.send({ type: 'error', message: view.notDrawn });
  }

  private send(message: HostToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: WebviewToHost | undefined): Promise<void> {
    if (!message) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.loaded;
        this.send({ type: 'theme', kind: themeKind(vscode.window.activeColorTheme.kind) });
        await this.refresh();
        return;
      case 'reveal':
        await this.reveal(message.nodeId, message.focusEditor === true);
        return;
      case 'setLayout':
        this.direction = message.choice === 'DOWN' ? 'DOWN' : 'RIGHT';
        await this.refresh();
        return;
      case 'applyFix':
        await applyWorkspaceFix(this.model, message.version, message.findingIndex, message.fixId);
        return;
      case 'exportSvg':
        await this.export('svg', new TextEncoder().encode(message.svg));
        return;
      case 'exportPng':
        await this.export('png', pngBytes(message.dataUrl));
        return;
      default:
        return; // buffer queues are inserted from the file's own graph, which knows the edge
    }
  }

  /** `file#id`: open the file and select the stage's name. */
  private async reveal(nodeId: string, focusEditor: boolean): Promise<void> {
    const path = nodeId.slice(0, nodeId.indexOf('#'));
    const uri = this.model.uris.get(path);
    const span = this.latest?.nodeSpans[nodeId];
    if (!uri || !span) return;
    const document = await vscode.workspace.openTextDocument(uri);
    // Beside the graph, never over it.
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await revealSpan(document, span, column, focusEditor);
  }

  private async export(extension: 'svg' | 'png', bytes: Uint8Array): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `workspace.graph.${extension}`) : undefined,
      filters: extension === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
      title: `Export workspace graph as ${extension.toUpperCase()}`,
    });
    if (target) await vscode.workspace.fs.writeFile(target, bytes);
  }

  private async guard(what: string, body: () => unknown): Promise<void> {
    try {
      await body();
    } catch (error) {
      logError(`workspace graph: ${what}`, error);
    }
  }

  /** For tests: the number of files joined and graph versions sent. */
  get state(): { files: number; version: number } {
    return { files: this.model.uris.size, version: this.latest?.graph?.version ?? 0 };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (WorkspaceGraphPanel.current === this) WorkspaceGraphPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
    this.diagnostics.dispose();
    this.panel.dispose();
  }
}

function themeKind(kind: vscode.ColorThemeKind): 'light' | 'dark' | 'high-contrast' | 'high-contrast-light' {
  if (kind === vscode.ColorThemeKind.Dark) return 'dark';
  if (kind === vscode.ColorThemeKind.HighContrast) return 'high-contrast';
  if (kind === vscode.ColorThemeKind.HighContrastLight) return 'high-contrast-light';
  return 'light';
}
