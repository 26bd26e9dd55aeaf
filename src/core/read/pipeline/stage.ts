// One pipeline stage -> a function node, a trigger edge per `from`, write/read edges for `to`/`stores`/`reads`,
// and failure/success destinations. Sizes and times accept units (`300s`, `5min`); a bare number of a time key is
// seconds here (as in AWS settings), unlike the annotation `duration` whose bare number is milliseconds.
import type { Node as YamlNode, Pair, YAMLMap } from 'yaml';
import type { DestinationRef, FunctionFacts, Located, Span, TriggerFacts, TriggerSource } from '../../model';
import { asMap, get, getPair, items, keySpan, keyText, scalarBool, scalarNumber, scalarText, spanOf, deref } from '../../parse/nodes';
import { readAnnotation } from '../annotations';
import { parseDuration } from '../quantities';
import { INVOCATION_BY_SOURCE } from '../cloudformation/triggers';
import { LAMBDA_DEFAULTS } from '../cloudformation/lambda';
import { COMPONENT_TYPES } from './types';
import type { PipelineReadState } from './index';

export function readStage(state: PipelineReadState, pair: Pair, defaults: YAMLMap | undefined): void {
  const { builder, doc } = state;
  const id = keyText(pair);
  if (!id || builder.hasNode(id)) return; // a clash with a component id was reported when it was declared
  const stage = asMap(deref(doc, pair.value));
  const key = (name: string) => (getPair(stage, name, doc) ? stage : defaults);
  const seconds = (name: string) => secondsOf(state, key(name), name, id);
  const memory = locatedNumber(state, key('memory'), 'memory')?.value;
  const fn: FunctionFacts = {
    name: id,
    runtime: scalarText(get(key('runtime'), 'runtime', doc)),
    handler: scalarText(get(stage, 'handler', doc)),
    memoryMb: memory ?? LAMBDA_DEFAULTS.memoryMb,
    timeoutS: seconds('timeout')?.value ?? LAMBDA_DEFAULTS.timeoutS,
    architecture: scalarText(get(key('architecture'), 'architecture', doc)) === 'arm64' ? 'arm64' : 'x86_64',
    architectureDeclared: get(key('architecture'), 'architecture', doc) !== undefined,
    ephemeralStorageMb: scalarNumber(get(key('ephemeralStorage'), 'ephemeralStorage', doc)) ?? LAMBDA_DEFAULTS.ephemeralStorageMb,
    reservedConcurrency: locatedNumber(state, stage, 'reservedConcurrency'),
    environment: [],
    iamStatements: [],
    async: {},
    annotation: readAnnotation(stage, keySpan(pair), builder, doc, id),
    propertiesSpan: stage ? spanOf(stage) : undefined,
  };
  builder.addNode({ id, kind: 'function', label: scalarText(get(stage, 'label', doc)) ?? id, span: keySpan(pair), blockSpan: spanOf(stage), defined: true, fn });
  const onFailure = destination(state, stage, 'onFailure', id);
  const streamLike = new Set<TriggerSource>(['kinesis', 'dynamodb', 'kafka']);
  let asyncSources = 0;
  let otherSources = 0;
  for (const source of ids(state, stage, 'from', id)) {
    const typeName = state.types.get(source.id);
    const componentType = typeName ? COMPONENT_TYPES[typeName] : undefined;
    if (componentType && !componentType.source) {
      const hint = typeName === 'dynamodb' ? `; to consume its changes declare a source { type: dynamodb-stream, table: ${source.id} }` : '';
      builder.problem('invalid-annotation', `"${source.id}" is a ${typeName} store and cannot invoke a stage${hint}.`, source.span, id);
    }
    // A stage fed by another stage (or by an unknown component) is invoked directly by it: asynchronously.
    const triggerSource: TriggerSource = componentType?.source ?? 'other';
    const invocation = triggerSource === 'other' ? 'async' : INVOCATION_BY_SOURCE[triggerSource];
    if (invocation === 'async') asyncSources++;
    if (!streamLike.has(triggerSource)) otherSources++;
    const trigger: TriggerFacts = {
      source: triggerSource,
      invocation,
      batchSize: locatedNumber(state, stage, 'batchSize'),
      parallelizationFactor: locatedNumber(state, stage, 'parallelizationFactor'),
      maximumRetryAttempts: invocation === 'async' ? undefined : locatedNumber(state, stage, 'maximumRetryAttempts'),
      maximumRecordAgeInSeconds: secondsOf(state, stage, 'maximumRecordAge', id),
      bisectBatchOnFunctionError: locatedBool(state, stage, 'bisectOnError'),
      tumblingWindowInSeconds: secondsOf(state, stage, 'tumblingWindow', id),
      maximumConcurrency: locatedNumber(state, stage, 'maximumConcurrency'),
      maximumBatchingWindowInSeconds: secondsOf(state, stage, 'batchWindow', id),
      startingPosition: scalarText(get(stage, 'startingPosition', doc)),
      filtered: get(stage, 'filter', doc) !== undefined || undefined,
      onFailure: streamLike.has(triggerSource) ? onFailure : undefined,
      eventSpan: spanOf(stage),
    };
    builder.addEdge({ from: source.id, to: id, kind: 'trigger', span: source.span, trigger });
  }
  // Stream mappings carry their own on-failure destination; for any other source it is the function's.
  if (onFailure && (otherSources > 0 || !getPair(stage, 'from', doc))) fn.async.onFailure = onFailure;
  fn.async.onSuccess = destination(state, stage, 'onSuccess', id);
  if (asyncSources > 0) {
    fn.async.maximumRetryAttempts = locatedNumber(state, stage, 'maximumRetryAttempts');
    fn.async.maximumEventAgeInSeconds = secondsOf(state, stage, 'maximumEventAge', id);
  }
  for (const [key, kind] of [['to', 'write'], ['stores', 'write'], ['reads', 'read']] as const) {
    for (const target of ids(state, stage, key, id)) builder.addEdge({ from: id, to: target.id, kind, span: target.span });
  }
}

