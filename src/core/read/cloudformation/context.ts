// What every CloudFormation resource reader shares: the builder, the template index, and small helpers that turn
// a value into a Located fact or a node id (creating an `external` node of the right kind for foreign ARNs).
import type { Document, Node as YamlNode, YAMLMap } from 'yaml';
import type { DestinationRef, Located, NodeKind, Span } from '../../model';
import type { ModelBuilder } from '../builder';
import { getPair, keySpan, scalarBool, scalarNumber, spanOf, deref } from '../../parse/nodes';
import { parseArn, resolveAll, textOf, type ResolvedRef } from './references';
import type { Template } from './template';

export interface CfnContext {
  builder: ModelBuilder;
  template: Template;
  doc: Document | undefined;
}

/** Node kind of each resource type this reader draws. */
export const KIND_BY_TYPE: Readonly<Record<string, NodeKind>> = {
  'AWS::Lambda::Function': 'function',
  'AWS::Serverless::Function': 'function',
  'AWS::SQS::Queue': 'queue',
  'AWS::SNS::Topic': 'topic',
  'AWS::Kinesis::Stream': 'stream',
  'AWS::DynamoDB::Table': 'table',
  'AWS::DynamoDB::GlobalTable': 'table',
  'AWS::Serverless::SimpleTable': 'table',
  'AWS::S3::Bucket': 'bucket',
  'AWS::Events::EventBus': 'event-bus',
  'AWS::KinesisFirehose::DeliveryStream': 'store',
  'AWS::ElastiCache::CacheCluster': 'store',
  'AWS::ElastiCache::ReplicationGroup': 'store',
  'AWS::ElastiCache::ServerlessCache': 'store',
  'AWS::MemoryDB::Cluster': 'store',
  'AWS::RDS::DBInstance': 'store',
  'AWS::RDS::DBCluster': 'store',
  'AWS::DocDB::DBCluster': 'store',
  'AWS::DocDB::DBInstance': 'store',
  'AWS::OpenSearchService::Domain': 'store',
  'AWS::Elasticsearch::Domain': 'store',
  'AWS::Timestream::Table': 'store',
  'AWS::Redshift::Cluster': 'store',
  // Step Functions run a workflow; they are drawn as `external` (not a store: state there does not count as a
  // function's state store, and they are not a buffer either).
  'AWS::StepFunctions::StateMachine': 'external',
  'AWS::Serverless::StateMachine': 'external',
  'AWS::ApiGateway::RestApi': 'api',
  'AWS::ApiGatewayV2::Api': 'api',
  'AWS::Serverless::Api': 'api',
  'AWS::Serverless::HttpApi': 'api',
};

const KIND_BY_SERVICE: Readonly<Record<string, NodeKind>> = {
  sqs: 'queue',
  sns: 'topic',
  kinesis: 'stream',
  dynamodb: 'table',
  s3: 'bucket',
  lambda: 'function',
  events: 'event-bus',
  firehose: 'store',
  rds: 'store',
  elasticache: 'store',
  es: 'store',
};

/**
 * A number written plainly or through a parameter default, a mapping, the first branch of an Fn::If, or a
 * variable the caller resolves (serverless `${self:custom.shards}`).
 */
export function numberOf(ctx: CfnContext, node: unknown): number | undefined {
  const direct = scalarNumber(node);
  if (direct !== undefined) return direct;
  const text = resolvedText(ctx, node);
  const value = Number(text);
  return text !== undefined && text.trim() !== '' && Number.isFinite(value) ? value : undefined;
}

