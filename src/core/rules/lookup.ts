// Indexed lookups over a finished model (by node id, edges in and out), built once per model: the rules and the
// concurrency engine ask these questions per function, and linear scans add up on large templates.
import type { EdgeKind, PipelineEdge, PipelineModel, PipelineNode } from '../model';

interface ModelIndex {
  byId: Map<string, PipelineNode>;
  into: Map<string, PipelineEdge[]>;
  from: Map<string, PipelineEdge[]>;
}

const cache = new WeakMap<PipelineModel, ModelIndex>();

function indexOf(model: PipelineModel): ModelIndex {
  const known = cache.get(model);
  // Rebuilt if the model grew after indexing (hand-built models in tests may be edited in place).
  if (known && known.byId.size === model.nodes.length) return known;
  const index: ModelIndex = { byId: new Map(), into: new Map(), from: new Map() };
  for (const node of model.nodes) if (!index.byId.has(node.id)) index.byId.set(node.id, node);
  for (const edge of model.edges) {
    push(index.into, edge.to, edge);
    push(index.from, edge.from, edge);
  }
  cache.set(model, index);
  return index;
}

function push(map: Map<string, PipelineEdge[]>, key: string, edge: PipelineEdge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}

export function findNode(model: PipelineModel, id: string): PipelineNode | undefined {
  return indexOf(model).byId.get(id);
}

export function edgesTo(model: PipelineModel, id: string, kind?: EdgeKind): PipelineEdge[] {
  const list = indexOf(model).into.get(id) ?? [];
  return kind === undefined ? list : list.filter((e) => e.kind === kind);
}

export function edgesOutOf(model: PipelineModel, id: string, kind?: EdgeKind): PipelineEdge[] {
  const list = indexOf(model).from.get(id) ?? [];
  return kind === undefined ? list : list.filter((e) => e.kind === kind);
}
