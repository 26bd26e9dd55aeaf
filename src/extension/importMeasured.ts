// Command "Import Measured Load...": pick a CloudWatch get-metric-data or Lambda Power Tuning JSON file and write
// what it measured into the open pipeline file's annotations (source: measured), as one undoable edit.
import * as vscode from 'vscode';
import { analyze, type Analysis } from '../core/analyze';
import { detectMeasuredFormat, loadsFromCloudWatch, loadsFromPowerTuning, type ImportPlan } from '../core/design/measured/importLoad';
import type { Parsed } from '../core/design/measured/cloudwatch';
import { applyMeasuredLoads, spanningEdit } from '../core/design/measured/loadEdits';
import type { AnalysisCache } from './analysisCache';
import { toWorkspaceEdit } from './convert';
import { log } from './log';

const NEEDS_FUNCTION = 'say which function was tuned';

/** Returns what was written, one line per function (empty when nothing was). Arguments are for tests and links. */
export async function importMeasuredLoad(cache: AnalysisCache, uri?: vscode.Uri, measurements?: vscode.Uri, functionId?: string): Promise<string[]> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  const analysis = document ? cache.get(document) : undefined;
  if (!document || !analysis) {
    void vscode.window.showInformationMessage('Pipeline Lens: open a serverless.yml, SAM/CloudFormation template or *.pipeline.yaml first.');
    return [];
  }
  const file = measurements ?? (await pickMeasurements());
  if (!file) return [];
  const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
  const plan = await planImport(analysis, text, functionId);
  if (!plan) return [];
  if (!plan.ok) {
    void vscode.window.showWarningMessage(`Pipeline Lens: ${vscode.workspace.asRelativePath(file)}: ${plan.error}.`);
    return [];
  }
  for (const note of plan.value.notes) log(`import measured load: ${note}`);
  const version = document.version;
  const original = document.getText();
  const result = applyMeasuredLoads(original, plan.value.loads, (t) => cache.analyzeText(document.uri, t) ?? analyze(t));
  const edit = spanningEdit(original, result.text);
  if (result.skipped.length > 0) void vscode.window.showWarningMessage(`Pipeline Lens: not written: ${result.skipped.join('; ')}`);
  if (!edit) return [];
  if (document.version !== version) {
    void vscode.window.showWarningMessage('Pipeline Lens: the file changed during the import; nothing was written. Try again.');
    return [];
  }
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document, [edit])))) return [];
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

/** The loads to write; asks which function a Power Tuning result is for when the file has several. */
async function planImport(analysis: Analysis, text: string, functionId: string | undefined): Promise<Parsed<ImportPlan> | undefined> {
  const format = detectMeasuredFormat(text);
  if (format === 'cloudwatch') return loadsFromCloudWatch(analysis, text, { functionId });
  if (format !== 'power-tuning') return { ok: false, error: 'neither `aws cloudwatch get-metric-data` output nor a Lambda Power Tuning result' };
  const now = new Date();
  const first = loadsFromPowerTuning(analysis, text, { functionId, now });
  if (first.ok || !first.error.startsWith(NEEDS_FUNCTION)) return first;
  const ids = analysis.functions.map((f) => f.id);
  const picked = await vscode.window.showQuickPick(ids, { placeHolder: 'Which function was tuned?' });
  return picked ? loadsFromPowerTuning(analysis, text, { functionId: picked, now }) : undefined;
}
