// What the workspace graph does in the editor besides drawing: the hover on a joined reference, and a fix chosen
// in the side panel, made in the finding's own file. Both read what the analysis worker answered.
import * as vscode from 'vscode';
import { applyOffsetsEdit } from '../graph/editorLink';
import type { WorkspaceView } from '../worker/workspaceProtocol';
import type { WorkspaceModel } from './workspaceModel';

/** Which file and node a reference under the cursor joined to, and how. */
export function joinHover(model: WorkspaceModel, view: WorkspaceView | undefined, document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
  if (!view || !model.has(document.uri)) return undefined;
  const path = vscode.workspace.asRelativePath(document.uri);
  const offset = document.offsetAt(position);
  const join = view.joinSpots.find((j) => j.path === path && j.start <= offset && offset <= j.end);
  if (!join) return undefined;
  const code = (value: string) => '`' + value.replace(/`/g, "'") + '`';
  const text = new vscode.MarkdownString();
  text.appendMarkdown(`**Pipeline Lens** · joined to ${code(join.toId)} in ${code(join.toFile)} (via ${join.via})\n\n`);
  text.appendText(join.how);
  return new vscode.Hover(text, new vscode.Range(document.positionAt(join.start), document.positionAt(join.end)));
}

/** A fix from the side panel; refused when the graph is outdated or the file changed since it was drawn. */
export async function applyWorkspaceFix(model: WorkspaceModel, version: number, index: number, fixId: string): Promise<void> {
  const fix = await model.fix(version, index, fixId);
  if (fix === null) {
    void vscode.window.showWarningMessage('Pipeline Lens: this fix cannot be applied safely to the file as it is.');
    return;
  }
  const uri = fix && model.uris.get(fix.path);
  const document = uri && (await vscode.workspace.openTextDocument(uri));
  if (!fix || !document || document.getText() !== fix.text) {
    void vscode.window.showWarningMessage('Pipeline Lens: the file changed since the graph was drawn; try again on the updated graph.');
    return;
  }
  await applyOffsetsEdit(document, fix.edits, fix.title);
}
