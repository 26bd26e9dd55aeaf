// Graph <-> editor: reveal a node's YAML span in the editor showing the document.
import * as vscode from 'vscode';
import type { Span } from '../../core/model';

export function spanRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** Selects the span in an editor of the document (the visible one, else opens it in `column`) and scrolls to it. */
export async function revealSpan(
  document: vscode.TextDocument,
  span: Span,
  column: vscode.ViewColumn | undefined,
  focusEditor = true,
): Promise<void> {
  const range = spanRange(document, span);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
  const editor = visible
    ? await vscode.window.showTextDocument(visible.document, { viewColumn: visible.viewColumn, preserveFocus: !focusEditor })
    : await vscode.window.showTextDocument(document, { viewColumn: column ?? vscode.ViewColumn.One, preserveFocus: !focusEditor });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Applies core text edits (offsets into the analysed text) as one workspace edit. */
export async function applyOffsetsEdit(
  document: vscode.TextDocument,
  edits: { start: number; end: number; newText: string }[],
  label: string,
): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, spanRange(document, e), e.newText, { label, needsConfirmation: false });
  return vscode.workspace.applyEdit(edit);
}
