// Buffer queue for a Serverless Framework `s3` event: the event becomes an `sqs` event on a new standard queue
// (with DLQ and a policy letting s3.amazonaws.com send to it), and the bucket notifies the queue. The bucket keeps
// the logical id the framework gave it (`S3Bucket<Name>`), declared under resources.Resources, so CloudFormation
// updates it in place instead of replacing it. When that id depends on the stage (a variable in the bucket name),
// no fixed id is right on every stage: the fix is declined, with the reason (see ../frameworkIds.ts).
import { isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../../findings';
import { commentsIn, getAtt, insertAtPath, insertPairs, insertResources, mapAtPath, ownPair, plainCopy, rangeOf, replaceItem, scalar, seqItemAt, Verbatim, type YamlMapping } from '../../edit';
import { findingEdge, findingNode, resourceMap, sourceText, type FixContext } from '../context';
import { perStageIdReason } from '../frameworkIds';
import { bufferQueue, deadLetterQueue, sendPolicy, sourceArnCondition } from '../queues';
import { bufferIds, queueConfigurations, visibilityFor } from './shared';

interface Filter {
  filter: YamlMapping;
  /** Offsets of the rules' inline comments, which now stand beside the rules in the bucket's filter. */
  carried: Set<number>;
}

/** serverless `rules: [{ prefix: a }, { suffix: b }]` -> S3 `Filter.S3Key.Rules`, each rule keeping its inline comment. */
function filterFromRules(ctx: FixContext, rulesNode: unknown): Filter | undefined | null {
  if (rulesNode === undefined) return undefined;
  const rules = plainCopy(rulesNode);
  if (!Array.isArray(rules) || !isSeq(rulesNode)) return null;
  const out: YamlMapping[] = [];
  const carried = new Set<number>();
  for (const [index, rule] of rules.entries()) {
    const entries = rule && typeof rule === 'object' ? Object.entries(rule as Record<string, unknown>) : [];
    if (entries.length !== 1 || !['prefix', 'suffix'].includes(entries[0][0]) || typeof entries[0][1] !== 'string') return null;
    const value = scalar(entries[0][1], ctx.edit.style);
    const comment = inlineComment(ctx, rulesNode.items[index]);
    if (comment) carried.add(comment.offset);
    out.push({ Name: entries[0][0], Value: comment ? new Verbatim(`${value}   ${comment.text}`) : value });
  }
  return { filter: { S3Key: { Rules: out } }, carried };
}

/** The comment at the end of a rule's last line (`- suffix: .pdf   # only PDFs`), not a whole-line comment. */
function inlineComment(ctx: FixContext, item: unknown): { offset: number; text: string } | undefined {
  const range = rangeOf(item);
  if (!range) return undefined;
  const { text } = ctx.edit;
  return commentsIn(item, range[0], range[1]).find((c) => {
    const lineStart = text.lastIndexOf('\n', c.offset - 1) + 1;
    return text.slice(lineStart, c.offset).trim() !== '' && !text.slice(c.offset, range[1]).trimEnd().includes('\n');
  });
}

type Plan = { edits: TextEdit[] } | { declined: string } | undefined;

function plan(ctx: FixContext): Plan {
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
  const perStage = perStageIdReason(ctx, 'bucket', bucketName, bucketId);
  if (perStage) return { declined: perStage };

  const eventValue = settings ? plainCopy(ownPair(settings, 'event')?.value ?? null) : null;
  const event = typeof eventValue === 'string' ? eventValue : 's3:ObjectCreated:*';
  const rules = settings ? filterFromRules(ctx, ownPair(settings, 'rules')?.value) : undefined;
  if (rules === null) return undefined;

  const [queueId, dlqId, policyId] = bufferIds(ctx, fn.id);
  const notification = { QueueConfigurations: queueConfigurations([event], queueId, rules?.filter) };
  const edits: TextEdit[] = [];
  const replaced = replaceItem(ctx.edit, located.seq as unknown as YAMLSeq, located.index, { sqs: { arn: getAtt(queueId, 'Arn'), batchSize: 1 } }, rules?.carried);
  if (!replaced) return undefined;
  edits.push(...replaced);

  const resources: YamlMapping = {};
  const existing = resourceMap(ctx, bucketId);
  if (existing) {
    if (existing.flow || ownPair(existing, 'DependsOn') || ownPair(mapAtPath(existing, ['Properties']), 'NotificationConfiguration')) return undefined;
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
  return { edits: [...edits, ...added] };
}

export function serverlessS3Buffer(ctx: FixContext): TextEdit[] | undefined {
  const result = plan(ctx);
  return result && 'edits' in result ? result.edits : undefined;
}

/** Why the buffer queue is not offered for this `s3` event when the reason is data safety, else undefined. */
export function serverlessS3Declined(ctx: FixContext): string | undefined {
  const result = plan(ctx);
  return result && 'declined' in result ? result.declined : undefined;
}
