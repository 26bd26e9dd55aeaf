// Command "Insert Buffer Queue": the buffer-queue quick fix on an asynchronous trigger of the active file that has no
// buffer (a quick pick when there are several). The palette's and the Getting Started walkthrough's way to the fix
// the lightbulb offers on the trigger. The offers are computed by the analysis worker for the current version.
import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import { toWorkspaceEdit } from './convert';
import { targetDocument } from './targetDocument';

export async function insertBufferQueueCommand(cache: AnalysisCache): Promise<boolean> {
  const document = targetDocument((d) => cache.latest(d) !== undefined);
  const analysis = document ? await cache.get(document) : undefined;
  if (!document || !analysis) {
    void vscode.window.showInformationMessage('Pipeline Lens: open a serverless.yml, SAM/CloudFormation template or *.pipeline.yaml first.');
    return false;
  }
  const offers = (await cache.bufferOffers(document, analysis.version)) ?? [];
  if (offers.length === 0) {
    void vscode.window.showInformationMessage('Pipeline Lens: no asynchronous trigger here lacks a buffer queue that can be inserted safely.');
    return false;
  }
  const chosen =
    offers.length === 1
      ? offers[0]
      : (
          await vscode.window.showQuickPick(
            offers.map((offer) => ({ label: offer.fix.title, description: `${offer.from} → ${offer.to}`, offer })),
            { placeHolder: 'Insert a buffer queue on which trigger?' },
          )
        )?.offer;
  if (!chosen) return false;
  if (document.version !== analysis.version) {
    void vscode.window.showWarningMessage('Pipeline Lens: the file changed while the buffer queue was prepared; nothing was written. Try again.');
    return false;
  }
  return vscode.workspace.applyEdit(toWorkspaceEdit(document, chosen.fix.edits));
}
