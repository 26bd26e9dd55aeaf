// A read design model -> the generation plan both writers spell out.
import type { Document } from 'yaml';
import type { PipelineModel, PipelineNode } from '../model';
import { edgesFrom, edgesInto, functionNodes } from '../model';
import { planComponents, typeOf, type Component } from './components';
import { attachBucketNotifications, visibilityFor } from './buffer';
import { planFunction, type StageContext } from './stages';
import { constantCase, kebab, LogicalIds } from './names';
import type { CfnResource, Plan, Target } from './plan';

export const DEFAULT_RUNTIME: Readonly<Record<Target, string>> = {
  // The newest Node.js each tool accepts: serverless@3's schema stops at nodejs20.x; cfn-lint flags 20 as deprecated.
  serverless: 'nodejs20.x',
  sam: 'nodejs22.x',
};

const STORE_KINDS = new Set<PipelineNode['kind']>(['table', 'bucket', 'store']);

export function planDesign(model: PipelineModel, text: string, doc: Document | undefined, designFile: string, target: Target): Plan {
  const ids = new LogicalIds();
  const service = kebab(model.name ?? designFile.replace(/^.*[\\/]/, '').replace(/\.pipeline\.ya?ml$/, ''));
  const { components, resources, sourceAnnotations } = planComponents(model, ids, service, (id) => queueVisibility(model, id));
  const notes: string[] = [];
  const ctx: StageContext = { model, text, doc, components, ids, service, notes, buffers: [] };
  const functions = functionNodes(model).map((node) => planFunction(ctx, node, stateTableFor(model, node, ids, components, resources)));
  chainStages(model, functions, notes);
  for (const buffer of ctx.buffers) resources.push(...buffer.resources);
  keepDeadLettersLonger(resources, ctx.buffers.map((b) => b.deadLetter));
  attachBucketNotifications(resources, ctx.buffers);
  for (const [, resource] of resources) dropEmptyProperties(resource);
  const runtimes = functions.map((f) => f.runtime).filter((r): r is string => r !== undefined);
  const runtimeDefaulted = runtimes.length < functions.length || functions.length === 0;
  const runtime = runtimeDefaulted ? DEFAULT_RUNTIME[target] : mostCommon(runtimes);
  for (const fn of functions) if (fn.runtime === runtime) delete fn.runtime;
  return { designFile, name: service, region: model.region, runtime, runtimeDefaulted, functions, resources, sourceAnnotations, notes };
}

/** 6 x the longest timeout (+ batching window) of the stages polling the queue; undefined when none polls it. */
function queueVisibility(model: PipelineModel, queueId: string): number | undefined {
  const needs = edgesFrom(model, queueId, 'trigger').map((edge) => {
    const fn = model.nodes.find((n) => n.id === edge.to)?.fn;
    return fn ? visibilityFor(fn.timeoutS, edge.trigger?.maximumBatchingWindowInSeconds?.value) : 0;
  });
  return needs.length > 0 ? Math.max(...needs) : undefined;
}

/** A stage declared stateful that reaches no store gets a DynamoDB table of its own (on-demand billing). */
function stateTableFor(model: PipelineModel, node: PipelineNode, ids: LogicalIds, components: Map<string, Component>, resources: Array<[string, CfnResource]>): Component | undefined {
  const fn = node.fn;
  if (fn?.annotation?.stateful?.value !== true || (fn.annotation.stores?.value.length ?? 0) > 0) return undefined;
  const reachesStore = edgesFrom(model, node.id).some((e) => (e.kind === 'write' || e.kind === 'read') && STORE_KINDS.has(components.get(e.to)?.node.kind ?? 'external'));
  if (reachesStore) return undefined;
  const id = `${node.id}-state`;
  const table: PipelineNode = { id, kind: 'table', label: id, span: node.span, defined: true, table: { billingMode: 'PAY_PER_REQUEST', streamEnabled: false } };
  const logicalId = ids.take(id, 'Table');
  const component: Component = { node: table, type: typeOf(table), logicalId, arn: { intrinsic: 'GetAtt', value: `${logicalId}.Arn` } };
  resources.push([logicalId, {
    Type: 'AWS::DynamoDB::Table',
    Properties: { BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] },
  }]);
  components.set(id, component);
  return component;
}

/** `from: other-stage`: the other stage hands its results on as its on-success destination (as the design reads it). */
function chainStages(model: PipelineModel, functions: Plan['functions'], notes: string[]): void {
  for (const fn of functions) {
    for (const edge of edgesInto(model, fn.key, 'trigger')) {
      const upstream = functions.find((f) => f.key === edge.from);
      if (!upstream) continue;
      if (upstream.invokedAsync === false && upstream.triggers.length > 0) {
        // Destinations fire only for asynchronous invocations: a polled stage invokes the next one itself.
        upstream.environment.push({ name: `${constantCase(fn.key)}_FUNCTION`, value: { functionName: fn.key } });
        upstream.grants.push({ actions: ['lambda:InvokeFunction'], resources: [{ function: fn.key }], samTemplate: { name: 'LambdaInvokePolicy', param: 'FunctionName', value: { functionName: fn.key } } });
        notes.push(`${upstream.key} -> ${fn.key}: ${upstream.key} is polled, so it invokes ${fn.key} itself (InvocationType Event; allowed by its role).`);
        continue;
      }
      if (!upstream.async.onSuccess) upstream.async.onSuccess = { type: 'function', id: fn.key };
      else notes.push(`${upstream.key} -> ${fn.key}: not generated; ${upstream.key} already sends its results elsewhere (one on-success destination per function).`);
    }
  }
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

/** A design queue that became a buffer's DLQ keeps its messages 14 days (the SQS maximum), like every DLQ here. */
function keepDeadLettersLonger(resources: Array<[string, CfnResource]>, deadLetters: string[]): void {
  for (const [id, resource] of resources) {
    if (deadLetters.includes(id) && resource.Properties?.MessageRetentionPeriod === undefined) {
      resource.Properties = { ...resource.Properties, MessageRetentionPeriod: 1209600 };
    }
  }
}

function dropEmptyProperties(resource: CfnResource): void {
  if (resource.Properties && Object.values(resource.Properties).every((v) => v === undefined)) delete resource.Properties;
}
