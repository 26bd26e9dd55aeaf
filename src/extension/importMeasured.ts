// Command "Import Measured Load...": pick a CloudWatch get-metric-data or Lambda Power Tuning JSON file and write
// what it measured into the open pipeline file's annotations (source: measured), as one undoable edit.
import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import { toWorkspaceEdit } from './convert';
import { log } from './log';

/** Returns what was written, one line per function (empty when nothing was). Arguments are for tests and links. */
export async function importMeasuredLoad(cache: AnalysisCache, uri?: vscode.Uri, measurements?: vscode.Uri, functionId?: string): Promise<string[]> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  const analysis = document ? await cache.get(document) : undefined;
  if (!document || !analysis) {
    void vscode.window.showInformationMessage('Pipeline Lens: open a serverless.yml, SAM/CloudFormation template or *.pipeline.yaml first.');
    return [];
  }
  const file = measurements ?? (await pickMeasurements());
  if (!file) return [];
  const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
  const version = analysis.version;
  let result = await cache.importLoad(document, version, text, functionId);
  // A Power Tuning result that does not name its function: ask which one was tuned.
  if (result && !result.ok && result.functionIds.length > 0) {
    const picked = await vscode.window.showQuickPick(result.functionIds, { placeHolder: 'Which function was tuned?' });
    if (!picked) return [];
    result = await cache.importLoad(document, version, text, picked);
  }
  if (!result || document.version !== version) {
    void vscode.window.showWarningMessage('Pipeline Lens: the file changed during the import; nothing was written. Try again.');
    return [];
  }
  if (!result.ok) {
    void vscode.window.showWarningMessage(`Pipeline Lens: ${vscode.workspace.asRelativePath(file)}: ${result.error}.`);
    return [];
  }
  for (const note of result.notes) log(`import measured load: ${note}`);
  if (result.skipped.length > 0) void vscode.window.showWarningMessage(`Pipeline Lens: not written: ${result.skipped.join('; ')}`);
  if (!result.edit) return [];
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document, [result.edit])))) return [];
  void vscode.window.showInformationMessage(`Pipeline Lens: imported measured load: ${result.applied.join('; ')}`);
  return result.applied;
}

async function pickMeasurements(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Import',
    title: 'Import measured load: aws cloudwatch get-metric-data output, or a Lambda Power Tuning result',
    filters: { JSON: ['json'] },
  });
  return picked?.[0];
}
