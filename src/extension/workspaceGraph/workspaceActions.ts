// What the workspace graph does in the editor besides drawing: the hover on a joined reference, and a fix chosen
// in the side panel, made in the finding's own file.
import * as vscode from 'vscode';
import { computeFix } from '../../core/fixes/index';
import type { JoinedWorkspace } from '../../core/workspace';
import { applyOffsetsEdit } from '../graph/editorLink';
import { workspaceFindingAt } from './workspaceGraphMessage';
import type { WorkspaceModel } from './workspaceModel';

/** Which file and node a reference under the cursor joined to, and how. */
export function joinHover(model: WorkspaceModel, document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
  if (!model.has(document.uri)) return undefined;
  const path = vscode.workspace.asRelativePath(document.uri);
  const offset = document.offsetAt(position);
  const join = model.joined().joins.find((j) => j.from.file === path && j.span.start <= offset && offset <= j.span.end);
  if (!join) return undefined;
  const code = (value: string) => '`' + value.replace(/`/g, "'") + '`';
  const text = new vscode.MarkdownString();
  text.appendMarkdown(`**Pipeline Lens** · joined to ${code(join.to.id)} in ${code(join.to.file)} (via ${join.via})\n\n`);
  text.appendText(join.how);
  return new vscode.Hover(text, new vscode.Range(document.positionAt(join.span.start), document.positionAt(join.span.end)));
}

/** A fix from the side panel; refused when the graph is outdated or the file changed since it was drawn. */
export async function applyWorkspaceFix(model: WorkspaceModel, shown: JoinedWorkspace | undefined, index: number, fixId: string): Promise<void> {
  const at = shown && workspaceFindingAt(shown, index);
  const file = at && shown.files.find((f) => f.path === at.path);
  const uri = at && model.uris.get(at.path);
  const document = uri && (await vscode.workspace.openTextDocument(uri));
  if (!file || !document || document.getText() !== file.analysis.parsed.text) {
    void vscode.window.showWarningMessage('Pipeline Lens: the file changed since the graph was drawn; try again on the updated graph.');
    return;
  }
  const fix = computeFix(file.fixAnalysis, file.analysis.findings[at.findingIndex], fixId);
  if (!fix) {
    void vscode.window.showWarningMessage('Pipeline Lens: this fix cannot be applied safely to the file as it is.');
    return;
  }
  await applyOffsetsEdit(document, fix.edits, fix.title);
}
