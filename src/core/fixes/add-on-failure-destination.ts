// add-on-failure-destination: failures go to a new SQS queue instead of being lost or blocking a shard.
// - stream-retry-unbounded: on the stream mapping, bounded retries + bisect + on-failure SQS destination.
// - async-without-buffer: on the function, an on-failure destination (serverless `destinations.onFailure`, SAM
//   `EventInvokeConfig`). Preferred only where no buffer queue can be inserted.
// Serverless and SAM add the IAM permission for an SQS destination themselves; plain CloudFormation would need a
// role edit we cannot check, so it is not offered there.
import { isMap, isScalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { getAtt, insertAtPath, insertPairs, insertResources, mapAtPath, ownPair, replaceItem, replaceScalar, seqItemAt, Verbatim, type YamlMapping, type YamlValue } from '../edit';
import type { TextEdit } from '../findings';
import { findingEdge, findingNode, freshIds, idPrefix, resourceMap, sourceText, type FixContext, type FixDefinition } from './context';
import { deadLetterQueue } from './queues';
import { samEventAt } from './buffer/samS3';
import { insertBufferQueue } from './insert-buffer-queue';

/** Retries of a failing stream batch before it goes to the destination (bisecting halves it each time). */
export const STREAM_RETRY_ATTEMPTS = 5;

/** Sets each key in a mapping: literal scalars replaced, missing keys appended (one insertion, in order). */
function setKeys(ctx: FixContext, map: YAMLMap, entries: YamlMapping): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const missing: YamlMapping = {};
  for (const [key, value] of Object.entries(entries)) {
    const current = ownPair(map, key)?.value;
    if (current === undefined) missing[key] = value;
    else if (isScalar(current) && !current.tag && typeof value !== 'object') {
      const replaced = replaceScalar(ctx.edit, current, value);
      if (!replaced) return undefined;
      edits.push(...replaced);
    } else return undefined;
  }
  if (Object.keys(missing).length > 0) {
    const inserted = insertPairs(ctx.edit, map, missing);
    if (!inserted) return undefined;
    edits.push(...inserted);
  }
  return edits;
}

function serverlessStream(ctx: FixContext, dlqId: string): TextEdit[] | undefined {
  const edge = findingEdge(ctx);
  const located = edge?.trigger ? seqItemAt(ctx.edit.doc, edge.trigger.eventSpan.start) : undefined;
  const item = located?.item;
  if (!located || !isMap(item) || item.flow) return undefined;
  const value = ownPair(item, 'stream')?.value;
  const settings: YamlMapping = {
    maximumRetryAttempts: STREAM_RETRY_ATTEMPTS,
    bisectBatchOnFunctionError: true,
    destinations: { onFailure: { arn: getAtt(dlqId, 'Arn'), type: 'sqs' } },
  };
  if (isMap(value)) {
    if (value.flow || ownPair(value, 'destinations')) return undefined;
    return setKeys(ctx, value, settings);
  }
  // `- stream: arn:...` becomes the mapping form with the same ARN text.
  if (!isScalar(value)) return undefined;
  const arn = new Verbatim(sourceText(ctx, value) ?? '');
  return replaceItem(ctx.edit, located.seq as unknown as YAMLSeq, located.index, { stream: { arn, ...settings } });
}

function samStream(ctx: FixContext, dlqId: string): TextEdit[] | undefined {
  const edge = findingEdge(ctx);
  const event = edge?.trigger ? samEventAt(ctx, edge.trigger.eventSpan.start) : undefined;
  const props = event ? ownPair(event, 'Properties')?.value : undefined;
  if (!isMap(props) || (props.flow && !ctx.edit.json) || ownPair(props, 'DestinationConfig')) return undefined;
  return setKeys(ctx, props, {
    MaximumRetryAttempts: STREAM_RETRY_ATTEMPTS,
    BisectBatchOnFunctionError: true,
    DestinationConfig: { OnFailure: { Type: 'SQS', Destination: getAtt(dlqId, 'Arn') } },
  });
}

function serverlessAsync(ctx: FixContext, fnId: string, dlqId: string): TextEdit[] | undefined {
  const fn = mapAtPath(ctx.edit.doc.contents, ['functions', fnId]);
  if (!fn || fn.flow) return undefined;
  const onFailure: YamlValue = { arn: getAtt(dlqId, 'Arn'), type: 'sqs' };
  const destinations = ownPair(fn, 'destinations')?.value;
  if (destinations === undefined) return insertPairs(ctx.edit, fn, { destinations: { onFailure } });
  if (!isMap(destinations) || ownPair(destinations, 'onFailure')) return undefined;
  return insertPairs(ctx.edit, destinations, { onFailure });
}

function samAsync(ctx: FixContext, fnId: string, dlqId: string): TextEdit[] | undefined {
  const resource = resourceMap(ctx, fnId);
  if (!resource || !/^AWS::Serverless::Function$/.test(String((ownPair(resource, 'Type')?.value as { value?: unknown })?.value))) return undefined;
  if (ownPair(mapAtPath(resource, ['Properties']), 'EventInvokeConfig')) return undefined;
  return insertAtPath(ctx.edit, resource, ['Properties'], {
    EventInvokeConfig: { DestinationConfig: { OnFailure: { Type: 'SQS', Destination: getAtt(dlqId, 'Arn') } } },
  });
}

function build(ctx: FixContext): TextEdit[] | undefined {
  const fn = findingNode(ctx);
  if (!fn?.fn || (ctx.analysis.format !== 'serverless' && ctx.analysis.format !== 'sam')) return undefined;
  const stream = ctx.finding.rule === 'stream-retry-unbounded';
  const [dlqId] = freshIds(ctx, [`${idPrefix(fn.id)}${stream ? 'StreamFailures' : 'FailedEvents'}`]);
  const sam = ctx.analysis.format === 'sam';
  const wiring = stream
    ? sam ? samStream(ctx, dlqId) : serverlessStream(ctx, dlqId)
    : sam ? samAsync(ctx, fn.id, dlqId) : serverlessAsync(ctx, fn.id, dlqId);
  const queue = wiring && insertResources(ctx.edit, ctx.serverless, { [dlqId]: deadLetterQueue(false) });
  return wiring && queue ? [...wiring, ...queue] : undefined;
}

export const addOnFailureDestination: FixDefinition = {
  id: 'add-on-failure-destination',
  rules: ['stream-retry-unbounded', 'async-without-buffer'],
  preferred: true,
  isPreferred: (ctx) => ctx.finding.rule === 'stream-retry-unbounded' || !insertBufferQueue.title(ctx),
  title(ctx) {
    if (!build(ctx)) return undefined;
    return ctx.finding.rule === 'stream-retry-unbounded'
      ? `Bound retries to ${STREAM_RETRY_ATTEMPTS}, bisect failing batches and send failures to a new SQS queue`
      : `Send events that still fail after the retries to a new SQS queue (on-failure destination)`;
  },
  edits: build,
};
