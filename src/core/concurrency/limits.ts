// The concurrency limits a function runs under: one per trigger mapping, reserved concurrency, the account limit.
import type { Format, PipelineEdge, PipelineModel, PipelineNode, Span } from '../model';
import type { CapKind } from '../report';
import { findNode, edgesTo } from '../rules/lookup';
import { formatNumber } from '../cost/round';

/** SQS event source pollers scale to this many concurrent batches per mapping without maximumConcurrency. */
export const SQS_POLLER_CEILING = 1000;
export const DEFAULT_PARALLELIZATION_FACTOR = 1;

export interface Limit {
  value: number;
  kind: CapKind;
  reason: string;
  /** The source it belongs to, named when several mappings add up. */
  source?: string;
  span?: Span;
}

/** What a trigger allows: a number, no limit of its own (async, API...), or a limit the file does not tell. */
export type MappingLimit = { kind: 'limit'; limit: Limit } | { kind: 'unbounded' } | { kind: 'unknown'; why: string };

export function triggerEdges(model: PipelineModel, fnId: string): PipelineEdge[] {
  return edgesTo(model, fnId, 'trigger').filter((e) => e.trigger?.enabled !== false);
}

export function mappingLimit(model: PipelineModel, edge: PipelineEdge): MappingLimit {
  const trigger = edge.trigger;
  if (!trigger) return { kind: 'unbounded' };
  const source = findNode(model, edge.from);
  const name = source?.label ?? edge.from;
  if ((trigger.source === 'kinesis' || trigger.source === 'dynamodb') && trigger.invocation === 'stream') {
    const shards = shardsOf(source) ?? shardsOf(parentTable(model, source));
    const factor = trigger.parallelizationFactor?.value ?? DEFAULT_PARALLELIZATION_FACTOR;
    // Deployment files annotate a DynamoDB stream on its table; a design declares `shards` on the stream source.
    const annotated = model.format === 'pipeline' ? source : parentTable(model, source) ?? source;
    if (!shards) return { kind: 'unknown', why: unknownShards(model.format, annotated, name, trigger.source) };
    return {
      kind: 'limit',
      limit: {
        value: shards.value * factor,
        kind: 'shards',
        reason: `${formatNumber(shards.value)} shard${shards.value === 1 ? '' : 's'} x parallelization factor ${factor}`,
        source: name,
        span: trigger.parallelizationFactor?.span ?? shards.span,
      },
    };
  }
  if (trigger.source === 'sqs') {
    const max = trigger.maximumConcurrency;
    if (max) return { kind: 'limit', limit: { value: max.value, kind: 'maximum-concurrency', reason: `maximumConcurrency ${formatNumber(max.value)}`, source: name, span: max.span } };
    return { kind: 'limit', limit: { value: SQS_POLLER_CEILING, kind: 'sqs-pollers', reason: `SQS poller ceiling of ${formatNumber(SQS_POLLER_CEILING)} concurrent batches`, source: name } };
  }
  return { kind: 'unbounded' };
}

/** The shard count a stream trigger runs on (annotation first, then the stream's own), and the node that holds it. */
export function triggerShards(model: PipelineModel, edge: PipelineEdge): { value: number; span?: Span; holder: PipelineNode } | undefined {
  const source = findNode(model, edge.from);
  const table = parentTable(model, source);
  const own = shardsOf(source);
  if (own && source) return { ...own, holder: source };
  const parent = shardsOf(table);
  return parent && table ? { ...parent, holder: table } : undefined;
}

/** A DynamoDB stream's table, where users annotate it (Metadata.PipelineLens of the table). */
function parentTable(model: PipelineModel, source: PipelineNode | undefined): PipelineNode | undefined {
  if (source?.kind !== 'table-stream') return undefined;
  const edge = edgesTo(model, source.id, 'notify')[0];
  return edge ? findNode(model, edge.from) : undefined;
}

function shardsOf(source: PipelineNode | undefined): { value: number; span?: Span } | undefined {
  const declared = source?.annotation?.shards;
  if (declared) return declared;
  const read = source?.stream?.shards;
  if (read && source?.stream?.mode !== 'on-demand') return read;
  return undefined;
}

function unknownShards(format: Format, source: PipelineNode | undefined, name: string, kind: 'kinesis' | 'dynamodb'): string {
  const why =
    source?.stream?.mode === 'on-demand'
      ? `${name} is an on-demand Kinesis stream, whose shard count changes with traffic`
      : kind === 'dynamodb'
        ? `DynamoDB sets the shard count of ${name}`
        : `the shard count of ${name} is not in this file`;
  return `${why}; declare it as \`shards\` in ${annotationPlace(format, source?.id ?? name)}`;
}

/** Where a user declares facts about a source, per format (CONTRACT.md section 1). */
export function annotationPlace(format: Format, sourceId: string): string {
  if (format === 'serverless') return `custom.pipelineLens.sources.${sourceId}`;
  if (format === 'pipeline') return `the ${sourceId} source`;
  return `Metadata.PipelineLens of ${sourceId}`;
}
