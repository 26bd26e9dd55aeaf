// One graph panel per document: owns its webview (HTML, messages, state), follows edits (debounced, keeping the
// webview's viewport and selection) and turns the webview's intents into editor actions.
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { Analysis } from '../../core/analyze';
import type { LayoutDirection } from '../../core/graph/layout';
import { nodeAtOffset } from '../../core/graph/locate';
import { GRAPH_VIEW_TYPE, parseWebviewMessage, type HostToWebview, type WebviewToHost } from '../../protocol';
import { logError } from '../log';
import { revealSpan } from './editorLink';
import { applyFindingFix, insertBufferQueue, type ShownGraph } from './fixActions';
import { pngBytes, saveExport } from './exportFile';
import { buildGraphMessage } from './graphMessage';
import { graphHtml, localResourceRoots } from './html';
import { chooseDirection, LAYOUT_CHOICE_KEY, storedLayoutChoice, type ViewSize } from './layoutChoice';
import { applyWhatIf, whatIfReply } from './whatIfHost';

export interface GraphHost {
  extensionUri: vscode.Uri;
  getAnalysis: (document: vscode.TextDocument) => Analysis | undefined;
  /** Where the layout choice is remembered (the extension's workspaceState). */
  memento?: vscode.Memento;
}

export const EDIT_DEBOUNCE_MS = 250;
export const BROKEN_YAML_MESSAGE = 'YAML has errors - showing last good graph';

export class GraphPanel implements vscode.Disposable {
  private static readonly byDocument = new Map<string, GraphPanel>();
  /** The panel the user looked at last: it follows the active pipeline file when that file has no panel. */
  private static lastActive: GraphPanel | undefined;

  private ready = false;
  private disposed = false;
  private queued: HostToWebview[] = [];
  /** The analysis behind the graph the webview shows (fix and reveal requests refer to it). */
  private shown: ShownGraph | undefined;
  private updateToken = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private selectedId: string | null = null;
  /** The webview's size (it reports it before `ready` and on resize): the auto layout follows its shape. */
  private viewSize: ViewSize | undefined;
  private shownDirection: LayoutDirection | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly posted = new vscode.EventEmitter<HostToWebview>();
  /** Every message the host sends to the webview (integration tests watch the replies to intents). */
  readonly onDidPost = this.posted.event;

  static forDocument(document: vscode.TextDocument): GraphPanel | undefined {
    return GraphPanel.byDocument.get(document.uri.toString());
  }

  static all(): GraphPanel[] {
    return [...GraphPanel.byDocument.values()];
  }

