// Apply to YAML: the chosen what-if values as one set of text edits. Keys the deployment already has are replaced
// in place (memorySize, architecture, parallelizationFactor, batchSize, reservedConcurrency, maximumConcurrency,
// a stream's ShardCount); load figures (rate, duration, shards of a stream the file does not size, region) go in
// the Pipeline Lens annotations (CONTRACT.md section 1). Only values that differ from the file are written.
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { Analysis } from '../analyze';
import type { TextEdit } from '../findings';
import type { Format, PipelineEdge, PipelineNode } from '../model';
import { triggerShards } from '../concurrency/limits';
import { editContext, mapAtPath, type YamlMapping, type YamlValue } from '../edit';
import { mappingSettings } from '../fixes/mapping';
import { findNode } from '../rules/lookup';
import { mapStartingAt } from '../edit/locate';
import { EditPlan } from './editPlan';
import type { FunctionOverrides, WhatIfOverrides } from './overrides';
import { durationText, rateText } from './quantityText';
import { resolveOverrides } from './resolveOverrides';
import { batchTrigger, fileValues, queueTrigger, streamTrigger } from './tunables';

export interface WhatIfEdits {
  edits: TextEdit[];
  /** What was written, in words ("sessionize: memory 1024 MB"). */
  written: string[];
  /** Values that could not be written safely, and why. */
  skipped: string[];
}

/** Function keys per format: serverless function settings, SAM/CloudFormation Properties, pipeline stage keys. */
const FUNCTION_KEYS: Record<Format, { memory: string; architecture: string; reserved: string }> = {
  serverless: { memory: 'memorySize', architecture: 'architecture', reserved: 'reservedConcurrency' },
  sam: { memory: 'MemorySize', architecture: 'Architectures', reserved: 'ReservedConcurrentExecutions' },
  cloudformation: { memory: 'MemorySize', architecture: 'Architectures', reserved: 'ReservedConcurrentExecutions' },
  pipeline: { memory: 'memory', architecture: 'architecture', reserved: 'reservedConcurrency' },
};

/** Undefined when the file cannot be edited at all (not a pipeline file, YAML errors). */
export function whatIfEdits(analysis: Analysis, tried: WhatIfOverrides): WhatIfEdits | undefined {
  const overrides = resolveOverrides(analysis, tried);
  const ctx = editContext(analysis.parsed);
  if (!analysis.format || !ctx || !isMap(ctx.doc.contents)) return undefined;
  const plan = new EditPlan(ctx);
  const writer = new Writer(analysis, plan, ctx.doc.contents);
  for (const [fnId, values] of Object.entries(overrides.functions)) writer.function(fnId, values);
  if (overrides.region && overrides.region !== (analysis.model.region ?? analysis.settings.region)) writer.region(overrides.region);
  const edits = plan.edits();
  return { edits, written: plan.written, skipped: plan.skipped };
}

class Writer {
  private readonly format: Format;

  constructor(
    private readonly analysis: Analysis,
    private readonly plan: EditPlan,
    private readonly root: YAMLMap,
  ) {
    this.format = analysis.format!;
  }

  function(fnId: string, values: FunctionOverrides): void {
    const node = findNode(this.analysis.model, fnId);
    const file = fileValues(this.analysis, fnId);
    if (!node?.fn || !file) return;
    const changed = <K extends keyof FunctionOverrides>(key: K): FunctionOverrides[K] | undefined => {
      const value = values[key];
      if (value === undefined) return undefined;
      const old = file[key];
      const same = typeof value === 'number' && typeof old === 'number' ? Math.abs(value - old) <= 1e-9 * Math.max(1, Math.abs(old)) : value === old;
      return same ? undefined : value;
    };
    const label = (what: string) => `${fnId}: ${what}`;
    const keys = FUNCTION_KEYS[this.format];
    const props = node.fn.propertiesSpan ? mapStartingAt(this.plan.ctx, node.fn.propertiesSpan.start) : undefined;
    const inFunction = (key: string, value: YamlValue, what: string) =>
      props ? this.plan.setKey(props, key, value, label(what)) : this.plan.skip(label(what), 'the function has no settings mapping to write to');

    const rate = changed('ratePerSecond');
    const duration = changed('durationMs');
    const load: YamlMapping = {};
    if (rate !== undefined) load.rate = rateText(rate);
    if (duration !== undefined) load.duration = durationText(duration);
    this.annotate(node, load, label);

    const memory = changed('memoryMb');
    if (memory !== undefined) inFunction(keys.memory, memory, `memory ${memory} MB`);
    const architecture = changed('architecture');
    if (architecture !== undefined) this.architecture(props, architecture, label(`architecture ${architecture}`));
    const reserved = changed('reservedConcurrency');
    if (reserved !== undefined) {
      const at = node.fn.reservedConcurrency?.span;
      if (at) this.plan.replaceAt(at, reserved, label(`reserved concurrency ${reserved}`));
      else inFunction(keys.reserved, reserved, `reserved concurrency ${reserved}`);
    }
    const stream = streamTrigger(this.analysis.model, fnId);
    const factor = changed('parallelizationFactor');
    if (stream && factor !== undefined) this.mappingNumber(node, stream, 'parallelizationFactor', factor, label(`parallelization factor ${factor}`));
    const shards = changed('shards');
    if (stream && shards !== undefined) this.shards(stream, shards, label(`${shards} shards`));
    const batch = batchTrigger(this.analysis.model, fnId);
    const batchSize = changed('batchSize');
    if (batch && batchSize !== undefined) this.mappingNumber(node, batch, 'batchSize', batchSize, label(`batch size ${batchSize}`));
    const queue = queueTrigger(this.analysis.model, fnId);
    const maximum = changed('maximumConcurrency');
    if (queue && maximum !== undefined) this.mappingNumber(node, queue, 'maximumConcurrency', maximum, label(`maximum concurrency ${maximum}`));
  }