export function boolOf(ctx: CfnContext, node: unknown): boolean | undefined {
  const direct = scalarBool(node);
  if (direct !== undefined) return direct;
  const text = resolvedText(ctx, node)?.toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

function resolvedText(ctx: CfnContext, node: unknown): string | undefined {
  const text = textOf(node, ctx.template);
  const resolve = ctx.template.options.resolveString;
  return text !== undefined && resolve && text.includes('${') ? resolve(text) : text;
}

export function locatedNumber(ctx: CfnContext, map: YAMLMap | undefined, key: string): Located<number> | undefined {
  const pair = getPair(map, key, ctx.doc);
  const node = pair ? deref(ctx.doc, pair.value) : undefined;
  const value = numberOf(ctx, node);
  return value === undefined || !pair ? undefined : { value, span: spanOf(node, keySpan(pair).end) };
}

export function locatedBool(ctx: CfnContext, map: YAMLMap | undefined, key: string): Located<boolean> | undefined {
  const pair = getPair(map, key, ctx.doc);
  const node = pair ? deref(ctx.doc, pair.value) : undefined;
  const value = boolOf(ctx, node);
  return value === undefined || !pair ? undefined : { value, span: spanOf(node, keySpan(pair).end) };
}

/** Reports unresolved references as `unresolved-reference` problems about `nodeId`. */
export function reporter(ctx: CfnContext, nodeId?: string): (message: string, span: Span) => void {
  return (message, span) => ctx.builder.problem('unresolved-reference', message, span, nodeId);
}

/**
 * The node a resolved reference points at. Logical ids of this file are returned as they are; foreign ARNs and
 * names get an `external` node (kind from the ARN's service, else `fallback`) so edges always have two ends.
 */
export function nodeFor(ctx: CfnContext, ref: ResolvedRef | undefined, span: Span, fallback: NodeKind = 'external'): string | undefined {
  if (!ref) return undefined;
  if (ref.id !== undefined) {
    const resource = ctx.template.resource(ref.id);
    if (!ctx.builder.hasNode(ref.id) && (!resource || NESTED_STACK.test(resource.type))) {
      // A nested stack's output (`!GetAtt Dlq.Outputs.QueueArn`) is named after what it returns.
      const kind = ref.attribute === 'StreamArn' ? 'table-stream' : (kindFromOutputName(ref.attribute) ?? fallback);
      ctx.builder.external(ref.id, kind, span, resource ? `${ref.id} (nested stack)` : ref.id);
    }
    return ref.id;
  }
  if (ref.raw === undefined) return undefined;
  const arn = parseArn(ref.raw);
  let kind = (arn && KIND_BY_SERVICE[arn.service]) ?? fallback;
  if (arn?.tableStream) kind = 'table-stream';
  ctx.builder.external(ref.raw, kind, span, externalLabel(ref.raw, arn?.name));
  return ref.raw;
}

const NESTED_STACK = /^AWS::(CloudFormation::Stack|Serverless::Application)$/;

function kindFromOutputName(attribute: string | undefined): NodeKind | undefined {
  const match = /^Outputs\.(.*)$/.exec(attribute ?? '');
  if (!match) return undefined;
  const name = match[1].toLowerCase();
  if (name.includes('queue')) return 'queue';
  if (name.includes('topic')) return 'topic';
  if (name.includes('bucket')) return 'bucket';
  if (name.includes('table')) return 'table';
  if (name.includes('stream')) return 'stream';
  return undefined;
}

/** Short label of a foreign reference: the ARN's resource name, or the name of an SSM dynamic reference. */
function externalLabel(raw: string, arnName: string | undefined): string {
  if (arnName && !arnName.includes('$')) return arnName;
  const ssm = /^\{\{resolve:ssm(?:-secure)?:([^:}]+)/.exec(raw);
  return ssm ? `ssm:${ssm[1]}` : raw;
}

/** Resolves a value to one node id (the first branch of an If), reporting missing references. */
export function resolveNode(ctx: CfnContext, value: unknown, nodeId?: string, fallback: NodeKind = 'external'): { id?: string; ref?: ResolvedRef } {
  const ref = resolveAll(value, ctx.template, reporter(ctx, nodeId))[0];
  return { id: nodeFor(ctx, ref, spanOf(deref(ctx.doc, value)), fallback), ref };
}

/** A destination (on-failure, on-success, DLQ) from its value node. */
export function destinationOf(ctx: CfnContext, value: YamlNode | undefined, nodeId?: string, fallback: NodeKind = 'external'): DestinationRef | undefined {
  if (value === undefined) return undefined;
  const { id, ref } = resolveNode(ctx, value, nodeId, fallback);
  if (!ref) return undefined;
  return { target: id, raw: ref.id ? undefined : ref.raw, span: spanOf(value) };
}
