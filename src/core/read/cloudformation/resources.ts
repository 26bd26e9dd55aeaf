// Non-function resources as nodes: queues, streams, tables (and their streams), topics, buckets, stores, buses,
// APIs, state machines; plus the links they declare themselves (queue redrive, table -> stream, Firehose).
import type { Node as YamlNode } from 'yaml';
import type { PipelineNode, Span } from '../../model';
import { asMap, get, getIn, getPair, items, keySpan, scalarText, spanOf, deref } from '../../parse/nodes';
import { readAnnotation } from '../annotations';
import { type CfnContext, KIND_BY_TYPE, boolOf, locatedNumber, nodeFor, numberOf, reporter } from './context';
import { functionTarget } from './lambda';
import { resolveAll, resolveText } from './references';
import type { ResourceEntry } from './template';
import { INVOCATION_BY_SOURCE } from './triggers';

/** Id of the DynamoDB stream node of a table (H1's serverless reader uses the same convention). */
export function tableStreamId(tableId: string): string {
  return `${tableId}Stream`;
}

export function readResourceNode(ctx: CfnContext, entry: ResourceEntry): PipelineNode | undefined {
  const kind = KIND_BY_TYPE[entry.type];
  if (!kind || kind === 'function') return undefined;
  const { doc } = ctx;
  const props = entry.properties;
  const node: PipelineNode = {
    id: entry.logicalId,
    kind,
    label: entry.logicalId,
    span: entry.keySpan,
    blockSpan: spanOf(entry.block),
    defined: true,
    resourceType: entry.type,
    condition: entry.condition,
  };
  if (kind === 'queue') {
    node.queue = { fifo: boolOf(ctx, get(props, 'FifoQueue', doc)) === true, visibilityTimeoutS: locatedNumber(ctx, props, 'VisibilityTimeout'), deadLetterFor: [] };
    if (!node.queue.visibilityTimeoutS && getPair(props, 'VisibilityTimeout', doc)) node.queue.visibilityTimeoutUnresolved = true;
  } else if (kind === 'stream') {
    const mode = scalarText(getIn(props, ['StreamModeDetails', 'StreamMode'], doc));
    node.stream = {
      shards: locatedNumber(ctx, props, 'ShardCount'),
      mode: mode === 'ON_DEMAND' ? 'on-demand' : mode === 'PROVISIONED' ? 'provisioned' : undefined,
      retentionHours: numberOf(ctx, get(props, 'RetentionPeriodHours', doc)),
    };
  } else if (kind === 'table') {
    readTable(ctx, entry, node);
  }
  const annotationPair = getPair(asMap(get(entry.block, 'Metadata', doc)), 'PipelineLens', doc);
  if (annotationPair) {
    node.annotation = readAnnotation(asMap(deref(doc, annotationPair.value)), keySpan(annotationPair), ctx.builder, doc, node.id);
  }
  const added = ctx.builder.addNode(node);
  if (added.table?.streamEnabled) addTableStream(ctx, entry);
  return added;
}

function readTable(ctx: CfnContext, entry: ResourceEntry, node: PipelineNode): void {
  const { doc } = ctx;
  const props = entry.properties;
  const billing = scalarText(get(props, 'BillingMode', doc));
  const simpleDefault = entry.type === 'AWS::Serverless::SimpleTable' && !get(props, 'ProvisionedThroughput', doc);
  const viewType = scalarText(getIn(props, ['StreamSpecification', 'StreamViewType'], doc));
  node.table = {
    billingMode: billing === 'PAY_PER_REQUEST' || simpleDefault ? 'PAY_PER_REQUEST' : 'PROVISIONED',
    streamEnabled: viewType !== undefined,
    streamViewType: viewType,
  };
}

function addTableStream(ctx: CfnContext, entry: ResourceEntry): void {
  const specPair = getPair(entry.properties, 'StreamSpecification', ctx.doc);
  const streamId = tableStreamId(entry.logicalId);
  ctx.builder.addNode({ id: streamId, kind: 'table-stream', label: `${entry.logicalId} stream`, span: entry.keySpan, blockSpan: spanOf(specPair?.value), defined: true, condition: entry.condition });
  ctx.builder.addEdge({ from: entry.logicalId, to: streamId, kind: 'notify', span: specPair ? keySpan(specPair) : entry.keySpan, condition: entry.condition });
}

