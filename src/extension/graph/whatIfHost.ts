// The graph panel's what-if intents: compute the reports for tried values (read-only, on the analysis the graph
// shows) and apply them to the file as one WorkspaceEdit (one undo step), refused when the document changed. Both
// are computed by the analysis worker for the version the graph was drawn from.
import * as vscode from 'vscode';
import type { WhatIfOverrides } from '../../core/design/overrides';
import type { WhatIfAppliedMessage, WhatIfMessage } from '../../protocol';
import type { ReplyValues } from '../worker/protocol';
import { applyOffsetsEdit } from './editorLink';
import type { ShownGraph } from './fixActions';

export const APPLY_LABEL = 'Pipeline Lens: apply what-if values';

/** What the panel asks the worker for (AnalysisCache.whatIf / whatIfEdits). */
export interface WhatIfSource {
  whatIf(document: vscode.TextDocument, version: number, input: { seq: number; target: string | null; overrides: WhatIfOverrides }): Promise<WhatIfMessage | undefined>;
  whatIfEdits(document: vscode.TextDocument, version: number, overrides: WhatIfOverrides): Promise<ReplyValues['whatIfEdits'] | undefined>;
}

/** Undefined when no graph is shown yet or it is stale (the webview asks again when the next graph arrives). */
export async function whatIfReply(
  source: WhatIfSource,
  document: vscode.TextDocument,
  shown: ShownGraph | undefined,
  request: { seq: number; target: string | null; overrides: WhatIfOverrides },
): Promise<WhatIfMessage | undefined> {
  if (!shown) return undefined;
  return source.whatIf(document, shown.version, { seq: request.seq, target: request.target, overrides: request.overrides });
}

export async function applyWhatIf(
  source: WhatIfSource,
  document: vscode.TextDocument,
  shown: ShownGraph | undefined,
  version: number,
  overrides: WhatIfOverrides,
): Promise<WhatIfAppliedMessage> {
  const stale: WhatIfAppliedMessage = { type: 'whatIfApplied', ok: false, message: 'The file changed since these values were computed; try again on the updated graph.', skipped: [] };
  if (!shown || shown.version !== version || document.version !== version) return stale;
  const result = await source.whatIfEdits(document, version, overrides);
  if (result === undefined || document.version !== version) return stale;
  if (result === null) return { type: 'whatIfApplied', ok: false, message: 'The file cannot be edited safely (it has YAML errors).', skipped: [] };
  if (result.edits.length === 0) {
    const message = result.skipped.length ? 'Nothing could be written safely.' : 'The file already has these values.';
    return { type: 'whatIfApplied', ok: result.skipped.length === 0, message, skipped: result.skipped };
  }
  const applied = await applyOffsetsEdit(document, result.edits, APPLY_LABEL);
  if (!applied) return { type: 'whatIfApplied', ok: false, message: 'The editor refused the edit.', skipped: result.skipped };
  return { type: 'whatIfApplied', ok: true, message: `Written: ${result.written.join('; ')}.`, skipped: result.skipped };
}
