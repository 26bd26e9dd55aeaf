// raise-visibility-timeout (visibility-timeout-too-short): VisibilityTimeout = multiplier x the consumer's timeout
// (+ its batching window), written on the queue resource, replacing a literal value or adding the key.
import { isMap, isScalar } from 'yaml';
import { insertAtPath, mapAtPath, ownPair, replaceScalar } from '../edit';
import type { TextEdit } from '../findings';
import { nodeById } from '../model';
import { findingEdge, findingNode, resourceMap, type FixContext, type FixDefinition } from './context';
import { advisedVisibilityTimeout, MAX_VISIBILITY_TIMEOUT_S } from './queues';

/** The advised timeout over every function this queue feeds (the finding names one; all must fit). */
function advised(ctx: FixContext): number | undefined {
  const queue = findingNode(ctx);
  const edge = findingEdge(ctx);
  if (!queue || !edge) return undefined;
  const multiplier = ctx.analysis.settings.visibilityTimeoutMultiplier;
  let best = 0;
  for (const e of ctx.analysis.model.edges) {
    if (e.kind !== 'trigger' || e.from !== queue.id) continue;
    const fn = nodeById(ctx.analysis.model, e.to)?.fn;
    if (!fn) continue;
    best = Math.max(best, advisedVisibilityTimeout(fn.timeoutS, multiplier, e.trigger?.maximumBatchingWindowInSeconds?.value ?? 0));
  }
  return best > 0 && best <= MAX_VISIBILITY_TIMEOUT_S ? best : undefined;
}

function build(ctx: FixContext): TextEdit[] | undefined {
  const queue = findingNode(ctx);
  const seconds = advised(ctx);
  if (!queue || seconds === undefined) return undefined;
  const resource = resourceMap(ctx, queue.id);
  if (!resource) return undefined;
  const props = ownPair(resource, 'Properties')?.value;
  if (props !== undefined && props !== null && !isMap(props)) return undefined;
  const current = ownPair(mapAtPath(resource, ['Properties']), 'VisibilityTimeout')?.value;
  if (current === undefined) return insertAtPath(ctx.edit, resource, ['Properties'], { VisibilityTimeout: seconds });
  // A parameter or an intrinsic is the author's choice of source: we do not overwrite it with a literal.
  if (!isScalar(current) || current.tag || typeof current.value !== 'number') return undefined;
  return replaceScalar(ctx.edit, current, seconds);
}

export const raiseVisibilityTimeout: FixDefinition = {
  id: 'raise-visibility-timeout',
  rules: ['visibility-timeout-too-short'],
  preferred: true,
  title: (ctx) => (build(ctx) ? `Set VisibilityTimeout of ${findingNode(ctx)?.label} to ${advised(ctx)} s` : undefined),
  edits: build,
};
