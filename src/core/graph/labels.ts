// The words on the graph: a node's subtitle and an edge's label, each saying what matters for that stage.
import type { PipelineEdge, PipelineModel, PipelineNode, NodeKind } from '../model';
import type { FunctionSummary } from './types';
import { formatCount, formatUsd } from './text';

const KIND_WORDS: Record<NodeKind, string> = {
  function: 'Lambda function',
  stream: 'Kinesis stream',
  'table-stream': 'DynamoDB stream',
  queue: 'SQS queue',
  topic: 'SNS topic',
  bucket: 'S3 bucket',
  table: 'DynamoDB table',
  'event-bus': 'EventBridge bus',
  schedule: 'schedule',
  api: 'API',
  store: 'store',
  external: 'external',
};

export function kindWords(kind: NodeKind): string {
  return KIND_WORDS[kind];
}

export function functionSubtitle(summary: FunctionSummary | undefined): string {
  if (!summary) return 'cost ? · concurrency ?';
  // Nothing can be priced without a load: say that (the hover and hints in the editor say how to declare it).
  if (summary.costPerDayUsd === null && summary.concurrencyExpected === null) return `load unknown · cap ${formatCount(summary.concurrencyCap)}`;
  const cost = summary.costPerDayUsd === null ? 'cost ?' : `${formatUsd(summary.costPerDayUsd)}/day`;
  const expected = summary.concurrencyExpected === null ? '?' : formatCount(summary.concurrencyExpected);
  return `${cost} · conc ${expected}/${formatCount(summary.concurrencyCap)}`;
}

export function nodeSubtitle(node: PipelineNode): string {
  const parts = [KIND_WORDS[node.kind]];
  if (node.queue?.fifo) parts[0] = 'SQS FIFO queue';
  if (node.queue && node.queue.deadLetterFor.length > 0) parts.push('DLQ');
  if (node.stream?.shards) parts.push(`${node.stream.shards.value} shards`);
  else if (node.stream?.mode === 'on-demand') parts.push('on-demand');
  if (node.table) parts.push(node.table.billingMode === 'PAY_PER_REQUEST' ? 'on-demand' : 'provisioned');
  if (!node.defined && node.kind !== 'external') parts.push('external');
  return parts.join(' · ');
}

/** Lambda retries an asynchronous event twice unless the function says otherwise. */
const DEFAULT_ASYNC_RETRIES = 2;

export function edgeLabel(edge: PipelineEdge, model: PipelineModel): string {
  switch (edge.kind) {
    case 'trigger':
      return triggerLabel(edge, model);
    case 'dlq':
      return dlqLabel(edge, model);
    case 'on-failure':
      return 'on failure';
    case 'on-success':
      return 'on success';
    case 'notify':
      return 'notifies';
    case 'write':
    case 'read':
      // The dotted line says it (see the legend); labels on the most numerous edges would crowd the drawing.
      return '';
  }
}

function triggerLabel(edge: PipelineEdge, model: PipelineModel): string {
  const trigger = edge.trigger;
  if (!trigger) return 'triggers';
  const parts: string[] = [];
  switch (trigger.invocation) {
    case 'stream': {
      if (trigger.batchSize) parts.push(`batch ${trigger.batchSize.value}`);
      const pf = trigger.parallelizationFactor?.value ?? 1;
      const shards = shardsOf(model, edge.from);
      parts.push(`${shards ?? '?'} shards × PF ${pf}`);
      if (trigger.maximumRetryAttempts) parts.push(`${trigger.maximumRetryAttempts.value} retries`);
      break;
    }
    case 'poll':
      if (trigger.batchSize) parts.push(`batch ${trigger.batchSize.value}`);
      if (trigger.maximumConcurrency) parts.push(`max ${trigger.maximumConcurrency.value}`);
      if (parts.length === 0) parts.push('polls');
      break;
    case 'async': {
      const fn = model.nodes.find((n) => n.id === edge.to)?.fn;
      const retries = fn?.async.maximumRetryAttempts?.value ?? DEFAULT_ASYNC_RETRIES;
      parts.push(`async · ${retries} ${retries === 1 ? 'retry' : 'retries'}`);
      break;
    }
    case 'sync':
      parts.push('sync');
      break;
  }
  if (trigger.filtered) parts.push('filtered');
  if (trigger.enabled === false) parts.push('disabled');
  return parts.join(' · ');
}

function shardsOf(model: PipelineModel, sourceId: string): number | undefined {
  const source = model.nodes.find((n) => n.id === sourceId);
  return source?.stream?.shards?.value ?? source?.annotation?.shards?.value;
}

function dlqLabel(edge: PipelineEdge, model: PipelineModel): string {
  const queue = model.nodes.find((n) => n.id === edge.from)?.queue;
  const receives = queue?.redrive?.maxReceiveCount;
  return receives === undefined ? 'DLQ' : `DLQ after ${receives}`;
}
