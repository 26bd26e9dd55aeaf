// Wiring of the graph panel: the panel serializer (restore after reload), live updates on edits, cursor -> node
// selection, following the active pipeline file, theme changes, and the `pipelineLens.openGraph` handler.
import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { GRAPH_VIEW_TYPE, type WebviewState } from '../../protocol';
import { logError } from '../log';
import { targetDocument } from '../targetDocument';
import { GraphPanel, type GraphHost } from './graphPanel';

export type OpenGraph = (arg?: unknown, selectId?: unknown) => Promise<void>;

/**
 * Registers the graph's serializer and listeners; returns the handler for `pipelineLens.openGraph`. Its first
 * argument may be a function id to select (CodeLens) or a file Uri (explorer/editor menus).
 */
export function registerGraphPanel(context: vscode.ExtensionContext, getAnalysis: (doc: vscode.TextDocument) => Analysis | undefined): OpenGraph {
  const host: GraphHost = { extensionUri: context.extensionUri, getAnalysis, memento: context.workspaceState };
  const safely = (what: string, body: () => void) => {
    try {
      body();
    } catch (error) {
      logError(`graph: ${what}`, error);
    }
  };
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(GRAPH_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const saved = (state ?? {}) as WebviewState;
        try {
          if (typeof saved.documentUri !== 'string') throw new Error('no document in the saved graph state');
          const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(saved.documentUri));
          GraphPanel.restore(panel, document, host, saved.selectedId);
        } catch (error) {
          logError('graph: restoring a panel', error);
          panel.dispose();
        }
      },
    }),
    vscode.workspace.onDidChangeTextDocument((event) =>
      safely('edit', () => GraphPanel.forDocument(event.document)?.documentChanged()),
    ),
    vscode.window.onDidChangeTextEditorSelection((event) =>
      safely('cursor', () => {
        const panel = GraphPanel.forDocument(event.textEditor.document);
        if (panel) panel.cursorMoved(event.textEditor.document.offsetAt(event.selections[0].active));
      }),
    ),
    vscode.window.onDidChangeActiveTextEditor((editor) =>
      safely('follow', () => {
        if (editor && getAnalysis(editor.document)) GraphPanel.followActive(editor.document);
      }),
    ),
    vscode.window.onDidChangeActiveColorTheme((theme) => safely('theme', () => GraphPanel.all().forEach((p) => p.postTheme(theme.kind)))),
    { dispose: () => GraphPanel.all().forEach((p) => p.dispose()) },
  );
  return (arg?: unknown, selectId?: unknown) => openGraph(host, arg, selectId);
}

async function openGraph(host: GraphHost, arg: unknown, selectId: unknown): Promise<void> {
  const uri = arg instanceof vscode.Uri ? arg : undefined;
  const nodeId = typeof arg === 'string' ? arg : typeof selectId === 'string' ? selectId : undefined;
  const document = uri ? await vscode.workspace.openTextDocument(uri) : targetDocument((d) => host.getAnalysis(d) !== undefined) ?? lastGraphDocument();
  if (!document || !host.getAnalysis(document)) {
    void vscode.window.showInformationMessage(
      'Pipeline Lens: open a serverless.yml, a SAM/CloudFormation template or a *.pipeline.yaml file to see its stage graph.',
    );
    return;
  }
  GraphPanel.show(document, host, nodeId);
}

function lastGraphDocument(): vscode.TextDocument | undefined {
  const uri = GraphPanel.lastActivePanel?.documentUri;
  return uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : undefined;
}
