// add-redrive-policy (queue-without-dlq): a dead-letter queue of the same type (FIFO or standard) and a
// RedrivePolicy with maxReceiveCount 5 on the queue resource written in this file.
import { isMap } from 'yaml';
import { insertAtPath, insertResources, mapAtPath, ownPair } from '../edit';
import type { TextEdit } from '../findings';
import { findingNode, freshIds, resourceMap, type FixContext, type FixDefinition } from './context';
import { deadLetterQueue, MAX_RECEIVE_COUNT, redrivePolicy } from './queues';

function build(ctx: FixContext): TextEdit[] | undefined {
  const queue = findingNode(ctx);
  if (!queue?.queue || queue.kind !== 'queue' || queue.resourceType !== 'AWS::SQS::Queue') return undefined;
  const resource = resourceMap(ctx, queue.id);
  if (!resource || (resource.flow && !ctx.edit.json)) return undefined;
  const props = ownPair(resource, 'Properties')?.value;
  if (props !== undefined && props !== null && !isMap(props)) return undefined;
  if (ownPair(mapAtPath(resource, ['Properties']), 'RedrivePolicy')) return undefined;
  const [dlqId] = freshIds(ctx, [`${queue.id}DLQ`]);
  const policy = insertAtPath(ctx.edit, resource, ['Properties'], { RedrivePolicy: redrivePolicy(dlqId) });
  const dlq = insertResources(ctx.edit, ctx.serverless, { [dlqId]: deadLetterQueue(queue.queue.fifo) });
  return policy && dlq ? [...policy, ...dlq] : undefined;
}

export const addRedrivePolicy: FixDefinition = {
  id: 'add-redrive-policy',
  rules: ['queue-without-dlq'],
  preferred: true,
  title: (ctx) => {
    if (!build(ctx)) return undefined;
    const queue = findingNode(ctx);
    return `Add a ${queue?.queue?.fifo ? 'FIFO ' : ''}dead-letter queue to ${queue?.label} (maxReceiveCount ${MAX_RECEIVE_COUNT})`;
  },
  edits: build,
};
