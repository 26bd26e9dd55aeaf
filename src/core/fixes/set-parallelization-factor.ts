// set-parallelization-factor (throughput-exceeds-concurrency): when the cap is a stream's shards x parallelization
// factor, raise the factor to the smallest value (at most 10) that lets the expected concurrency through, and
// only when no other cap (reserved concurrency, account limit) would still hold it back.
import { nodeById } from '../model';
import type { TextEdit } from '../findings';
import { triggerEdges } from '../concurrency/limits';
import { findingNode, type FixContext, type FixDefinition } from './context';
import { mappingSettings, setMappingNumber } from './mapping';

/** Lambda's maximum parallelization factor per shard. */
export const MAX_PARALLELIZATION_FACTOR = 10;

function plan(ctx: FixContext): { factor: number; edits: TextEdit[] } | undefined {
  const fn = findingNode(ctx);
  const report = ctx.analysis.functions.find((r) => r.id === fn?.id);
  const expected = report?.concurrency.expected;
  if (!fn?.fn || !report || expected == null || report.concurrency.capKind !== 'shards') return undefined;
  const edges = triggerEdges(ctx.analysis.model, fn.id);
  if (edges.length !== 1) return undefined; // several mappings share the cap: which one to raise is a design choice
  const edge = edges[0];
  const current = edge.trigger?.parallelizationFactor?.value ?? 1;
  const shards = report.concurrency.cap / current;
  if (!Number.isInteger(shards) || shards < 1) return undefined;
  const factor = Math.ceil(expected / shards);
  if (factor <= current || factor > MAX_PARALLELIZATION_FACTOR) return undefined;
  const otherCaps = [fn.fn.reservedConcurrency?.value ?? Infinity, ctx.analysis.settings.accountConcurrencyLimit];
  if (otherCaps.some((cap) => cap < expected)) return undefined;
  if (!nodeById(ctx.analysis.model, edge.from)) return undefined;
  const settings = mappingSettings(ctx, edge);
  const edits = settings && setMappingNumber(ctx, settings, 'parallelizationFactor', factor);
  return edits ? { factor, edits } : undefined;
}

export const setParallelizationFactor: FixDefinition = {
  id: 'set-parallelization-factor',
  rules: ['throughput-exceeds-concurrency'],
  preferred: true,
  title: (ctx) => {
    const p = plan(ctx);
    return p ? `Set parallelizationFactor to ${p.factor}` : undefined;
  },
  edits: (ctx) => plan(ctx)?.edits,
};
