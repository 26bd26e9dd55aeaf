// The document a command acts on when it is given none: the active editor's, or, when a webview (the Getting Started
// walkthrough, the graph) has the focus, the visible editor showing a file Pipeline Lens analyses.
import * as vscode from 'vscode';

export function targetDocument(analysable: (document: vscode.TextDocument) => boolean): vscode.TextDocument | undefined {
  const active = vscode.window.activeTextEditor?.document;
  if (active) return active;
  return vscode.window.visibleTextEditors.map((e) => e.document).find(analysable);
}

/** Where to show a document opened by a command: beside a webview that has the focus (e.g. the walkthrough), else in place. */
export function columnForNewEditor(): vscode.ViewColumn {
  return !vscode.window.activeTextEditor && vscode.window.tabGroups.activeTabGroup.activeTab ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
}
