// *Pipeline Lens: Open Workspace Graph*: every pipeline file of the workspace as one graph, each file a group,
// cross-file edges labelled with their join. Live: the joined workspace (workspaceJoin.ts) re-joins when a file
// changes and the panel posts each new drawing. Clicking a stage opens its file at its line. Uses the stage graph's
// webview and protocol as they are. Joining and layout run in the analysis worker.
import * as vscode from 'vscode';
import { parseWebviewMessage, type HostToWebview, type WebviewToHost } from '../../protocol';
import { guardAsync } from '../log';
import { revealSpan } from '../graph/editorLink';
import { pngBytes } from '../graph/exportFile';
import { graphHtml, localResourceRoots } from '../graph/html';
import type { WorkspaceView } from '../worker/workspaceProtocol';
import { applyWorkspaceFix } from './workspaceActions';
import type { WorkspaceJoinHolder } from './joinHolder';
import type { WorkspaceJoin } from './workspaceJoin';

export const WORKSPACE_GRAPH_VIEW_TYPE = 'pipelineLens.workspaceGraph';

export class WorkspaceGraphPanel implements vscode.Disposable {
  private static current: WorkspaceGraphPanel | undefined;

  private ready = false;
  private disposed = false;
  private readonly join: WorkspaceJoin;
  private readonly disposables: vscode.Disposable[] = [];
  /** The toolbar's direction toggle (`auto` draws left to right: files are wide groups). */
  private direction: 'RIGHT' | 'DOWN' = 'RIGHT';

  static async show(extensionUri: vscode.Uri, joins: WorkspaceJoinHolder): Promise<WorkspaceGraphPanel> {
    if (WorkspaceGraphPanel.current) {
      WorkspaceGraphPanel.current.panel.reveal(undefined, true);
      return WorkspaceGraphPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(WORKSPACE_GRAPH_VIEW_TYPE, 'Pipeline workspace graph', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: localResourceRoots(extensionUri),
    });
    WorkspaceGraphPanel.current = new WorkspaceGraphPanel(panel, extensionUri, joins);
    return WorkspaceGraphPanel.current;
  }

  /** Closes the panel (extension deactivation). */
  static disposeAll(): void {
    WorkspaceGraphPanel.current?.dispose();
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly joins: WorkspaceJoinHolder,
  ) {
    this.join = joins.acquire();
    panel.webview.html = graphHtml(panel.webview, extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw) => guardAsync('workspace graph: message', () => this.onMessage(parseWebviewMessage(raw)))),
      this.join.onDidChange((view) => this.show(view)),
    );
  }

  /** Posts the drawing of a view (views come from the join: on open, on a layout change, when a file changes). */
  private show(view: WorkspaceView): void {
    if (!this.ready || this.disposed) return;
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
        this.join.drawing = { direction: this.direction };
        this.send({ type: 'theme', kind: themeKind(vscode.window.activeColorTheme.kind) });
        await this.join.refresh();
        return;
      case 'reveal':
        await this.reveal(message.nodeId, message.focusEditor === true);
        return;
      case 'setLayout':
        this.direction = message.choice === 'DOWN' ? 'DOWN' : 'RIGHT';
        this.join.drawing = { direction: this.direction };
        await this.join.refresh();
        return;
      case 'applyFix':
        await applyWorkspaceFix(this.join.model, message.version, message.findingIndex, message.fixId);
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
    const uri = this.join.model.uris.get(path);
    const span = this.join.latest?.nodeSpans[nodeId];
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

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (WorkspaceGraphPanel.current === this) WorkspaceGraphPanel.current = undefined;
    this.join.drawing = undefined;
    this.disposables.forEach((d) => d.dispose());
    this.joins.release();
    this.panel.dispose();
  }
}

function themeKind(kind: vscode.ColorThemeKind): 'light' | 'dark' | 'high-contrast' | 'high-contrast-light' {
  if (kind === vscode.ColorThemeKind.Dark) return 'dark';
  if (kind === vscode.ColorThemeKind.HighContrast) return 'high-contrast';
  if (kind === vscode.ColorThemeKind.HighContrastLight) return 'high-contrast-light';
  return 'light';
}
