// Pieces both buffer-queue writers share: resource ids, the S3 queue notification, the visibility timeout.
import type { PipelineEdge, PipelineNode } from '../../model';
import { getAtt, type YamlMapping } from '../../edit';
import { freshIds, idPrefix, type FixContext } from '../context';
import { advisedVisibilityTimeout } from '../queues';

export function bufferIds(ctx: FixContext, functionId: string): string[] {
  const prefix = idPrefix(functionId);
  return freshIds(ctx, [`${prefix}BufferQueue`, `${prefix}BufferDLQ`, `${prefix}BufferQueuePolicy`]);
}

/** One S3 QueueConfiguration per event type, with the original filter. */
export function queueConfigurations(events: string[], queueId: string, filter: YamlMapping | undefined): YamlMapping[] {
  return events.map((event) => {
    const config: YamlMapping = { Event: event, Queue: getAtt(queueId, 'Arn') };
    if (filter) config.Filter = filter;
    return config;
  });
}

/** 6 x the function timeout (the setting's multiplier); the new mapping has no batching window. */
export function visibilityFor(ctx: FixContext, fn: PipelineNode, _edge: PipelineEdge): number {
  return advisedVisibilityTimeout(fn.fn?.timeoutS ?? 3, ctx.analysis.settings.visibilityTimeoutMultiplier);
}
