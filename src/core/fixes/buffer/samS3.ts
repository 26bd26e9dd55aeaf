// Buffer queue for a SAM `Type: S3` event: the event becomes `Type: SQS` on a new standard queue (with DLQ and a
// policy letting s3.amazonaws.com send to it, conditioned on the bucket's ARN), and the bucket resource, which
// SAM requires in the same template, gets a QueueConfiguration. The bucket's logical id never changes.
import { isMap, isPair, isScalar, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../../findings';
import { intrinsicOf } from '../../parse/intrinsics';
import {
  ancestorsAt,
  getAtt,
  insertAtPath,
  insertItems,
  insertPairs,
  insertResources,
  ownPair,
  plainCopy,
  ref,
  replaceBlockMap,
  replaceScalar,
  sub,
  type YamlMapping,
  type YamlValue,
} from '../../edit';
import { findingEdge, findingNode, resourceMap, type FixContext } from '../context';
import { bufferQueue, deadLetterQueue, sendPolicy, sourceArnCondition } from '../queues';
import { bufferIds, queueConfigurations, visibilityFor } from './shared';

/** The SAM event entry (`Type: ...`, `Properties: ...`) holding `offset`. */
export function samEventAt(ctx: Pick<FixContext, 'edit'>, offset: number): YAMLMap | undefined {
  const chain = ancestorsAt(ctx.edit.doc, offset);
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i];
    const map = isPair(node) ? node.value : node;
    if (isMap(map) && ownPair(map, 'Type') && ownPair(map, 'Properties')) return map;
  }
  return undefined;
}

/** `!Ref X` / `{ Ref: X }` -> X. */
function refTarget(ctx: FixContext, node: unknown): string | undefined {
  const intrinsic = intrinsicOf(node, ctx.edit.doc);
  if (intrinsic?.fn !== 'Ref' || !isScalar(intrinsic.arg)) return undefined;
  return typeof intrinsic.arg.value === 'string' ? intrinsic.arg.value : undefined;
}

/** The bucket's ARN for the policy condition, from its BucketName; undefined when it has none we can write. */
function bucketArn(ctx: FixContext, bucket: YAMLMap): YamlValue | undefined {
  const name = ownPair(ownPair(bucket, 'Properties')?.value as YAMLMap | undefined, 'BucketName')?.value;
  if (name === undefined) return undefined;
  const prefix = 'arn:${AWS::Partition}:s3:::';
  const refName = refTarget(ctx, name);
  if (refName) return sub(`${prefix}\${${refName}}`);
  const intrinsic = intrinsicOf(name, ctx.edit.doc);
  if (intrinsic?.fn === 'Fn::Sub' && isScalar(intrinsic.arg) && typeof intrinsic.arg.value === 'string') return sub(prefix + intrinsic.arg.value);
  if (isScalar(name) && !name.tag && typeof name.value === 'string' && !name.value.includes('${')) return sub(prefix + name.value);
  return undefined;
}

function eventNames(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

/** Adds the queue configurations to the bucket's NotificationConfiguration, wherever it stands. */
function notifyQueue(ctx: FixContext, bucket: YAMLMap, configs: YamlMapping[]): TextEdit[] | undefined {
  const props = ownPair(bucket, 'Properties')?.value;
  const notification = isMap(props) ? ownPair(props, 'NotificationConfiguration')?.value : undefined;
  if (!notification) return insertAtPath(ctx.edit, bucket, ['Properties', 'NotificationConfiguration'], { QueueConfigurations: configs });
  if (!isMap(notification)) return undefined;
  const queues = ownPair(notification, 'QueueConfigurations')?.value;
  if (!queues) return insertPairs(ctx.edit, notification, { QueueConfigurations: configs });
  return isSeq(queues) ? insertItems(ctx.edit, queues as YAMLSeq, configs) : undefined;
}

/** The bucket waits for the queue policy: S3 checks it may send to the queue when the notification is set. */
function dependOn(ctx: FixContext, bucket: YAMLMap, policyId: string): TextEdit[] | undefined {
  const depends = ownPair(bucket, 'DependsOn')?.value;
  if (depends === undefined) return insertPairs(ctx.edit, bucket, { DependsOn: policyId });
  if (isScalar(depends) && typeof depends.value === 'string' && !depends.tag) return replaceScalar(ctx.edit, depends, [depends.value, policyId]);
  return isSeq(depends) ? insertItems(ctx.edit, depends as YAMLSeq, [policyId]) : undefined;
}

export function samS3Buffer(ctx: FixContext): TextEdit[] | undefined {
  const fn = findingNode(ctx);
  const edge = findingEdge(ctx);
  if (!fn?.fn || !edge?.trigger || edge.trigger.source !== 's3') return undefined;
  const event = samEventAt(ctx, edge.trigger.eventSpan.start);
  const props = event ? ownPair(event, 'Properties')?.value : undefined;
  if (!event || !isMap(props) || plainCopy(ownPair(event, 'Type')?.value) !== 'S3') return undefined;
  const bucketId = refTarget(ctx, ownPair(props, 'Bucket')?.value);
  const bucket = bucketId ? resourceMap(ctx, bucketId) : undefined;
  const events = eventNames(plainCopy(ownPair(props, 'Events')?.value));
  const filterNode = ownPair(props, 'Filter')?.value;
  const filter = filterNode === undefined ? undefined : plainCopy(filterNode);
  if (!bucketId || !bucket || !events || (filterNode !== undefined && (!filter || typeof filter !== 'object'))) return undefined;

  const [queueId, dlqId, policyId] = bufferIds(ctx, fn.id);
  const arn = bucketArn(ctx, bucket);
  const condition = arn ? sourceArnCondition(arn) : { StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') } };
  const parts = [
    replaceBlockMap(ctx.edit, event, { Type: 'SQS', Properties: { Queue: getAtt(queueId, 'Arn'), BatchSize: 1 } }),
    notifyQueue(ctx, bucket, queueConfigurations(events, queueId, filter as YamlMapping | undefined)),
    dependOn(ctx, bucket, policyId),
    insertResources(ctx.edit, false, {
      [queueId]: bufferQueue(dlqId, visibilityFor(ctx, fn, edge)),
      [dlqId]: deadLetterQueue(false),
      [policyId]: sendPolicy(queueId, 's3.amazonaws.com', condition),
    }),
  ];
  if (parts.some((p) => p === undefined)) return undefined;
  return parts.flat() as TextEdit[];
}