/** RedrivePolicy as a mapping or a JSON string -> QueueFacts.redrive, a `dlq` edge and the DLQ's deadLetterFor. */
export function readQueueRedrive(ctx: CfnContext, entry: ResourceEntry): void {
  const { doc, builder } = ctx;
  const queue = builder.getNode(entry.logicalId)?.queue;
  const pair = getPair(entry.properties, 'RedrivePolicy', doc);
  if (!queue || !pair) return;
  const value = deref(doc, pair.value);
  const span: Span = { start: keySpan(pair).start, end: spanOf(value, keySpan(pair).end).end };
  const policy = redriveParts(ctx, value);
  const targetRef =
    typeof policy.target === 'string'
      ? resolveText(policy.target, ctx.template)
      : resolveAll(policy.target, ctx.template, reporter(ctx, entry.logicalId))[0];
  const target = nodeFor(ctx, targetRef, spanOf(value), 'queue');
  queue.redrive = { target, raw: targetRef?.id ? undefined : targetRef?.raw, maxReceiveCount: policy.maxReceiveCount, span };
  if (!target) return;
  builder.addEdge({ from: entry.logicalId, to: target, kind: 'dlq', span, condition: entry.condition });
  builder.getNode(target)?.queue?.deadLetterFor.push(entry.logicalId);
}

function redriveParts(ctx: CfnContext, value: YamlNode | undefined): { target?: YamlNode | string; maxReceiveCount?: number } {
  const map = asMap(value);
  if (map) {
    return { target: get(map, 'deadLetterTargetArn', ctx.doc), maxReceiveCount: numberOf(ctx, get(map, 'maxReceiveCount', ctx.doc)) };
  }
  const text = scalarText(value);
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
    const count = Number(parsed.maxReceiveCount);
    return {
      target: typeof parsed.deadLetterTargetArn === 'string' ? parsed.deadLetterTargetArn : undefined,
      maxReceiveCount: Number.isFinite(count) ? count : undefined,
    };
  } catch {
    return {};
  }
}


/** Table -> Kinesis stream (KinesisStreamSpecification); Firehose: source stream -> it -> bucket, processor fn. */
export function readStoreLinks(ctx: CfnContext, entry: ResourceEntry): void {
  const { doc, builder } = ctx;
  const props = entry.properties;
  const link = (value: YamlNode | undefined, from: string | undefined, to: string | undefined) => {
    if (value && from && to) builder.addEdge({ from, to, kind: 'notify', span: spanOf(value), condition: entry.condition });
  };
  const target = (value: YamlNode | undefined, fallback: 'stream' | 'bucket') =>
    value ? nodeFor(ctx, resolveAll(value, ctx.template, reporter(ctx, entry.logicalId))[0], spanOf(value), fallback) : undefined;
  if (entry.type === 'AWS::DynamoDB::Table') {
    const streamArn = getIn(props, ['KinesisStreamSpecification', 'StreamArn'], doc);
    link(streamArn, entry.logicalId, target(streamArn, 'stream'));
  }
  if (entry.type !== 'AWS::KinesisFirehose::DeliveryStream') return;
  const sourceArn = getIn(props, ['KinesisStreamSourceConfiguration', 'KinesisStreamARN'], doc);
  link(sourceArn, target(sourceArn, 'stream'), entry.logicalId);
  for (const key of ['ExtendedS3DestinationConfiguration', 'S3DestinationConfiguration']) {
    const bucketArn = getIn(props, [key, 'BucketARN'], doc);
    link(bucketArn, entry.logicalId, target(bucketArn, 'bucket'));
  }
  const processors = getIn(props, ['ExtendedS3DestinationConfiguration', 'ProcessingConfiguration', 'Processors'], doc);
  for (const processor of items(processors, doc)) {
    for (const parameter of items(get(asMap(processor), 'Parameters', doc), doc)) {
      const map = asMap(parameter);
      if (scalarText(get(map, 'ParameterName', doc)) !== 'LambdaArn') continue;
      const fnId = functionTarget(ctx, get(map, 'ParameterValue', doc));
      if (!fnId) continue;
      builder.addEdge({
        from: entry.logicalId,
        to: fnId,
        kind: 'trigger',
        span: spanOf(map),
        condition: entry.condition,
        trigger: { source: 'other', invocation: INVOCATION_BY_SOURCE.other, eventSpan: spanOf(map) },
      });
    }
  }
}
