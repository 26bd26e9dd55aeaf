// Design stages -> planned functions: sizes, triggers (S3, SNS and EventBridge through an SQS buffer queue with a
// DLQ), destinations, grants and environment for what each stage writes and reads, and the load annotations.
import type { Document } from 'yaml';
import type { DestinationRef, PipelineEdge, PipelineModel, PipelineNode, Span } from '../model';
import { edgesFrom, edgesInto } from '../model';
import { asMap, get, scalarText } from '../parse/nodes';
import type { Component } from './components';
import { environmentFor, grantFor } from './access';
import { constantCase, kebab, moduleName, pascal, type LogicalIds } from './names';
import type { Destination, Grant, PlannedFunction } from './plan';
import type { YamlValue } from './yamlText';
import { planBuffer, type BufferPlan } from './buffer';

export interface StageContext {
  model: PipelineModel;
  text: string;
  doc: Document | undefined;
  components: Map<string, Component>;
  ids: LogicalIds;
  service: string;
  notes: string[];
  buffers: BufferPlan[];
}

/** Asynchronous sources the generated file routes through an SQS buffer queue. */
const BUFFERED = new Set(['s3', 'sns', 'eventbridge']);

/** The design's on-failure queue (standard SQS) becomes the buffer's DLQ: failed events end up where it said. */
function failureQueue(ctx: StageContext, planned: PlannedFunction): string | undefined {
  const target = planned.async.onFailure;
  if (target?.type !== 'sqs') return undefined;
  const queue = componentByLogicalId(ctx, target.id);
  return queue?.node.queue?.fifo ? undefined : target.id;
}

/** A stage only polled (queues, streams) or called synchronously (API) is never invoked asynchronously: async retries
 * and destinations do not apply. */
function dropAsyncConfig(ctx: StageContext, planned: PlannedFunction): void {
  const { onFailure, onSuccess } = planned.async;
  if (onFailure && !ctx.buffers.some((b) => b.deadLetter === onFailure.id)) {
    ctx.notes.push(`${planned.key}: onFailure ${onFailure.id} is left out: it applies to asynchronous invocations only, and ${planned.key} is polled or called synchronously (buffered events end in the buffer queue's DLQ).`);
  }
  if (onSuccess) ctx.notes.push(`${planned.key}: onSuccess ${onSuccess.id} is left out: Lambda destinations fire for asynchronous invocations only, and ${planned.key} is polled; send results from the handler.`);
  planned.async = {};
}

const DESTINATION_TYPE: Readonly<Record<string, Destination['type']>> = { queue: 'sqs', topic: 'sns', 'event-bus': 'eventbridge', function: 'function' };

export function planFunction(ctx: StageContext, node: PipelineNode, stateTable: Component | undefined): PlannedFunction {
  const fn = node.fn!;
  const planned: PlannedFunction = {
    key: node.id,
    logicalId: ctx.ids.take(node.id, 'Function'),
    handler: fn.handler ?? `src/${moduleName(node.id)}.handler`,
    runtime: fn.runtime,
    memoryMb: fn.memoryMb,
    timeoutS: fn.timeoutS,
    architecture: fn.architectureDeclared ? fn.architecture : undefined,
    ephemeralStorageMb: fn.ephemeralStorageMb !== 512 ? fn.ephemeralStorageMb : undefined,
    reservedConcurrency: fn.reservedConcurrency?.value,
    environment: [],
    grants: [],
    triggers: [],
    async: {
      maximumRetryAttempts: fn.async.maximumRetryAttempts?.value,
      maximumEventAgeS: fn.async.maximumEventAgeInSeconds?.value,
      onSuccess: destination(ctx, node.id, fn.async.onSuccess, 'onSuccess'),
      onFailure: destination(ctx, node.id, fn.async.onFailure, 'onFailure'),
    },
    annotation: annotation(ctx, node, stateTable),
  };
  const triggers = edgesInto(ctx.model, node.id, 'trigger');
  for (const edge of triggers) addTrigger(ctx, planned, edge);
  planned.invokedAsync = triggers.some((e) => e.trigger?.invocation === 'async' && !BUFFERED.has(ctx.components.get(e.from)?.type ?? ''));
  if (!planned.invokedAsync && triggers.length > 0) dropAsyncConfig(ctx, planned);
  const access = edgesFrom(ctx.model, node.id).filter((e) => e.kind === 'write' || e.kind === 'read');
  const reached = new Map<string, boolean>();
  for (const edge of access) reached.set(edge.to, (reached.get(edge.to) ?? false) || edge.kind === 'write');
  if (stateTable) reached.set(stateTable.node.id, true);
  for (const [id, writes] of reached) addAccess(ctx, planned, id, writes);
  for (const target of [planned.async.onSuccess, planned.async.onFailure, ...planned.triggers.map((t) => (t.kind === 'stream' ? t.onFailure : undefined))]) {
    if (target && target.type !== 'function') addGrant(planned, grantFor(componentByLogicalId(ctx, target.id)!, true));
  }
  return planned;
}

function addAccess(ctx: StageContext, planned: PlannedFunction, id: string, writes: boolean): void {
  const component = ctx.components.get(id);
  if (!component) {
    const stage = ctx.model.nodes.find((n) => n.id === id && n.kind === 'function');
    if (stage) {
      planned.environment.push({ name: `${constantCase(id)}_FUNCTION`, value: { functionName: id } });
      planned.grants.push({ actions: ['lambda:InvokeFunction'], resources: [{ function: id }], samTemplate: { name: 'LambdaInvokePolicy', param: 'FunctionName', value: { functionName: id } } });
    }
    return;
  }
  const variable = environmentFor(component);
  let name = variable.name;
  for (let n = 2; planned.environment.some((v) => v.name === name); n++) name = `${variable.name}_${n}`;
  planned.environment.push({ ...variable, name });
  addGrant(planned, grantFor(component, writes));
}

