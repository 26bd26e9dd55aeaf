// Buffer queue for a Serverless Framework `s3` event: the event becomes an `sqs` event on a new standard queue
// (with DLQ and a policy letting s3.amazonaws.com send to it), and the bucket notifies the queue. The bucket keeps
// the logical id the framework gave it (`S3Bucket<Name>`), declared under resources.Resources, so CloudFormation
// updates it in place instead of replacing it.
import { isMap, isScalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../../findings';
import { getAtt, insertAtPath, insertPairs, insertResources, mapAtPath, ownPair, plainCopy, replaceItem, seqItemAt, Verbatim, type YamlMapping } from '../../edit';
import { findingEdge, findingNode, resourceMap, sourceText, type FixContext } from '../context';
import { bufferQueue, deadLetterQueue, sendPolicy, sourceArnCondition } from '../queues';
import { bufferIds, queueConfigurations, visibilityFor } from './shared';

/** serverless `rules: [{ prefix: a }, { suffix: b }]` -> S3 `Filter.S3Key.Rules`. */
function filterFromRules(rules: unknown): YamlMapping | undefined | null {
  if (rules === undefined) return undefined;
  if (!Array.isArray(rules)) return null;
  const out: YamlMapping[] = [];
  for (const rule of rules) {
    const entries = rule && typeof rule === 'object' ? Object.entries(rule as Record<string, unknown>) : [];
    if (entries.length !== 1 || !['prefix', 'suffix'].includes(entries[0][0]) || typeof entries[0][1] !== 'string') return null;
    out.push({ Name: entries[0][0], Value: entries[0][1] });
  }
  return { S3Key: { Rules: out } };
}

export function serverlessS3Buffer(ctx: FixContext): TextEdit[] | undefined {
  const fn = findingNode(ctx);
  const edge = findingEdge(ctx);
  if (!fn?.fn || !edge?.trigger || edge.trigger.source !== 's3') return undefined;
  const located = seqItemAt(ctx.edit.doc, edge.trigger.eventSpan.start);
  const item = located?.item;
  if (!located || !isMap(item) || item.flow) return undefined;
  const value = ownPair(item, 's3')?.value;
  const settings = isMap(value) ? (value as YAMLMap) : undefined;
  const bucketNode = settings ? ownPair(settings, 'bucket')?.value : value;
  if (!isScalar(bucketNode) || bucketNode.tag || typeof bucketNode.value !== 'string') return undefined;
  if (settings && plainCopy(ownPair(settings, 'existing')?.value ?? null) === true) return undefined; // bucket not in this stack
  const bucketName = bucketNode.value;
  // provider.s3.<name> renames and configures the bucket: too many ways to get it wrong, so no fix.
  if (mapAtPath(ctx.edit.doc.contents, ['provider', 's3']) && ownPair(mapAtPath(ctx.edit.doc.contents, ['provider', 's3']), bucketName)) return undefined;
  const bucketId = edge.from;
  if (!/^[A-Za-z0-9]+$/.test(bucketId)) return undefined;

  const eventValue = settings ? plainCopy(ownPair(settings, 'event')?.value ?? null) : null;
  const event = typeof eventValue === 'string' ? eventValue : 's3:ObjectCreated:*';
  const filter = settings ? filterFromRules(plainCopy(ownPair(settings, 'rules')?.value ?? null) ?? undefined) : undefined;
  if (filter === null) return undefined;

  const [queueId, dlqId, policyId] = bufferIds(ctx, fn.id);
  const notification = { QueueConfigurations: queueConfigurations([event], queueId, filter) };
  const edits: TextEdit[] = [];
  const replaced = replaceItem(ctx.edit, located.seq as unknown as YAMLSeq, located.index, { sqs: { arn: getAtt(queueId, 'Arn'), batchSize: 1 } });
  if (!replaced) return undefined;
  edits.push(...replaced);

  const resources: YamlMapping = {};
  const existing = resourceMap(ctx, bucketId);
  if (existing) {
    if (ownPair(existing, 'DependsOn') || ownPair(mapAtPath(existing, ['Properties']), 'NotificationConfiguration')) return undefined;
    const props = insertAtPath(ctx.edit, existing, ['Properties'], { NotificationConfiguration: notification });
    const depends = insertPairs(ctx.edit, existing, { DependsOn: policyId });
    if (!props || !depends) return undefined;
    edits.push(...props, ...depends);
  } else {
    resources[bucketId] = {
      Type: 'AWS::S3::Bucket',
      DependsOn: policyId,
      Properties: { BucketName: new Verbatim(sourceText(ctx, bucketNode) ?? bucketName), NotificationConfiguration: notification },
    };
  }
  resources[queueId] = bufferQueue(dlqId, visibilityFor(ctx, fn, edge));
  resources[dlqId] = deadLetterQueue(false);
  resources[policyId] = sendPolicy(queueId, 's3.amazonaws.com', sourceArnCondition(`arn:aws:s3:::${bucketName}`));
  const added = insertResources(ctx.edit, true, resources);
  if (!added) return undefined;
  return [...edits, ...added];
}