/** The ids a key names (one or a list), each checked later against the declared components. */
function ids(state: PipelineReadState, stage: YAMLMap | undefined, key: string, owner: string): Array<{ id: string; span: Span }> {
  const out: Array<{ id: string; span: Span }> = [];
  for (const item of items(get(stage, key, state.doc), state.doc)) {
    const id = scalarText(item);
    if (!id) continue;
    out.push({ id, span: spanOf(item) });
    state.references.push({ id, span: spanOf(item), owner });
  }
  return out;
}

function destination(state: PipelineReadState, stage: YAMLMap | undefined, key: string, owner: string): DestinationRef | undefined {
  const [target] = ids(state, stage, key, owner);
  return target ? { target: target.id, span: target.span } : undefined;
}

function valueOf(state: PipelineReadState, map: YAMLMap | undefined, key: string): YamlNode | undefined {
  return get(map, key, state.doc);
}

function locatedNumber(state: PipelineReadState, map: YAMLMap | undefined, key: string): Located<number> | undefined {
  const node = valueOf(state, map, key);
  const value = scalarNumber(node);
  if (node !== undefined && value === undefined) {
    state.builder.problem('invalid-annotation', `Pipeline stage: ${key} must be a number.`, spanOf(node));
  }
  return value === undefined ? undefined : { value, span: spanOf(node) };
}

function locatedBool(state: PipelineReadState, map: YAMLMap | undefined, key: string): Located<boolean> | undefined {
  const node = valueOf(state, map, key);
  const value = scalarBool(node);
  return value === undefined ? undefined : { value, span: spanOf(node) };
}

/** `300s`, `5min`, `250ms` or a bare number of seconds. */
function secondsOf(state: PipelineReadState, map: YAMLMap | undefined, key: string, owner: string): Located<number> | undefined {
  const node = valueOf(state, map, key);
  if (node === undefined) return undefined;
  const bare = scalarNumber(node);
  if (bare !== undefined) return { value: bare, span: spanOf(node) };
  const parsed = parseDuration(scalarText(node));
  if (!parsed.ok) {
    state.builder.problem('invalid-annotation', `Pipeline stage: ${key} ${parsed.error}.`, spanOf(node), owner);
    return undefined;
  }
  return { value: parsed.value / 1000, span: spanOf(node) };
}