function addGrant(planned: PlannedFunction, grant: Grant | undefined): void {
  if (!grant) return;
  const key = JSON.stringify(grant.resources);
  const same = planned.grants.find((g) => JSON.stringify(g.resources) === key);
  if (!same) planned.grants.push(grant);
  else if (grant.actions.length > same.actions.length) Object.assign(same, grant);
}

function componentByLogicalId(ctx: StageContext, logicalId: string): Component | undefined {
  return [...ctx.components.values()].find((c) => c.logicalId === logicalId);
}

function addTrigger(ctx: StageContext, planned: PlannedFunction, edge: PipelineEdge): void {
  const t = edge.trigger!;
  const component = ctx.components.get(edge.from);
  const name = pascal(edge.from);
  if (!component) {
    const upstream = ctx.model.nodes.find((n) => n.id === edge.from && n.kind === 'function');
    if (!upstream) ctx.notes.push(`${edge.from} -> ${planned.key}: not generated (the source is not declared in the design).`);
    // A stage fed by a stage: the upstream stage's on-success destination, set when the upstream is planned.
    return;
  }
  const common = { batchSize: t.batchSize?.value, batchWindowS: t.maximumBatchingWindowInSeconds?.value };
  if (t.filtered) ctx.notes.push(`${planned.key}: its filter is not carried over; add it to the ${edge.from} event (filterPatterns / FilterCriteria) by hand.`);
  switch (component.type) {
    case 'kinesis':
    case 'dynamodb-stream':
      planned.triggers.push({
        kind: 'stream', source: component.type === 'kinesis' ? 'kinesis' : 'dynamodb', name, resource: component.logicalId!, ...common,
        parallelizationFactor: t.parallelizationFactor?.value, startingPosition: t.startingPosition ?? 'LATEST',
        maximumRetryAttempts: t.maximumRetryAttempts?.value, maximumRecordAgeS: t.maximumRecordAgeInSeconds?.value,
        bisect: t.bisectBatchOnFunctionError?.value, tumblingWindowS: t.tumblingWindowInSeconds?.value,
        onFailure: destination(ctx, planned.key, t.onFailure, 'onFailure'),
      });
      return;
    case 'sqs':
      planned.triggers.push({ kind: 'sqs', name, queue: component.logicalId!, ...common, maximumConcurrency: t.maximumConcurrency?.value });
      return;
    case 's3':
    case 'sns':
    case 'eventbridge': {
      const buffer = planBuffer(ctx, component, planned, failureQueue(ctx, planned));
      ctx.buffers.push(buffer);
      planned.triggers.push({ kind: 'sqs', name, queue: buffer.queue, ...common });
      return;
    }
    case 'schedule':
      planned.triggers.push({ kind: 'schedule', name, expression: componentSetting(ctx, edge.from, 'schedule') ?? 'rate(1 hour)' });
      return;
    case 'api':
      planned.triggers.push({ kind: 'api', name, path: `/${kebab(planned.key)}`, method: 'post' });
      return;
    default:
      if (t.source === 'iot') planned.triggers.push({ kind: 'iot', name, sql: `SELECT * FROM '${kebab(edge.from)}'` });
      else ctx.notes.push(`${edge.from} (${component.type}) -> ${planned.key}: the trigger is not generated; add its event by hand.`);
  }
}

function destination(ctx: StageContext, owner: string, ref: DestinationRef | undefined, what: string): Destination | undefined {
  if (!ref?.target) return undefined;
  const stage = ctx.model.nodes.find((n) => n.id === ref.target && n.kind === 'function');
  if (stage) return { type: 'function', id: stage.id };
  const component = ctx.components.get(ref.target);
  const type = component ? DESTINATION_TYPE[component.node.kind] : undefined;
  if (component?.logicalId && type) return { type, id: component.logicalId };
  ctx.notes.push(`${owner}: ${what} ${ref.target} is not generated (Lambda destinations are SQS, SNS, EventBridge or a function).`);
  return undefined;
}

/** The annotation carried over: rate and duration as the design wrote them, stores as logical ids. */
function annotation(ctx: StageContext, node: PipelineNode, stateTable: Component | undefined): Record<string, YamlValue> {
  const a = node.fn?.annotation;
  const out: Record<string, YamlValue> = {};
  const written = (span: Span) => ctx.text.slice(span.start, span.end).trim().replace(/^['"]|['"]$/g, '');
  if (a?.rate) out.rate = written(a.rate.span);
  if (a?.durationMs) out.duration = a.durationMs.value % 1 === 0 && /^\d+$/.test(written(a.durationMs.span)) ? a.durationMs.value : written(a.durationMs.span);
  if (a?.stateful) out.stateful = a.stateful.value;
  const stores = (a?.stores?.value ?? []).map((id) => ctx.components.get(id)?.logicalId ?? id);
  if (stateTable?.logicalId) stores.push(stateTable.logicalId);
  if (stores.length > 0) out.stores = stores;
  if (a?.shards) out.shards = a.shards.value;
  return out;
}

/** A key of a source as written in the design (`schedule` of a schedule source). */
function componentSetting(ctx: StageContext, id: string, key: string): string | undefined {
  const root = asMap(get(asMap(ctx.doc?.contents), 'pipeline', ctx.doc));
  const component = asMap(get(asMap(get(root, 'sources', ctx.doc)), id, ctx.doc));
  return scalarText(get(component, key, ctx.doc));
}
