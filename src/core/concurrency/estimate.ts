// Expected concurrency (Little's law: rate x duration) against the cap the triggers and settings allow.
import type { PipelineModel, PipelineNode } from '../model';
import type { CapKind, ConcurrencyEstimate } from '../report';
import type { Settings } from '../settings';
import type { Load } from '../cost/load';
import { formatNumber, roundSignificant } from '../cost/round';
import { mappingLimit, triggerEdges, type Limit } from './limits';

export function estimateConcurrency(model: PipelineModel, node: PipelineNode, load: Load, settings: Settings): ConcurrencyEstimate {
  const expected =
    load.ratePerSecond === null || load.durationMs === null
      ? null
      : roundSignificant(load.ratePerSecond * (load.durationMs / 1000), 4);
  const unknowns: string[] = [];
  const candidates: Limit[] = [];

  const triggerCap = triggersCap(model, node.id, unknowns);
  if (triggerCap) candidates.push(triggerCap);
  const reserved = node.fn?.reservedConcurrency;
  if (reserved) {
    const reason = reserved.value === 0 ? 'reservedConcurrency 0 (the function is throttled)' : `reservedConcurrency ${formatNumber(reserved.value)}`;
    candidates.push({ value: reserved.value, kind: 'reserved', reason, span: reserved.span });
  }
  const account = settings.accountConcurrencyLimit;
  candidates.push({ value: account, kind: 'account', reason: `account limit of ${formatNumber(account)} concurrent executions per region` });

  // The first of equal limits wins: the trigger is the most specific reason, the account the least.
  const cap = candidates.reduce((lowest, limit) => (limit.value < lowest.value ? limit : lowest));
  return {
    expected,
    cap: cap.value,
    capReason: cap.reason,
    capKind: cap.kind,
    capSpan: cap.span,
    ...(unknowns.length ? { unknowns } : {}),
  };
}

/**
 * The cap the function's triggers allow together: mappings run side by side, so their caps add up. Any trigger
 * without a cap of its own (async, API) or with an unknown one leaves the function capped elsewhere.
 */
function triggersCap(model: PipelineModel, fnId: string, unknowns: string[]): Limit | undefined {
  const limits: Limit[] = [];
  let bounded = true;
  const edges = triggerEdges(model, fnId);
  for (const edge of edges) {
    const mapping = mappingLimit(model, edge);
    if (mapping.kind === 'limit') limits.push(mapping.limit);
    else {
      bounded = false;
      if (mapping.kind === 'unknown') unknowns.push(mapping.why);
    }
  }
  if (!bounded || limits.length === 0) return undefined;
  if (limits.length === 1) return limits[0];
  return {
    value: limits.reduce((sum, l) => sum + l.value, 0),
    kind: combinedKind(limits),
    reason: limits.map((l) => `${l.source}: ${l.reason}`).join(' + '),
    span: limits[0].span,
  };
}

/** Several mappings adding up: the advice follows the most tunable kind among them (shards before SQS settings). */
function combinedKind(limits: Limit[]): CapKind {
  const order: CapKind[] = ['shards', 'maximum-concurrency', 'sqs-pollers'];
  return order.find((kind) => limits.some((l) => l.kind === kind)) ?? limits[0].kind;
}
