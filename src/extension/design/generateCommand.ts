// Pipeline Lens: Generate Deployment File from Design. The active design (or the one passed) becomes a
// serverless.yml or SAM template: opened as an unsaved YAML editor, or written beside the design when asked.
import * as vscode from 'vscode';
import { generate, type Target } from '../../core/generate';

export type GenerateWhere = 'untitled' | 'beside';

const TARGET_PICKS: Array<vscode.QuickPickItem & { target: Target; file: string }> = [
  { label: 'Serverless Framework v3', description: 'serverless.yml', target: 'serverless', file: 'serverless.yml' },
  { label: 'AWS SAM', description: 'template.yaml', target: 'sam', file: 'template.yaml' },
];

const WHERE_PICKS: Array<vscode.QuickPickItem & { where: GenerateWhere }> = [
  { label: 'Open as an unsaved editor', where: 'untitled' },
  { label: 'Write beside the design', description: 'replaces a file of that name after asking', where: 'beside' },
];

/** Arguments let tests (and other commands) skip the quick picks. Returns the document shown, if any. */
export async function generateFromDesign(uri?: vscode.Uri, target?: Target, where?: GenerateWhere): Promise<vscode.TextDocument | undefined> {
  const design = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!design) {
    void vscode.window.showInformationMessage('Pipeline Lens: open a *.pipeline.yaml design first (or create one with Pipeline Lens: New Pipeline).');
    return undefined;
  }
  const targetPick = target ? TARGET_PICKS.find((p) => p.target === target) : await vscode.window.showQuickPick(TARGET_PICKS, { placeHolder: 'Generate which deployment file?' });
  if (!targetPick) return undefined;
  const designName = design.isUntitled ? 'untitled design' : design.uri.path.split('/').pop() ?? 'design';
  const result = generate(design.getText(), targetPick.target, designName);
  if (!result.ok) {
    void vscode.window.showErrorMessage(`Pipeline Lens: ${result.error.split('\n').join(' ')}`);
    return undefined;
  }
  const place = where ?? (design.isUntitled ? 'untitled' : (await vscode.window.showQuickPick(WHERE_PICKS, { placeHolder: 'Where should the generated file go?' }))?.where);
  if (!place) return undefined;
  if (place === 'untitled' || design.isUntitled) {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: result.text });
    await vscode.window.showTextDocument(document);
    return document;
  }
  const beside = vscode.Uri.joinPath(design.uri, '..', targetPick.file);
  if (await exists(beside) && !where) {
    const answer = await vscode.window.showWarningMessage(`${targetPick.file} already exists beside the design. Replace it?`, { modal: true }, 'Replace');
    if (answer !== 'Replace') return undefined;
  }
  await vscode.workspace.fs.writeFile(beside, new TextEncoder().encode(result.text));
  const document = await vscode.workspace.openTextDocument(beside);
  await vscode.window.showTextDocument(document);
  return document;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
