// Reader of our design format (`pipeline:`): sources, stages, stores and sinks sketched before any deployment
// file exists. Stages are functions; `from` gives their triggers, `to`/`stores`/`reads` their writes and reads.
import type { Document, Pair, YAMLMap } from 'yaml';
import type { PipelineModel, PipelineNode, Span } from '../../model';
import { asMap, get, getPair, keySpan, keyText, pairs, scalarBool, scalarText, spanOf, deref } from '../../parse/nodes';
import { ModelBuilder } from '../builder';
import type { ReadContext } from '../index';
import { completeModel } from '../cloudformation/dataflow';
import { COMPONENT_TYPES, SECTIONS } from './types';
import { readStage } from './stage';

export interface PipelineReadState {
  builder: ModelBuilder;
  doc: Document | undefined;
  /** Declared component and stage ids -> their YAML key span. */
  declared: Map<string, Span>;
  /** Component id -> its declared type name (`kinesis`, `dynamodb`...). */
  types: Map<string, string>;
  /** Ids named by `from`, `to`, `dlq`... checked once everything is declared. */
  references: Array<{ id: string; span: Span; owner: string }>;
  /** Queues written `dlq: true`: their dead-letter queues are made once every id is declared. */
  createdDeadLetters: Array<{ queue: PipelineNode; span: Span }>;
}

export function readPipeline(context: ReadContext): PipelineModel {
  const doc = context.parsed.doc;
  const builder = new ModelBuilder('pipeline');
  const root = asMap(get(asMap(doc?.contents), 'pipeline', doc));
  const rootPair = getPair(asMap(doc?.contents), 'pipeline', doc);
  if (!root) {
    const span = rootPair ? keySpan(rootPair) : { start: 0, end: 0 };
    builder.problem('invalid-annotation', 'pipeline: must be a mapping with sources, stages, stores and sinks.', span);
    return builder.finish();
  }
  builder.name = scalarText(get(root, 'name', doc));
  builder.region = scalarText(get(root, 'region', doc));
  const state: PipelineReadState = { builder, doc, declared: new Map(), types: new Map(), references: [], createdDeadLetters: [] };
  for (const section of SECTIONS) {
    for (const pair of pairs(asMap(get(root, section, doc)), doc)) readComponent(state, pair);
  }
  const stages = pairs(asMap(get(root, 'stages', doc)), doc);
  for (const pair of stages) {
    const id = keyText(pair);
    if (id) declare(state, id, keySpan(pair));
  }
  for (const { queue, span } of state.createdDeadLetters) addDeadLetterQueue(state, queue, span);
  const defaults = asMap(get(root, 'defaults', doc));
  for (const pair of stages) readStage(state, pair, defaults);
  for (const node of builder.allNodes()) {
    const dlq = node.queue?.redrive?.target;
    if (dlq) builder.getNode(dlq)?.queue?.deadLetterFor.push(node.id);
  }
  for (const ref of state.references) {
    if (!state.declared.has(ref.id)) {
      builder.problem('unresolved-reference', `"${ref.id}" is not declared under sources, stages, stores or sinks of this pipeline.`, ref.span, ref.owner);
    }
  }
  completeModel(builder);
  return builder.finish();
}

/** Ids are one namespace across sources, stages, stores and sinks: a second use would hide the first node. */
function declare(state: PipelineReadState, id: string, span: Span): void {
  if (state.declared.has(id)) {
    state.builder.problem('invalid-annotation', `"${id}" is declared twice in this pipeline; ids of sources, stages, stores and sinks must differ.`, span, id);
    return;
  }
  state.declared.set(id, span);
}

