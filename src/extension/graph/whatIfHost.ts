// The graph panel's what-if intents: compute the reports for tried values (read-only, on the analysis the graph
// shows) and apply them to the file as one WorkspaceEdit (one undo step), refused when the document changed.
import * as vscode from 'vscode';
import { whatIfEdits } from '../../core/design/applyWhatIf';
import type { WhatIfOverrides } from '../../core/design/overrides';
import type { WhatIfAppliedMessage, WhatIfMessage } from '../../protocol';
import { applyOffsetsEdit } from './editorLink';
import type { ShownGraph } from './fixActions';
import { buildWhatIfMessage, type WhatIfRequestInput } from './whatIfMessage';

export const APPLY_LABEL = 'Pipeline Lens: apply what-if values';

/** Undefined when no graph is shown yet (the webview asks again when the next graph arrives). */
export function whatIfReply(shown: ShownGraph | undefined, request: Omit<WhatIfRequestInput, 'version'>): WhatIfMessage | undefined {
  if (!shown) return undefined;
  return buildWhatIfMessage(shown.analysis, { ...request, version: shown.version });
}

export async function applyWhatIf(
  document: vscode.TextDocument,
  shown: ShownGraph | undefined,
  version: number,
  overrides: WhatIfOverrides,
): Promise<WhatIfAppliedMessage> {
  if (!shown || shown.version !== version || document.version !== version) {
    return { type: 'whatIfApplied', ok: false, message: 'The file changed since these values were computed; try again on the updated graph.', skipped: [] };
  }
  const result = whatIfEdits(shown.analysis, overrides);
  if (!result) return { type: 'whatIfApplied', ok: false, message: 'The file cannot be edited safely (it has YAML errors).', skipped: [] };
  if (result.edits.length === 0) {
    const message = result.skipped.length ? 'Nothing could be written safely.' : 'The file already has these values.';
    return { type: 'whatIfApplied', ok: result.skipped.length === 0, message, skipped: result.skipped };
  }
  const applied = await applyOffsetsEdit(document, result.edits, APPLY_LABEL);
  if (!applied) return { type: 'whatIfApplied', ok: false, message: 'The editor refused the edit.', skipped: result.skipped };
  return { type: 'whatIfApplied', ok: true, message: `Written: ${result.written.join('; ')}.`, skipped: result.skipped };
}
