// How sources invoke functions: AWS::Lambda::EventSourceMapping (and SAM stream/queue events, same keys),
// AWS::Lambda::EventInvokeConfig, and AWS::Lambda::Permission as a last resort for S3/SNS/EventBridge wiring.
import type { YAMLMap } from 'yaml';
import type { InvocationMode, NodeKind, PipelineNode, Span, TriggerFacts, TriggerSource } from '../../model';
import { asMap, get, getIn, scalarText, spanOf } from '../../parse/nodes';
import { type CfnContext, boolOf, destinationOf, locatedBool, locatedNumber, nodeFor, reporter } from './context';
import { functionTarget } from './lambda';
import { parseArn, resolveAll } from './references';
import type { ResourceEntry } from './template';

const SOURCE_BY_KIND: Partial<Record<NodeKind, TriggerSource>> = {
  stream: 'kinesis',
  'table-stream': 'dynamodb',
  queue: 'sqs',
  topic: 'sns',
  bucket: 's3',
  'event-bus': 'eventbridge',
  schedule: 'schedule',
  api: 'api',
};

export const INVOCATION_BY_SOURCE: Record<TriggerSource, InvocationMode> = {
  kinesis: 'stream',
  dynamodb: 'stream',
  kafka: 'stream',
  sqs: 'poll',
  mq: 'poll',
  s3: 'async',
  sns: 'async',
  eventbridge: 'async',
  schedule: 'async',
  iot: 'async',
  'cloudwatch-logs': 'async',
  api: 'sync',
  alb: 'sync',
  other: 'sync',
};

/** Trigger facts from a mapping's keys (EventSourceMapping properties and SAM Kinesis/DynamoDB/SQS events). */
export function readMappingFacts(ctx: CfnContext, props: YAMLMap | undefined, source: TriggerSource, eventSpan: Span, nodeId?: string): TriggerFacts {
  const { doc } = ctx;
  const onFailure = getIn(props, ['DestinationConfig', 'OnFailure', 'Destination'], doc);
  const enabled = boolOf(ctx, get(props, 'Enabled', doc));
  return {
    source,
    invocation: INVOCATION_BY_SOURCE[source],
    batchSize: locatedNumber(ctx, props, 'BatchSize'),
    parallelizationFactor: locatedNumber(ctx, props, 'ParallelizationFactor'),
    maximumRetryAttempts: locatedNumber(ctx, props, 'MaximumRetryAttempts'),
    maximumRecordAgeInSeconds: locatedNumber(ctx, props, 'MaximumRecordAgeInSeconds'),
    bisectBatchOnFunctionError: locatedBool(ctx, props, 'BisectBatchOnFunctionError'),
    tumblingWindowInSeconds: locatedNumber(ctx, props, 'TumblingWindowInSeconds'),
    maximumConcurrency: locatedNumber(ctx, asMap(get(props, 'ScalingConfig', doc)), 'MaximumConcurrency'),
    maximumBatchingWindowInSeconds: locatedNumber(ctx, props, 'MaximumBatchingWindowInSeconds'),
    startingPosition: scalarText(get(props, 'StartingPosition', doc)),
    enabled: enabled === undefined ? undefined : enabled,
    onFailure: onFailure ? destinationOf(ctx, onFailure, nodeId, 'queue') : undefined,
    filtered: get(props, 'FilterCriteria', doc) !== undefined || undefined,
    eventSpan,
  };
}

/** The trigger source of a node a mapping reads from (Kafka/MQ ARNs are recognised by service). */
export function sourceOfNode(ctx: CfnContext, id: string): TriggerSource {
  const node = ctx.builder.getNode(id);
  const kind = node?.kind ?? ctx.template.resource(id)?.type;
  const byKind = kind ? SOURCE_BY_KIND[kind as NodeKind] : undefined;
  if (byKind) return byKind;
  const service = parseArn(id)?.service;
  if (service === 'kafka') return 'kafka';
  if (service === 'mq') return 'mq';
  return 'other';
}

