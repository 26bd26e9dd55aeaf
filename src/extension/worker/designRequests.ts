// Requests of the design features that need the whole analysis (its YAML document and settings), answered in the
// worker like fixes: the what-if reports and edits, the buffer-queue offers, and a measured-load import.
import type { Analysis } from '../../core/analyze';
import { analyze } from '../../core/analyze';
import { whatIfEdits } from '../../core/design/applyWhatIf';
import { detectMeasuredFormat, loadsFromCloudWatch, loadsFromPowerTuning, NEEDS_FUNCTION } from '../../core/design/measured/importLoad';
import { applyMeasuredLoads, spanningEdit } from '../../core/design/measured/loadEdits';
import type { Finding } from '../../core/findings';
import { computeFix } from '../../core/fixes/index';
import type { DeepPartial, Settings } from '../../core/settings';
import { insertBufferQueue } from '../../core/fixes/insert-buffer-queue';
import { buildWhatIfMessage } from '../graph/whatIfMessage';
import type { BufferOffer, ImportLoadRequest, ImportLoadResult, ReplyValues, WhatIfEditsRequest, WhatIfRequest } from './protocol';

export function whatIfReply(analysis: Analysis, request: WhatIfRequest): ReplyValues['whatIf'] {
  return buildWhatIfMessage(analysis, { version: request.version, seq: request.seq, target: request.target, overrides: request.overrides });
}

export function whatIfEditsReply(analysis: Analysis, request: WhatIfEditsRequest): ReplyValues['whatIfEdits'] {
  return whatIfEdits(analysis, request.overrides) ?? null;
}

export function bufferOffers(analysis: Analysis): BufferOffer[] {
  return analysis.findings
    .filter((f): f is Finding & { edge: string } => f.rule === 'async-without-buffer' && f.edge !== undefined)
    .flatMap((finding) => {
      const fix = computeFix(analysis, finding, insertBufferQueue.id);
      const edge = analysis.model.edges.find((e) => e.id === finding.edge);
      return fix && fix.edits.length > 0 ? [{ edgeId: finding.edge, from: edge?.from ?? '', to: edge?.to ?? '', fix: { title: fix.title, edits: fix.edits } }] : [];
    });
}

export function importLoad(analysis: Analysis, request: ImportLoadRequest, settings: DeepPartial<Settings>): ImportLoadResult {
  const format = detectMeasuredFormat(request.measurements);
  const options = { functionId: request.functionId, now: new Date(request.now) };
  const plan =
    format === 'cloudwatch'
      ? loadsFromCloudWatch(analysis, request.measurements, options)
      : format === 'power-tuning'
        ? loadsFromPowerTuning(analysis, request.measurements, options)
        : { ok: false as const, error: 'neither `aws cloudwatch get-metric-data` output nor a Lambda Power Tuning result' };
  if (!plan.ok) {
    const functionIds = plan.error.startsWith(NEEDS_FUNCTION) ? analysis.functions.map((f) => f.id) : [];
    return { ok: false, error: plan.error, functionIds };
  }
  const original = analysis.parsed.text;
  const result = applyMeasuredLoads(original, plan.value.loads, (text) => analyze(text, { path: analysis.path, settings }));
  return { ok: true, edit: spanningEdit(original, result.text) ?? null, applied: result.applied, skipped: result.skipped, notes: plan.value.notes };
}
