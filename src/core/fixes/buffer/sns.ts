// Buffer queue for an SNS event (serverless `sns`, SAM `Type: SNS`): the topic delivers to a new standard queue
// through an AWS::SNS::Subscription (with the event's filter policy), a queue policy lets sns.amazonaws.com send
// for that topic only, and the function is triggered by the queue. A topic the framework created from a name keeps
// its logical id (`SNSTopic<Name>`), declared under resources.Resources, so it is not replaced.
import { isMap, isScalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../../findings';
import { intrinsicOf } from '../../parse/intrinsics';
import { getAtt, insertResources, ownPair, plainCopy, ref, replaceBlockMap, replaceItem, seqItemAt, type YamlMapping, type YamlValue } from '../../edit';
import { findingEdge, findingNode, resourceMap, type FixContext } from '../context';
import { bufferQueue, deadLetterQueue, sendPolicy, sourceArnCondition } from '../queues';
import { bufferIds, visibilityFor } from './shared';
import { perStageIdReason } from '../frameworkIds';
import { samEventAt } from './samS3';

interface SnsSource {
  topicArn: YamlValue;
  filterPolicy?: YamlMapping;
  /** Resources to declare so a framework-created topic keeps its logical id. */
  keep: YamlMapping;
  replace: (queueId: string) => TextEdit[] | undefined;
}

function refId(ctx: FixContext, node: unknown): string | undefined {
  const intrinsic = intrinsicOf(node, ctx.edit.doc);
  return intrinsic?.fn === 'Ref' && isScalar(intrinsic.arg) && typeof intrinsic.arg.value === 'string' ? intrinsic.arg.value : undefined;
}

function plainArn(node: unknown): string | undefined {
  const value = plainCopy(node);
  return typeof value === 'string' && value.startsWith('arn:') ? value : undefined;
}

function serverlessSource(ctx: FixContext, topicId: string): SnsSource | { declined: string } | undefined {
  const edge = findingEdge(ctx);
  const located = edge?.trigger ? seqItemAt(ctx.edit.doc, edge.trigger.eventSpan.start) : undefined;
  const item = located?.item;
  if (!located || !isMap(item) || item.flow) return undefined;
  const value = ownPair(item, 'sns')?.value;
  const settings = isMap(value) ? (value as YAMLMap) : undefined;
  if (settings && (settings.flow || ownPair(settings, 'redrivePolicy'))) return undefined;
  const filter = settings ? ownPair(settings, 'filterPolicy')?.value : undefined;
  const filterPolicy = filter === undefined ? undefined : plainCopy(filter);
  if (filter !== undefined && (!filterPolicy || typeof filterPolicy !== 'object' || Array.isArray(filterPolicy))) return undefined;
  const arnNode = settings ? ownPair(settings, 'arn')?.value : plainArn(value) ? value : undefined;
  const nameNode = settings ? ownPair(settings, 'topicName')?.value : arnNode ? undefined : value;
  let topicArn: YamlValue | undefined;
  const keep: YamlMapping = {};
  if (arnNode !== undefined) {
    const id = refId(ctx, arnNode);
    topicArn = id ? ref(id) : plainArn(arnNode);
  } else if (typeof plainCopy(nameNode) === 'string' && /^SNSTopic[A-Za-z0-9]+$/.test(topicId)) {
    if (resourceMap(ctx, topicId)) return undefined; // already customised by the author: leave it to them
    const perStage = perStageIdReason(ctx, 'topic', plainCopy(nameNode) as string, topicId);
    if (perStage) return { declined: perStage };
    keep[topicId] = { Type: 'AWS::SNS::Topic', Properties: { TopicName: plainCopy(nameNode) as string } };
    topicArn = ref(topicId);
  }
  if (topicArn === undefined) return undefined;
  return {
    topicArn,
    filterPolicy: filterPolicy as YamlMapping | undefined,
    keep,
    replace: (queueId) => replaceItem(ctx.edit, located.seq as unknown as YAMLSeq, located.index, { sqs: { arn: getAtt(queueId, 'Arn'), batchSize: 1 } }),
  };
}

function samSource(ctx: FixContext): SnsSource | undefined {
  const edge = findingEdge(ctx);
  const event = edge?.trigger ? samEventAt(ctx, edge.trigger.eventSpan.start) : undefined;
  const props = event ? ownPair(event, 'Properties')?.value : undefined;
  if (!event || !isMap(props) || plainCopy(ownPair(event, 'Type')?.value) !== 'SNS' || ownPair(props, 'SqsSubscription') || ownPair(props, 'RedrivePolicy')) return undefined;
  const topic = ownPair(props, 'Topic')?.value;
  const id = refId(ctx, topic);
  const topicArn = id ? ref(id) : plainArn(topic);
  const filter = ownPair(props, 'FilterPolicy')?.value;
  const filterPolicy = filter === undefined ? undefined : plainCopy(filter);
  if (!topicArn || (filter !== undefined && (!filterPolicy || typeof filterPolicy !== 'object'))) return undefined;
  return {
    topicArn,
    filterPolicy: filterPolicy as YamlMapping | undefined,
    keep: {},
    replace: (queueId) => replaceBlockMap(ctx.edit, event, { Type: 'SQS', Properties: { Queue: getAtt(queueId, 'Arn'), BatchSize: 1 } }),
  };
}

function snsSource(ctx: FixContext): SnsSource | { declined: string } | undefined {
  const edge = findingEdge(ctx);
  if (!findingNode(ctx)?.fn || !edge?.trigger || edge.trigger.source !== 'sns') return undefined;
  return ctx.serverless ? serverlessSource(ctx, edge.from) : ctx.analysis.format === 'sam' ? samSource(ctx) : undefined;
}

/** Why the buffer queue is not offered for this `sns` event when the reason is data safety, else undefined. */
export function snsDeclined(ctx: FixContext): string | undefined {
  const source = snsSource(ctx);
  return source && 'declined' in source ? source.declined : undefined;
}

export function snsBuffer(ctx: FixContext): TextEdit[] | undefined {
  const fn = findingNode(ctx);
  const edge = findingEdge(ctx);
  const source = snsSource(ctx);
  if (!fn || !edge || !source || 'declined' in source) return undefined;
  const [queueId, dlqId, policyId] = bufferIds(ctx, fn.id);
  const subscription: YamlMapping = { TopicArn: source.topicArn, Protocol: 'sqs', Endpoint: getAtt(queueId, 'Arn') };
  if (source.filterPolicy) subscription.FilterPolicy = source.filterPolicy;
  const replaced = source.replace(queueId);
  const added = insertResources(ctx.edit, ctx.serverless, {
    ...source.keep,
    [queueId]: bufferQueue(dlqId, visibilityFor(ctx, fn, edge)),
    [dlqId]: deadLetterQueue(false),
    [policyId]: sendPolicy(queueId, 'sns.amazonaws.com', sourceArnCondition(source.topicArn)),
    [`${queueId}Subscription`]: { Type: 'AWS::SNS::Subscription', Properties: subscription },
  });
  return replaced && added ? [...replaced, ...added] : undefined;
}
