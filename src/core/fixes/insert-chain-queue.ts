// insert-chain-queue (chained-without-buffer): where a function's on-success destination is another function,
// the destination becomes a new SQS queue (with DLQ) and the next function is triggered by that queue, so the two
// stages scale and fail apart. Serverless `destinations.onSuccess` and SAM `EventInvokeConfig` OnSuccess; both
// frameworks add the IAM permissions for an SQS destination and an SQS event themselves.
import { isMap, isScalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { ancestorsAt, getAtt, insertItems, insertPairs, insertResources, mapAtPath, ownPair, pairAt, plainCopy, replacePairValue, replaceScalar, type YamlMapping } from '../edit';
import type { TextEdit } from '../findings';
import { nodeById, type PipelineNode } from '../model';
import { findingNode, freshIds, idPrefix, resourceMap, type FixContext, type FixDefinition } from './context';
import { advisedVisibilityTimeout, bufferQueue, deadLetterQueue } from './queues';

function chain(ctx: FixContext): { from: PipelineNode; to: PipelineNode } | undefined {
  const from = findingNode(ctx);
  const target = from?.fn?.async.onSuccess?.target;
  const to = target ? nodeById(ctx.analysis.model, target) : undefined;
  if (!from || !to?.fn || to.kind !== 'function') return undefined;
  // Only the on-success link: an IAM invoke permission is code calling code, which a YAML edit cannot rewire.
  if (!ctx.finding.span || from.fn?.async.onSuccess?.span.start !== ctx.finding.span.start) return undefined;
  return { from, to };
}

/** Adds a trigger to a list of events (serverless `events:` items, SAM `Events:` entries), creating the list. */
function addEvent(ctx: FixContext, owner: YAMLMap, key: string, event: YamlMapping, sam: boolean): TextEdit[] | undefined {
  const events = ownPair(owner, key)?.value;
  if (sam) {
    if (events === undefined) return insertPairs(ctx.edit, owner, { [key]: event });
    return isMap(events) ? insertPairs(ctx.edit, events, event) : undefined;
  }
  if (events === undefined) return insertPairs(ctx.edit, owner, { [key]: [event] });
  return isMap(events) || !events || !(events as YAMLSeq).items ? undefined : insertItems(ctx.edit, events as YAMLSeq, [event]);
}

function serverlessEdits(ctx: FixContext, to: PipelineNode, queueId: string): TextEdit[] | undefined {
  const pair = pairAt(ctx.edit.doc, ctx.finding.span.start, ['onSuccess']);
  const target = mapAtPath(ctx.edit.doc.contents, ['functions', to.id]);
  if (!pair || !isScalar(pair.value) || !target || target.flow) return undefined;
  const destination = replacePairValue(ctx.edit, pair, { arn: getAtt(queueId, 'Arn'), type: 'sqs' });
  const trigger = addEvent(ctx, target, 'events', { sqs: { arn: getAtt(queueId, 'Arn'), batchSize: 1 } }, false);
  return destination && trigger ? [...destination, ...trigger] : undefined;
}

function samEdits(ctx: FixContext, to: PipelineNode, queueId: string): TextEdit[] | undefined {
  const chainAt = ancestorsAt(ctx.edit.doc, ctx.finding.span.start);
  const onSuccess = [...chainAt].reverse().map((n) => (isMap(n) ? n : undefined)).find((m) => m && ownPair(m, 'Destination') && ownPair(m, 'Type'));
  const target = resourceMap(ctx, to.id);
  const props = target ? mapAtPath(target, ['Properties']) : undefined;
  if (!onSuccess || plainCopy(ownPair(onSuccess, 'Type')?.value) !== 'Lambda' || !props || (props.flow && !ctx.edit.json)) return undefined;
  const [eventName] = freshIds(ctx, ['FromQueue']);
  const type = replaceScalar(ctx.edit, ownPair(onSuccess, 'Type')!.value, 'SQS');
  const destination = replaceScalar(ctx.edit, ownPair(onSuccess, 'Destination')!.value, getAtt(queueId, 'Arn'));
  const trigger = addEvent(ctx, props, 'Events', { [eventName]: { Type: 'SQS', Properties: { Queue: getAtt(queueId, 'Arn'), BatchSize: 1 } } }, true);
  return type && destination && trigger ? [...type, ...destination, ...trigger] : undefined;
}

function build(ctx: FixContext): TextEdit[] | undefined {
  const link = chain(ctx);
  if (!link) return undefined;
  const [queueId, dlqId] = freshIds(ctx, [`${idPrefix(link.to.id)}InputQueue`, `${idPrefix(link.to.id)}InputDLQ`]);
  const wiring =
    ctx.analysis.format === 'serverless' ? serverlessEdits(ctx, link.to, queueId)
    : ctx.analysis.format === 'sam' ? samEdits(ctx, link.to, queueId)
    : undefined;
  const timeout = advisedVisibilityTimeout(link.to.fn?.timeoutS ?? 3, ctx.analysis.settings.visibilityTimeoutMultiplier);
  const queues = wiring && insertResources(ctx.edit, ctx.serverless, { [queueId]: bufferQueue(dlqId, timeout), [dlqId]: deadLetterQueue(false) });
  return wiring && queues ? [...wiring, ...queues] : undefined;
}

export const insertChainQueue: FixDefinition = {
  id: 'insert-chain-queue',
  rules: ['chained-without-buffer'],
  preferred: true,
  title: (ctx) => (build(ctx) ? `Insert an SQS queue (with DLQ) between ${chain(ctx)?.from.label} and ${chain(ctx)?.to.label}` : undefined),
  edits: build,
};