  region(region: string): void {
    const what = `region ${region}`;
    if (this.format === 'pipeline') {
      const pipeline = mapAtPath(this.root, ['pipeline']);
      if (pipeline) this.plan.setKey(pipeline, 'region', region, what);
      return;
    }
    const path = this.format === 'serverless' ? ['custom', 'pipelineLens'] : ['Metadata', 'PipelineLens'];
    this.plan.setPath(this.root, nest(path, { region }), what);
  }

  /** rate/duration: replace the annotation's values, or add them to its block (creating the block if needed). */
  private annotate(node: PipelineNode, load: YamlMapping, label: (what: string) => string): void {
    const annotation = node.fn?.annotation;
    const missing: YamlMapping = {};
    for (const [key, value] of Object.entries(load)) {
      const located = key === 'rate' ? annotation?.rate : annotation?.durationMs;
      if (located) this.plan.replaceAt(located.span, value, label(`${key} ${String(value)}`));
      else missing[key] = value;
    }
    if (Object.keys(missing).length === 0) return;
    const what = label(Object.entries(missing).map(([k, v]) => `${k} ${String(v)}`).join(', '));
    const block = annotation?.blockSpan ? mapStartingAt(this.plan.ctx, annotation.blockSpan.start) : undefined;
    if (block) this.plan.setPath(block, missing, what);
    else if (this.format === 'serverless') this.plan.setPath(this.root, nest(['custom', 'pipelineLens', 'functions', node.id], missing), what);
    else if (this.format === 'pipeline') this.plan.skip(what, 'the stage is not a mapping');
    else this.plan.setPath(this.root, nest(['Resources', node.id, 'Metadata', 'PipelineLens'], missing), what);
  }

  private architecture(props: YAMLMap | undefined, architecture: string, what: string): void {
    if (!props) return void this.plan.skip(what, 'the function has no settings mapping to write to');
    if (this.format === 'serverless' || this.format === 'pipeline') return void this.plan.setKey(props, FUNCTION_KEYS[this.format].architecture, architecture, what);
    const list = props.items.find((p) => isScalar(p.key) && p.key.value === 'Architectures')?.value;
    if (list === undefined) return void this.plan.setKey(props, 'Architectures', [architecture], what);
    const first = isSeq(list) && list.items.length === 1 ? list.items[0] : undefined;
    const range = isScalar(first) ? first.range : undefined;
    if (range) this.plan.replaceAt({ start: range[0], end: range[1] }, architecture, what);
    else this.plan.skip(what, 'Architectures is not a one-item list');
  }

  /** A setting of the trigger's mapping: in place when written, else added where the format keeps it. */
  private mappingNumber(node: PipelineNode, edge: PipelineEdge, camel: 'parallelizationFactor' | 'batchSize' | 'maximumConcurrency', value: number, what: string): void {
    const written = edge.trigger?.[camel];
    if (written) return void this.plan.replaceAt(written.span, value, what);
    if (this.format === 'pipeline') {
      const stage = node.blockSpan ? mapStartingAt(this.plan.ctx, node.blockSpan.start) : undefined;
      if (stage) this.plan.setKey(stage, camel, value, what);
      else this.plan.skip(what, 'the stage is not a mapping');
      return;
    }
    const settings = mappingSettings({ analysis: this.analysis, edit: this.plan.ctx }, edge);
    if (!settings) return void this.plan.skip(what, 'the trigger is not written as a mapping of settings');
    if (camel === 'maximumConcurrency' && this.format !== 'serverless') this.plan.setPath(settings.map, { ScalingConfig: { MaximumConcurrency: value } }, what);
    else this.plan.setKey(settings.map, settings.key(camel), value, what);
  }

  /** The stream's own count when the file writes it, else a `shards` annotation on the stream. */
  private shards(edge: PipelineEdge, shards: number, what: string): void {
    const model = this.analysis.model;
    const current = triggerShards(model, edge);
    if (current?.span) return void this.plan.replaceAt(current.span, shards, what);
    const holder = current?.holder ?? findNode(model, edge.from);
    if (!holder) return void this.plan.skip(what, 'the stream is not in the model');
    if (this.format === 'serverless') return void this.plan.setPath(this.root, nest(['custom', 'pipelineLens', 'sources', holder.id], { shards }), what);
    const block = holder.blockSpan ? mapStartingAt(this.plan.ctx, holder.blockSpan.start) : undefined;
    if (this.format === 'pipeline') {
      if (block) this.plan.setKey(block, 'shards', shards, what);
      else this.plan.skip(what, `${holder.id} is written in short form; write it as { type: ..., shards: N }`);
      return;
    }
    if (!holder.defined) return void this.plan.skip(what, `${holder.id} is defined outside this file`);
    this.plan.setPath(this.root, nest(['Resources', holder.id, 'Metadata', 'PipelineLens'], { shards }), what);
  }
}

function nest(path: string[], entries: YamlMapping): YamlMapping {
  return path.reduceRight<YamlMapping>((inner, key) => ({ [key]: inner }), entries);
}
