// Edges that follow the data out of each function, once every node and trigger is known: `write`/`read` from IAM
// statements and environment variables, `on-failure`/`on-success` to destinations; then conditional marking.
// Used by every reader (call `completeModel(builder)` after the last node and trigger was added).
import type { DestinationRef, EdgeKind, NodeKind, PipelineEdge, PipelineModel, PipelineNode } from '../../model';
import type { ModelBuilder } from '../builder';
import { isReadOnlyAction } from './iam';

/** IAM service prefix of each data-holding node kind (undefined: any action counts). */
const SERVICE_OF_KIND: Partial<Record<NodeKind, string[]>> = {
  queue: ['sqs'],
  topic: ['sns'],
  stream: ['kinesis'],
  'table-stream': ['dynamodb'],
  table: ['dynamodb'],
  bucket: ['s3'],
  function: ['lambda'],
  'event-bus': ['events'],
};

const DATA_KINDS = new Set<NodeKind>(['queue', 'topic', 'stream', 'table-stream', 'table', 'bucket', 'event-bus', 'store', 'external', 'function']);

export function completeModel(builder: ModelBuilder): void {
  // Triggers by function, computed once: a scan of every edge per function is quadratic on large files.
  const triggersInto = new Map<string, PipelineEdge[]>();
  for (const edge of builder.allEdges()) {
    if (edge.kind !== 'trigger') continue;
    const list = triggersInto.get(edge.to) ?? [];
    list.push(edge);
    triggersInto.set(edge.to, list);
  }
  for (const node of builder.allNodes()) {
    if (node.fn) addFunctionEdges(builder, node, triggersInto.get(node.id) ?? []);
  }
}

function addFunctionEdges(builder: ModelBuilder, node: PipelineNode, triggers: PipelineEdge[]): void {
  const fn = node.fn!;
  const sources = new Set(triggers.map((e) => e.from));
  const seen = new Set<string>();
  const add = (to: string, kind: EdgeKind, span: { start: number; end: number }) => {
    const key = `${kind}:${to}`;
    if (seen.has(key) || to === node.id) return;
    seen.add(key);
    builder.addEdge({ from: node.id, to, kind, span });
  };
  const touched = new Set<string>();
  for (const statement of fn.iamStatements) {
    if (statement.effect !== 'Allow') continue;
    for (const id of statement.resourceIds) {
      const target = builder.getNode(id);
      if (!target || !DATA_KINDS.has(target.kind) || sources.has(id)) continue;
      const services = SERVICE_OF_KIND[target.kind];
      const actions = statement.actions.filter((a) => a === '*' || !services || services.includes(a.split(':')[0].toLowerCase()));
      if (actions.length === 0) continue;
      if (target.kind === 'function' && !actions.some((a) => /^(lambda:(Invoke|\*)|\*)/.test(a))) continue;
      touched.add(id);
      add(id, actions.every(isReadOnlyAction) || target.kind === 'table-stream' ? 'read' : 'write', statement.span);
    }
  }
  for (const env of fn.environment) {
    for (const id of env.refs) {
      const target = builder.getNode(id);
      if (!target || touched.has(id) || sources.has(id) || target.kind === 'function' || !DATA_KINDS.has(target.kind)) continue;
      add(id, target.kind === 'table-stream' ? 'read' : 'write', env.span);
    }
  }
  const destination = (ref: DestinationRef | undefined, kind: EdgeKind) => {
    if (ref?.target) add(ref.target, kind, ref.span);
  };
  destination(fn.async.onFailure, 'on-failure');
  destination(fn.async.deadLetter, 'on-failure');
  destination(fn.async.onSuccess, 'on-success');
  for (const edge of triggers) destination(edge.trigger?.onFailure, 'on-failure');
}

/** Every edge touching a conditional node is conditional too (never dropped: both worlds are drawn). */
export function markConditionalEdges(model: PipelineModel): PipelineModel {
  const conditionOf = new Map(model.nodes.filter((n) => n.condition).map((n) => [n.id, n.condition as string]));
  for (const edge of model.edges) {
    edge.condition ??= conditionOf.get(edge.from) ?? conditionOf.get(edge.to);
  }
  return model;
}
