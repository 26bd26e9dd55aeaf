// CloudFormation reader: Resources -> nodes and edges. The resource readers are shared by SAM and by serverless
// `resources:` (call readCloudFormationResources, add your own functions/events, then completeModel(builder)).
import type { Document, YAMLMap } from 'yaml';
import type { PipelineModel } from '../../model';
import { asMap, get, getIn, scalarText } from '../../parse/nodes';
import { ModelBuilder } from '../builder';
import type { ReadContext } from '../index';
import type { CfnContext } from './context';
import { completeModel, markConditionalEdges } from './dataflow';
import { readFunction } from './lambda';
import { readBucketNotifications, readEventRule, readQueuePolicy, readSchedulerSchedule, readSubscription, readTopicSubscriptions } from './notifications';
import { readQueueRedrive, readResourceNode, readStoreLinks } from './resources';
import { Template, type TemplateOptions } from './template';
import { linkIndex, readEventInvokeConfig, readEventSourceMapping, readPermission } from './triggers';

export type { ResolvedRef } from './references';
export { resolveAll, resolveRef, textOf, parseArn } from './references';
export { Template, type TemplateOptions } from './template';
export { completeModel, markConditionalEdges } from './dataflow';
export { tableStreamId } from './resources';
export type { CfnContext } from './context';

export interface CloudFormationOptions extends TemplateOptions {
  /** The document's root mapping (for Parameters and Mappings); serverless passes its `resources:` value. */
  root?: YAMLMap;
  /** A template index built already (SAM builds one to share with its own resources). */
  template?: Template;
}

/** Pass 1: a node for every resource the model draws (functions with their facts, queues, tables...). */
export function readResourceNodes(ctx: CfnContext): void {
  for (const entry of ctx.template.resources.values()) {
    if (entry.type === 'AWS::Lambda::Function') readFunction(ctx, entry);
    else readResourceNode(ctx, entry);
  }
}

/** Pass 2: the links resources declare (mappings, notifications, subscriptions, rules, redrive, invoke configs). */
export function readResourceRelations(ctx: CfnContext): void {
  for (const entry of ctx.template.resources.values()) {
    switch (entry.type) {
      case 'AWS::Lambda::EventSourceMapping':
        readEventSourceMapping(ctx, entry);
        break;
      case 'AWS::Lambda::EventInvokeConfig':
        readEventInvokeConfig(ctx, entry);
        break;
      case 'AWS::S3::Bucket':
        readBucketNotifications(ctx, entry);
        break;
      case 'AWS::SNS::Topic':
        readTopicSubscriptions(ctx, entry);
        break;
      case 'AWS::SNS::Subscription':
        readSubscription(ctx, entry);
        break;
      case 'AWS::Events::Rule':
        readEventRule(ctx, entry);
        break;
      case 'AWS::Scheduler::Schedule':
        readSchedulerSchedule(ctx, entry);
        break;
      case 'AWS::SQS::Queue':
        readQueueRedrive(ctx, entry);
        break;
      case 'AWS::DynamoDB::Table':
      case 'AWS::KinesisFirehose::DeliveryStream':
        readStoreLinks(ctx, entry);
        break;
      default:
        break;
    }
  }
}

/** Pass 3 (after every other link is known): Permissions and queue policies that are the only evidence of one. */
export function readPermissions(ctx: CfnContext): void {
  const linked = linkIndex(ctx);
  for (const entry of ctx.template.ofType('AWS::Lambda::Permission')) readPermission(ctx, entry, linked);
  for (const entry of ctx.template.ofType('AWS::SQS::QueuePolicy')) readQueuePolicy(ctx, entry, linked);
}

/**
 * Reads a Resources mapping into the builder (all three passes). Returns the context so callers can resolve more
 * references against the same template. Does not add data-flow edges: call completeModel(builder) at the end.
 */
export function readCloudFormationResources(
  builder: ModelBuilder,
  resourcesMap: YAMLMap | undefined,
  doc: Document | undefined,
  options: CloudFormationOptions = {},
): CfnContext {
  const template = options.template ?? new Template(doc, resourcesMap, options.root, options);
  const ctx: CfnContext = { builder, template, doc };
  readResourceNodes(ctx);
  readResourceRelations(ctx);
  readPermissions(ctx);
  return ctx;
}

/** Region a template states: a `Metadata.PipelineLens.region` annotation. */
export function templateRegion(root: YAMLMap | undefined, doc: Document | undefined): string | undefined {
  return scalarText(getIn(root, ['Metadata', 'PipelineLens', 'region'], doc)) || undefined;
}

export function readCloudFormation(context: ReadContext): PipelineModel {
  const doc = context.parsed.doc;
  const root = asMap(doc?.contents);
  const builder = new ModelBuilder('cloudformation');
  builder.region = templateRegion(root, doc);
  readCloudFormationResources(builder, asMap(get(root, 'Resources', doc)), doc, { root, region: builder.region });
  completeModel(builder);
  return markConditionalEdges(builder.finish());
}