/** A source, store or sink: `name: { type: kinesis, shards: 4 }` or the short form `name: kinesis`. */
function readComponent(state: PipelineReadState, pair: Pair): void {
  const { builder, doc } = state;
  const id = keyText(pair);
  if (!id) return;
  const value = deref(doc, pair.value);
  const map = asMap(value);
  const typeNode = map ? get(map, 'type', doc) : value;
  const typeName = scalarText(typeNode);
  const type = typeName ? COMPONENT_TYPES[typeName] : undefined;
  declare(state, id, keySpan(pair));
  if (typeName) state.types.set(id, typeName);
  if (!type) {
    const where = typeNode ? spanOf(typeNode) : keySpan(pair);
    builder.problem('invalid-annotation', `Pipeline component "${id}" has ${typeName ? `an unknown type "${typeName}"` : 'no type'}; use one of ${Object.keys(COMPONENT_TYPES).join(', ')}.`, where, id);
  }
  const node: PipelineNode = {
    id,
    kind: type?.kind ?? 'external',
    label: scalarText(get(map, 'label', doc)) ?? scalarText(get(map, 'schedule', doc)) ?? id,
    span: keySpan(pair),
    blockSpan: spanOf(value),
    defined: true,
    resourceType: type?.resourceType,
  };
  readComponentFacts(state, node, map, typeName);
  builder.addNode(node);
  const table = scalarText(get(map, 'table', doc));
  if (typeName === 'dynamodb-stream' && table) {
    const tablePair = getPair(map, 'table', doc)!;
    builder.addEdge({ from: table, to: id, kind: 'notify', span: spanOf(tablePair.value) });
    state.references.push({ id: table, span: spanOf(tablePair.value), owner: id });
  }
}

function readComponentFacts(state: PipelineReadState, node: PipelineNode, map: YAMLMap | undefined, typeName: string | undefined): void {
  const { doc } = state;
  const number = (key: string) => {
    const pair = getPair(map, key, doc);
    const value = pair ? deref(doc, pair.value) : undefined;
    const n = Number(scalarText(value)?.replace(/s$/, ''));
    return pair && Number.isFinite(n) ? { value: n, span: spanOf(value) } : undefined;
  };
  if (node.kind === 'stream') {
    const mode = scalarText(get(map, 'mode', doc));
    node.stream = { shards: number('shards'), mode: mode === 'on-demand' ? 'on-demand' : mode === 'provisioned' ? 'provisioned' : undefined };
  } else if (node.kind === 'queue') {
    node.queue = { fifo: scalarText(get(map, 'fifo', doc)) === 'true', visibilityTimeoutS: number('visibilityTimeout'), deadLetterFor: [] };
    readDeadLetterQueue(state, node, map, number('maxReceiveCount')?.value);
  } else if (node.kind === 'table') {
    const billing = scalarText(get(map, 'billing', doc));
    node.table = { billingMode: billing === 'provisioned' ? 'PROVISIONED' : 'PAY_PER_REQUEST', streamEnabled: false };
  }
  if (typeName === 'kinesis' || typeName === 'dynamodb-stream') {
    // A DynamoDB stream's shards are only ever declared (DynamoDB sets them): read them as the annotation.
    const shards = node.stream?.shards ?? (typeName === 'dynamodb-stream' ? number('shards') : undefined);
    if (shards) node.annotation = { span: node.span, shards };
  }
}

/**
 * `dlq: other-queue` names a queue of the pipeline; `dlq: true` creates one, `<id>-dlq`, of the same type (FIFO or
 * standard, as AWS requires); `dlq: false` means none.
 */
function readDeadLetterQueue(state: PipelineReadState, node: PipelineNode, map: YAMLMap | undefined, maxReceiveCount: number | undefined): void {
  const { builder, doc } = state;
  const dlqPair = getPair(map, 'dlq', doc);
  const value = deref(doc, dlqPair?.value);
  const flag = scalarBool(value);
  const named = flag === undefined ? scalarText(value) : undefined;
  if (!dlqPair || !node.queue || flag === false || (flag === undefined && !named)) return;
  const span = { start: keySpan(dlqPair).start, end: spanOf(dlqPair.value).end };
  const target = named ?? `${node.id}-dlq`;
  node.queue.redrive = { target, maxReceiveCount, span };
  builder.addEdge({ from: node.id, to: target, kind: 'dlq', span });
  if (named) state.references.push({ id: named, span: spanOf(dlqPair.value), owner: node.id });
  else state.createdDeadLetters.push({ queue: node, span });
}

function addDeadLetterQueue(state: PipelineReadState, queue: PipelineNode, span: Span): void {
  const target = `${queue.id}-dlq`;
  if (state.declared.has(target)) {
    state.builder.problem('invalid-annotation', `"${queue.id}" asks for a dead-letter queue (dlq: true) named "${target}", but that id is already declared; name the queue to use instead (dlq: ${target}).`, span, queue.id);
    return;
  }
  declare(state, target, span);
  state.types.set(target, 'sqs');
  state.builder.addNode({
    id: target,
    kind: 'queue',
    label: `${queue.label} DLQ`,
    span,
    defined: true,
    resourceType: 'AWS::SQS::Queue',
    queue: { fifo: queue.queue?.fifo ?? false, deadLetterFor: [] },
  });
}