  /** Shows the document's panel (creating it beside the editor) and optionally selects a node. */
  static show(document: vscode.TextDocument, host: GraphHost, selectId?: string): GraphPanel {
    let graph = GraphPanel.forDocument(document);
    if (!graph) {
      const panel = vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, titleOf(document), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: localResourceRoots(host.extensionUri),
      });
      graph = new GraphPanel(panel, document, host);
    } else {
      graph.panel.reveal(undefined, true);
    }
    if (selectId) graph.select(selectId);
    return graph;
  }

  /** Restores a panel VS Code kept across a reload (WebviewPanelSerializer). */
  static restore(panel: vscode.WebviewPanel, document: vscode.TextDocument, host: GraphHost, selectedId?: string | null): GraphPanel {
    const existing = GraphPanel.forDocument(document);
    if (existing) {
      panel.dispose();
      return existing;
    }
    const graph = new GraphPanel(panel, document, host);
    graph.selectedId = selectedId ?? null;
    return graph;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private document: vscode.TextDocument,
    private readonly host: GraphHost,
  ) {
    panel.webview.options = { enableScripts: true, localResourceRoots: localResourceRoots(host.extensionUri) };
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'graph.svg');
    panel.webview.html = graphHtml(panel.webview, host.extensionUri);
    GraphPanel.byDocument.set(document.uri.toString(), this);
    GraphPanel.lastActive = this;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.active) GraphPanel.lastActive = this;
      }),
      panel.webview.onDidReceiveMessage((raw) => void this.receive(raw)),
      this.posted,
    );
  }

  /** A message from the webview (or a test standing in for it): validated, then handled; never throws. */
  async receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (message) await this.handle(message).catch((error) => logError(`graph: ${message.type}`, error));
  }

  get documentUri(): string {
    return this.document.uri.toString();
  }

  get isVisible(): boolean {
    return this.panel.visible;
  }

  static followActive(document: vscode.TextDocument): void {
    const follower = GraphPanel.lastActive;
    if (!follower || follower.disposed || GraphPanel.forDocument(document) || !follower.panel.visible) return;
    follower.retarget(document);
  }

  static get lastActivePanel(): GraphPanel | undefined {
    return GraphPanel.lastActive;
  }

  /** Shows another document in this panel (it follows the active pipeline file). */
  retarget(document: vscode.TextDocument): void {
    GraphPanel.byDocument.delete(this.documentUri);
    this.document = document;
    GraphPanel.byDocument.set(this.documentUri, this);
    this.panel.title = titleOf(document);
    this.shown = undefined;
    this.selectedId = null;
    this.scheduleUpdate(0);
  }

  documentChanged(): void {
    this.scheduleUpdate(EDIT_DEBOUNCE_MS);
  }

  /** The cursor moved in the document: select the node whose YAML holds it. */
  cursorMoved(offset: number): void {
    if (!this.shown) return;
    const id = nodeAtOffset(this.shown.analysis.model, offset) ?? null;
    if (id && id !== this.selectedId) this.select(id);
  }

  select(nodeId: string | null): void {
    this.selectedId = nodeId;
    this.post({ type: 'select', nodeId });
  }

  postTheme(kind: vscode.ColorThemeKind): void {
    const names: Record<number, 'light' | 'dark' | 'high-contrast' | 'high-contrast-light'> = {
      [vscode.ColorThemeKind.Light]: 'light',
      [vscode.ColorThemeKind.Dark]: 'dark',
      [vscode.ColorThemeKind.HighContrast]: 'high-contrast',
      [vscode.ColorThemeKind.HighContrastLight]: 'high-contrast-light',
    };
    this.post({ type: 'theme', kind: names[kind] ?? 'dark' });
  }

  private scheduleUpdate(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update().catch((error) => logError('graph update', error));
    }, delayMs);
  }

  private async update(): Promise<void> {
    const token = ++this.updateToken;
    const document = this.document;
    const version = document.version;
    const analysis = this.host.getAnalysis(document);
    if (!analysis) {
      this.post({ type: 'error', message: `${path.posix.basename(document.uri.path)} is not a pipeline file Pipeline Lens recognises.` });
      return;
    }
    const broken = analysis.findings.some((f) => f.rule === 'parse-error');
    if (broken && this.shown) {
      this.post({ type: 'error', message: BROKEN_YAML_MESSAGE });
      return;
    }
    const choice = this.layoutChoice();
    const direction = chooseDirection(choice, this.viewSize);
    const message = await buildGraphMessage(analysis, version, { uri: this.documentUri, fileName: path.posix.basename(document.uri.path) }, { direction, choice });
    if (token !== this.updateToken || this.disposed) return; // a newer edit superseded this layout
    this.shown = { analysis, version };
    this.shownDirection = direction;
    this.post(message);
    if (broken) this.post({ type: 'error', message: 'YAML has errors - the graph may be incomplete' });
    if (this.selectedId) this.post({ type: 'select', nodeId: this.selectedId });
  }

  private post(message: HostToWebview): void {
    if (this.disposed) return;
    this.posted.fire(message);
    if (!this.ready) {
      this.queued.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  private async handle(message: WebviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        const queued = this.queued.filter((m) => m.type !== 'graph');
        this.queued = [];
        this.postTheme(vscode.window.activeColorTheme.kind);
        await this.update();
        for (const m of queued) this.post(m);
        return;
      }
      case 'reveal': {
        this.selectedId = message.nodeId;
        const node = this.shown?.analysis.model.nodes.find((n) => n.id === message.nodeId);
        if (node?.defined) await revealSpan(this.document, node.span, this.editorColumn(), message.focusEditor === true);
        return;
      }
      case 'revealEdge': {
        const edge = this.shown?.analysis.model.edges.find((e) => e.id === message.edgeId);
        if (edge) await revealSpan(this.document, edge.span, this.editorColumn(), false);
        return;
      }
      case 'selectionChanged':
        this.selectedId = message.nodeId;
        return;
      case 'applyFix':
        return applyFindingFix(this.document, this.shown, message.version, message.findingIndex, message.fixId);
      case 'insertBufferQueue':
        return insertBufferQueue(this.document, this.shown, message.version, message.edgeId);
      case 'exportSvg':
        await saveExport(this.document, 'svg', new TextEncoder().encode(message.svg), message.subject);
        return;
      case 'exportPng':
        await saveExport(this.document, 'png', pngBytes(message.dataUrl), message.subject);
        return;
      case 'whatIf': {
        const reply = whatIfReply(this.shown, message);
        if (reply) this.post(reply);
        return;
      }
      case 'applyWhatIf':
        this.post(await applyWhatIf(this.document, this.shown, message.version, message.overrides));
        return;
      case 'viewSize':
        this.viewSize = { width: message.width, height: message.height };
        if (this.ready && this.shownDirection && chooseDirection(this.layoutChoice(), this.viewSize) !== this.shownDirection) this.scheduleUpdate(0);
        return;
      case 'setLayout':
        await this.host.memento?.update(LAYOUT_CHOICE_KEY, message.choice);
        for (const panel of GraphPanel.all()) panel.scheduleUpdate(0);
        return;
    }
  }

  private layoutChoice() {
    return storedLayoutChoice(this.host.memento?.get(LAYOUT_CHOICE_KEY));
  }

  private editorColumn(): vscode.ViewColumn | undefined {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.documentUri);
    return editor?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (GraphPanel.byDocument.get(this.documentUri) === this) GraphPanel.byDocument.delete(this.documentUri);
    if (GraphPanel.lastActive === this) GraphPanel.lastActive = undefined;
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function titleOf(document: vscode.TextDocument): string {
  return `Graph: ${path.posix.basename(document.uri.path)}`;
}
