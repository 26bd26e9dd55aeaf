// The webview's edit intents: apply a finding's quick fix, insert a buffer queue on an edge. Both carry the version
// the graph was drawn from and are refused when the document changed since (finding indexes and offsets would no
// longer match); the edits themselves are computed by the analysis worker for that version.
import * as vscode from 'vscode';
import type { FixResult } from '../worker/protocol';
import type { AnalysisSnapshot } from '../worker/snapshot';
import { applyOffsetsEdit } from './editorLink';

export interface ShownGraph {
  analysis: AnalysisSnapshot;
  version: number;
}

/** What the panel asks the worker for (AnalysisCache.fix / bufferQueue). */
export interface FixSource {
  fix(document: vscode.TextDocument, version: number, findingIndex: number, fixId: string): Promise<FixResult | null | undefined>;
  bufferQueue(document: vscode.TextDocument, version: number, edgeId: string): Promise<FixResult | null | undefined>;
}

export const STALE_GRAPH_MESSAGE = 'Pipeline Lens: the file changed since the graph was drawn; try again on the updated graph.';

function unchanged(document: vscode.TextDocument, shown: ShownGraph | undefined, version: number): boolean {
  if (shown && shown.version === version && document.version === version) return true;
  void vscode.window.showWarningMessage(STALE_GRAPH_MESSAGE);
  return false;
}

/** Applies the computed edits unless the document moved on while they were computed. */
async function applyComputed(document: vscode.TextDocument, version: number, fix: FixResult | null | undefined, unsafe: string): Promise<void> {
  if (fix === undefined || document.version !== version) {
    void vscode.window.showWarningMessage(STALE_GRAPH_MESSAGE);
    return;
  }
  if (fix === null) {
    void vscode.window.showWarningMessage(unsafe);
    return;
  }
  await applyOffsetsEdit(document, fix.edits, fix.title);
}

export async function applyFindingFix(
  source: FixSource,
  document: vscode.TextDocument,
  shown: ShownGraph | undefined,
  version: number,
  findingIndex: number,
  fixId: string,
): Promise<void> {
  if (!unchanged(document, shown, version) || !shown?.analysis.findings[findingIndex]) return;
  const fix = await source.fix(document, version, findingIndex, fixId);
  await applyComputed(document, version, fix, 'Pipeline Lens: this fix cannot be applied safely to the file as it is.');
}

export async function insertBufferQueue(source: FixSource, document: vscode.TextDocument, shown: ShownGraph | undefined, version: number, edgeId: string): Promise<void> {
  if (!unchanged(document, shown, version)) return;
  const fix = await source.bufferQueue(document, version, edgeId);
  await applyComputed(document, version, fix, 'Pipeline Lens: a buffer queue cannot be inserted safely on this edge.');
}
