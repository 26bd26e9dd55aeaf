// AWS::Serverless::Function: the CloudFormation function facts plus SAM's own keys (Globals, Policies,
// DeadLetterQueue, EventInvokeConfig).
import type { YAMLMap } from 'yaml';
import type { DestinationRef, NodeKind, PipelineNode, Span } from '../../model';
import { asMap, get, getIn, scalarText, spanOf } from '../../parse/nodes';
import { type CfnContext, destinationOf } from '../cloudformation/context';
import { readFunction } from '../cloudformation/lambda';
import type { ResourceEntry } from '../cloudformation/template';
import { applyInvokeConfig } from '../cloudformation/triggers';
import { readSamPolicies } from './policies';

const KIND_OF_DESTINATION_TYPE: Record<string, NodeKind> = { SQS: 'queue', SNS: 'topic', Lambda: 'function', EventBridge: 'event-bus', S3: 'bucket' };

export function readSamFunction(ctx: CfnContext, entry: ResourceEntry, globals: YAMLMap | undefined): PipelineNode {
  const { doc } = ctx;
  const node = readFunction(ctx, entry, globals);
  const fn = node.fn!;
  const prop = (key: string) => get(entry.properties, key, doc) ?? get(globals, key, doc);
  if (!get(entry.properties, 'Role', doc)) fn.iamStatements.push(...readSamPolicies(ctx, get(entry.properties, 'Policies', doc), node.id));
  const dlq = asMap(prop('DeadLetterQueue'));
  const dlqTarget = get(dlq, 'TargetArn', doc);
  if (dlqTarget) fn.async.deadLetter = destinationOf(ctx, dlqTarget, node.id, kindOf(dlq));
  const invokeConfig = asMap(prop('EventInvokeConfig'));
  if (invokeConfig) {
    applyInvokeConfig(ctx, fn.async, invokeConfig, node.id);
    fn.async.onFailure ??= autoCreated(ctx, node.id, asMap(getIn(invokeConfig, ['DestinationConfig', 'OnFailure'], doc)), 'OnFailure');
    fn.async.onSuccess ??= autoCreated(ctx, node.id, asMap(getIn(invokeConfig, ['DestinationConfig', 'OnSuccess'], doc)), 'OnSuccess');
  }
  return node;
}

function kindOf(config: YAMLMap | undefined): NodeKind {
  return KIND_OF_DESTINATION_TYPE[scalarText(get(config, 'Type', undefined)) ?? ''] ?? 'external';
}

/** SAM creates the SQS queue / SNS topic of a destination that has a Type but no Destination. */
function autoCreated(ctx: CfnContext, fnId: string, config: YAMLMap | undefined, which: string): DestinationRef | undefined {
  const type = scalarText(get(config, 'Type', ctx.doc));
  if (!config || (type !== 'SQS' && type !== 'SNS')) return undefined;
  const suffix = type === 'SQS' ? 'Queue' : 'Topic';
  const id = `${fnId}EventInvokeConfig${which}${suffix}`;
  const span: Span = spanOf(config);
  ctx.builder.addNode({ id, kind: KIND_OF_DESTINATION_TYPE[type], label: `${which} ${type.toLowerCase()} (created by SAM)`, span, defined: true });
  return { target: id, span };
}
