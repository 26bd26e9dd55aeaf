// Command "Insert Buffer Queue": the buffer-queue quick fix on an asynchronous trigger of the active file that has no
// buffer (a quick pick when there are several). The palette's and the Getting Started walkthrough's way to the fix
// the lightbulb offers on the trigger.
import * as vscode from 'vscode';
import type { Finding } from '../core/findings';
import { computeFix } from '../core/fixes/index';
import type { AnalysisCache } from './analysisCache';
import { toWorkspaceEdit } from './convert';
import { BUFFER_FIX_ID } from './graph/graphMessage';
import { targetDocument } from './targetDocument';

export async function insertBufferQueueCommand(cache: AnalysisCache): Promise<boolean> {
  const document = targetDocument((d) => cache.get(d) !== undefined);
  const analysis = document ? cache.get(document) : undefined;
  if (!document || !analysis) {
    void vscode.window.showInformationMessage('Pipeline Lens: open a serverless.yml, SAM/CloudFormation template or *.pipeline.yaml first.');
    return false;
  }
  const offers = analysis.findings
    .filter((f): f is Finding & { edge: string } => f.rule === 'async-without-buffer' && f.edge !== undefined)
    .flatMap((finding) => {
      const fix = computeFix(analysis, finding, BUFFER_FIX_ID);
      return fix && fix.edits.length > 0 ? [{ finding, fix }] : [];
    });
  if (offers.length === 0) {
    void vscode.window.showInformationMessage('Pipeline Lens: no asynchronous trigger here lacks a buffer queue that can be inserted safely.');
    return false;
  }
  const label = (edge: string) => analysis.model.edges.find((e) => e.id === edge);
  const chosen =
    offers.length === 1
      ? offers[0]
      : (
          await vscode.window.showQuickPick(
            offers.map((offer) => ({ label: offer.fix.title, description: `${label(offer.finding.edge)?.from ?? ''} → ${label(offer.finding.edge)?.to ?? ''}`, offer })),
            { placeHolder: 'Insert a buffer queue on which trigger?' },
          )
        )?.offer;
  if (!chosen) return false;
  return vscode.workspace.applyEdit(toWorkspaceEdit(document, chosen.fix.edits));
}