export function readEventSourceMapping(ctx: CfnContext, entry: ResourceEntry): void {
  const { doc, builder } = ctx;
  const props = entry.properties;
  const sourceValue = get(props, 'EventSourceArn', doc);
  const fnId = functionTarget(ctx, get(props, 'FunctionName', doc));
  if (!sourceValue || !fnId) return;
  const sourceRef = resolveAll(sourceValue, ctx.template, reporter(ctx, entry.logicalId))[0];
  const from = nodeFor(ctx, sourceRef, spanOf(sourceValue), 'stream');
  if (!from) return;
  const trigger = readMappingFacts(ctx, props, sourceOfNode(ctx, from), spanOf(entry.block), fnId);
  builder.addEdge({ from, to: fnId, kind: 'trigger', span: entry.keySpan, condition: entry.condition, trigger });
}

/** EventInvokeConfig: retries, event age and destinations of asynchronous invocations, onto the function. */
export function readEventInvokeConfig(ctx: CfnContext, entry: ResourceEntry): void {
  const { doc } = ctx;
  const fnId = functionTarget(ctx, get(entry.properties, 'FunctionName', doc));
  const fn = fnId ? ctx.builder.getNode(fnId)?.fn : undefined;
  if (!fn) return;
  applyInvokeConfig(ctx, fn.async, entry.properties, fnId);
}

export function applyInvokeConfig(ctx: CfnContext, target: NonNullable<PipelineNode['fn']>['async'], props: YAMLMap | undefined, nodeId?: string): void {
  const { doc } = ctx;
  target.maximumRetryAttempts = locatedNumber(ctx, props, 'MaximumRetryAttempts') ?? target.maximumRetryAttempts;
  target.maximumEventAgeInSeconds = locatedNumber(ctx, props, 'MaximumEventAgeInSeconds') ?? target.maximumEventAgeInSeconds;
  const onFailure = getIn(props, ['DestinationConfig', 'OnFailure', 'Destination'], doc);
  const onSuccess = getIn(props, ['DestinationConfig', 'OnSuccess', 'Destination'], doc);
  if (onFailure) target.onFailure = destinationOf(ctx, onFailure, nodeId, 'queue');
  if (onSuccess) target.onSuccess = destinationOf(ctx, onSuccess, nodeId, 'queue');
}

const PRINCIPAL_SOURCE: Record<string, TriggerSource> = {
  's3.amazonaws.com': 's3',
  'sns.amazonaws.com': 'sns',
  'events.amazonaws.com': 'eventbridge',
  'iot.amazonaws.com': 'iot',
  'logs.amazonaws.com': 'cloudwatch-logs',
};

/**
 * A Permission lets a service invoke the function. When nothing else in the file wires that source to the
 * function (a bucket notification defined elsewhere, a subscription in another stack), it is the only evidence
 * of the trigger, so it becomes one.
 */
export function readPermission(ctx: CfnContext, entry: ResourceEntry, linked: LinkIndex): void {
  const { doc, builder } = ctx;
  const principal = scalarText(get(entry.properties, 'Principal', doc)) ?? '';
  const source = PRINCIPAL_SOURCE[principal.replace(/\.amazonaws\.com\.cn$/, '.amazonaws.com')];
  const sourceArn = get(entry.properties, 'SourceArn', doc);
  const fnId = functionTarget(ctx, get(entry.properties, 'FunctionName', doc));
  if (!source || !sourceArn || !fnId) return;
  const sourceRef = resolveAll(sourceArn, ctx.template, reporter(ctx, entry.logicalId))[0];
  const from = nodeFor(ctx, sourceRef, spanOf(sourceArn), source === 's3' ? 'bucket' : source === 'sns' ? 'topic' : 'external');
  if (!from) return;
  if (linked.has(`${from}->${fnId}`) || linked.has(`${source}->${fnId}`)) return;
  const trigger: TriggerFacts = { source, invocation: INVOCATION_BY_SOURCE[source], eventSpan: spanOf(entry.block) };
  builder.addEdge({ from, to: fnId, kind: 'trigger', span: entry.keySpan, condition: entry.condition, trigger });
  linked.add(`${from}->${fnId}`).add(`${source}->${fnId}`);
}

/** `from->to` of every edge and `source->function` of every trigger, built once for the evidence-only readers. */
export type LinkIndex = Set<string>;

export function linkIndex(ctx: CfnContext): LinkIndex {
  const linked: LinkIndex = new Set();
  for (const edge of ctx.builder.allEdges()) {
    linked.add(`${edge.from}->${edge.to}`);
    if (edge.trigger) linked.add(`${edge.trigger.source}->${edge.to}`);
  }
  return linked;
}
