// The webview's edit intents: apply a finding's quick fix, insert a buffer queue on an edge. Both refuse when the
// document changed since the graph was drawn (finding indexes and offsets would no longer match).
import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { computeFix } from '../../core/fixes/index';
import { applyOffsetsEdit } from './editorLink';
import { BUFFER_FIX_ID, bufferQueueFinding } from './graphMessage';

export interface ShownGraph {
  analysis: Analysis;
  version: number;
}

function unchanged(document: vscode.TextDocument, shown: ShownGraph | undefined, version: number): Analysis | undefined {
  if (shown && shown.version === version && document.version === version) return shown.analysis;
  void vscode.window.showWarningMessage('Pipeline Lens: the file changed since the graph was drawn; try again on the updated graph.');
  return undefined;
}

export async function applyFindingFix(
  document: vscode.TextDocument,
  shown: ShownGraph | undefined,
  version: number,
  findingIndex: number,
  fixId: string,
): Promise<void> {
  const analysis = unchanged(document, shown, version);
  const finding = analysis?.findings[findingIndex];
  if (!analysis || !finding) return;
  const fix = computeFix(analysis, finding, fixId);
  if (!fix) {
    void vscode.window.showWarningMessage('Pipeline Lens: this fix cannot be applied safely to the file as it is.');
    return;
  }
  await applyOffsetsEdit(document, fix.edits, fix.title);
}

export async function insertBufferQueue(document: vscode.TextDocument, shown: ShownGraph | undefined, version: number, edgeId: string): Promise<void> {
  const analysis = unchanged(document, shown, version);
  if (!analysis) return;
  const finding = bufferQueueFinding(analysis, edgeId);
  const fix = finding && computeFix(analysis, finding, BUFFER_FIX_ID);
  if (!fix) {
    void vscode.window.showWarningMessage('Pipeline Lens: a buffer queue cannot be inserted safely on this edge.');
    return;
  }
  await applyOffsetsEdit(document, fix.edits, fix.title);
}
