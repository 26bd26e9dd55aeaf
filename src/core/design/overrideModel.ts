// The one place a model is cloned with what-if overrides. The engines (cost, concurrency, rules) then run on the
// clone unchanged, so a tried value is judged exactly as the same value written in the file would be.
// Spans of values the file does not hold point at the function's key: findings about them land there.
import type { Located, PipelineModel, PipelineNode, Span } from '../model';
import { triggerShards } from '../concurrency/limits';
import { findNode } from '../rules/lookup';
import type { FunctionOverrides, WhatIfOverrides } from './overrides';
import { batchTrigger, queueTrigger, streamTrigger } from './tunables';

export function overrideModel(model: PipelineModel, overrides: WhatIfOverrides): PipelineModel {
  const clone: PipelineModel = structuredClone(model);
  if (overrides.region) clone.region = overrides.region;
  for (const [fnId, values] of Object.entries(overrides.functions)) {
    const node = findNode(clone, fnId);
    if (node?.kind === 'function' && node.fn) overrideFunction(clone, node, values);
  }
  return clone;
}

/** Keeps the old span when there was a value, else points at `fallback`. */
function located<T>(old: Located<T> | undefined, value: T, fallback: Span): Located<T> {
  return { value, span: old?.span ?? fallback };
}

function overrideFunction(model: PipelineModel, node: PipelineNode, values: FunctionOverrides): void {
  const fn = node.fn!;
  const at = node.span;
  if (values.memoryMb !== undefined) fn.memoryMb = values.memoryMb;
  if (values.architecture !== undefined) {
    fn.architecture = values.architecture;
    fn.architectureDeclared = true;
  }
  if (values.reservedConcurrency !== undefined) fn.reservedConcurrency = located(fn.reservedConcurrency, values.reservedConcurrency, at);
  if (values.ratePerSecond !== undefined || values.durationMs !== undefined) {
    const annotation = (fn.annotation ??= { span: at });
    if (values.ratePerSecond !== undefined) annotation.rate = located(annotation.rate, values.ratePerSecond, at);
    if (values.durationMs !== undefined) annotation.durationMs = located(annotation.durationMs, values.durationMs, at);
  }
  const stream = streamTrigger(model, node.id);
  if (stream?.trigger) {
    if (values.parallelizationFactor !== undefined) {
      stream.trigger.parallelizationFactor = located(stream.trigger.parallelizationFactor, values.parallelizationFactor, at);
    }
    if (values.shards !== undefined) {
      // An annotation wins over the stream's own count in the engines: set it on whichever node holds the count.
      const holder = triggerShards(model, stream)?.holder ?? findNode(model, stream.from);
      if (holder) {
        const annotation = (holder.annotation ??= { span: holder.span });
        annotation.shards = located(annotation.shards, values.shards, holder.span);
      }
    }
  }
  const queue = queueTrigger(model, node.id);
  if (queue?.trigger && values.maximumConcurrency !== undefined) {
    queue.trigger.maximumConcurrency = located(queue.trigger.maximumConcurrency, values.maximumConcurrency, at);
  }
  const batch = batchTrigger(model, node.id);
  if (batch?.trigger && values.batchSize !== undefined) batch.trigger.batchSize = located(batch.trigger.batchSize, values.batchSize, at);
}
