// Which part of the model each what-if knob turns, and the values the file has for them today (shown beside the
// tried ones). A knob of a trigger is offered only when the function has exactly one trigger of that kind: with
// several, which one to change is a design choice the panel does not make.
import type { Analysis } from '../analyze';
import type { PipelineEdge, PipelineModel } from '../model';
import { loadOf } from '../cost/load';
import { DEFAULT_PARALLELIZATION_FACTOR, triggerEdges, triggerShards } from '../concurrency/limits';
import { findNode } from '../rules/lookup';
import type { FunctionOverrides } from './overrides';

/** The function's one Kinesis / DynamoDB stream trigger. */
export function streamTrigger(model: PipelineModel, fnId: string): PipelineEdge | undefined {
  const edges = triggerEdges(model, fnId).filter((e) => e.trigger?.invocation === 'stream' && (e.trigger.source === 'kinesis' || e.trigger.source === 'dynamodb'));
  return edges.length === 1 ? edges[0] : undefined;
}

/** The function's one SQS trigger. */
export function queueTrigger(model: PipelineModel, fnId: string): PipelineEdge | undefined {
  const edges = triggerEdges(model, fnId).filter((e) => e.trigger?.source === 'sqs');
  return edges.length === 1 ? edges[0] : undefined;
}

/** The one polled trigger (stream or queue) whose batch size the panel sets. */
export function batchTrigger(model: PipelineModel, fnId: string): PipelineEdge | undefined {
  const edges = triggerEdges(model, fnId).filter((e) => e.trigger?.invocation === 'stream' || e.trigger?.invocation === 'poll');
  return edges.length === 1 ? edges[0] : undefined;
}

/** A knob's file value: a number or architecture, null when the file leaves it unknown, absent when not applicable. */
export type FileValues = { [K in keyof FunctionOverrides]?: FunctionOverrides[K] | null };

/** The values the function has in the file (with settings defaults where the file is silent). */
export function fileValues(analysis: Analysis, fnId: string): FileValues | undefined {
  const model = analysis.model;
  const node = findNode(model, fnId);
  const report = analysis.functions.find((r) => r.id === fnId);
  if (!node?.fn || !report) return undefined;
  const load = loadOf(node, analysis.settings);
  const values: FileValues = {
    ratePerSecond: load.ratePerSecond,
    durationMs: load.durationMs,
    memoryMb: report.memoryMb,
    architecture: report.architecture,
    reservedConcurrency: node.fn.reservedConcurrency?.value ?? null,
  };
  const stream = streamTrigger(model, fnId);
  if (stream) {
    values.shards = triggerShards(model, stream)?.value ?? null;
    values.parallelizationFactor = stream.trigger?.parallelizationFactor?.value ?? DEFAULT_PARALLELIZATION_FACTOR;
  }
  const queue = queueTrigger(model, fnId);
  if (queue) values.maximumConcurrency = queue.trigger?.maximumConcurrency?.value ?? null;
  const batch = batchTrigger(model, fnId);
  if (batch) values.batchSize = batch.trigger?.batchSize?.value ?? null;
  return values;
}
