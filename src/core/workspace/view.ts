// One file's view of the joined pipeline: its own model (ids unchanged, so findings, fixes and reports line up
// with the single-file analysis), where each joined reference takes the facts of the node it stands for, plus the
// nodes and edges of other files that touch what it shares. Foreign nodes get file-qualified ids (`file#id`), and
// every span copied from another file carries that file (`FileSpan`), so a finding can tell where it belongs.
import type { PipelineEdge, PipelineModel, PipelineNode, Span } from '../model';
import { edgesOutOf, edgesTo, findNode } from '../rules/lookup';
import { handleKey, type JoinGraph } from './graph';
import type { NodeHandle } from './join';

export interface FileSpan extends Span {
  file: string;
}

export const spanFile = (span: Span): string | undefined => (span as Partial<FileSpan>).file;

export const qualifiedId = (h: NodeHandle): string => `${h.file}#${h.id}`;

/** A deep copy whose spans (objects with numeric start/end) carry `file`. */
function tagSpans<T>(value: T, file: string): T {
  if (Array.isArray(value)) return value.map((v) => tagSpans(v, file)) as T;
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) copy[key] = tagSpans(source[key], file);
  if (typeof source.start === 'number' && typeof source.end === 'number') copy.file = file;
  return copy as T;
}

export interface WorkspaceFile {
  path: string;
  model: PipelineModel;
}

export function buildView(file: WorkspaceFile, files: Map<string, WorkspaceFile>, graph: JoinGraph): PipelineModel {
  const own = file.model;
  const local = new Map<string, string>();
  for (const node of own.nodes) {
    const canonical = handleKey(graph.canonical({ file: file.path, id: node.id }));
    if (!local.has(canonical)) local.set(canonical, node.id);
  }
  const textJoins = graph.joins.filter((j) => j.from.file === file.path && !j.hasNode);
  for (const join of textJoins) if (!local.has(handleKey(join.to))) local.set(handleKey(join.to), join.raw);

  const localOf = (h: NodeHandle): string => {
    const canonical = graph.canonical(h);
    return local.get(handleKey(canonical)) ?? qualifiedId(canonical);
  };
  const nodes = new Map<string, PipelineNode>();
  const edges = new Map<string, PipelineEdge>();
  const copyOf = (h: NodeHandle, id: string): PipelineNode | undefined => {
    const source = files.get(h.file);
    const node = source && findNode(source.model, h.id);
    return node ? foreignCopy(node, h.file, id, (ref) => localOf({ file: h.file, id: ref })) : undefined;
  };
  const ensure = (h: NodeHandle): string => {
    const id = localOf(h);
    if (!nodes.has(id)) {
      const copy = copyOf(graph.canonical(h), id);
      if (copy) nodes.set(id, copy);
    }
    return id;
  };

  for (const node of own.nodes) {
    const join = graph.joinOf({ file: file.path, id: node.id });
    nodes.set(node.id, join ? (copyOf(join.to, node.id) ?? node) : withTextJoins(node, file.path, graph, local));
  }
  for (const join of textJoins) ensure(join.to);
  for (const edge of own.edges) edges.set(edge.id, edge);

  // Edges of other files that touch a node this file shares (defines, or refers to through a join).
  const shared = new Set<string>();
  for (const node of own.nodes) shared.add(handleKey(graph.canonical({ file: file.path, id: node.id })));
  for (const join of textJoins) shared.add(handleKey(join.to));
  for (const key of shared) {
    const [canonicalFile, ...rest] = key.split('\u0000');
    for (const h of graph.handlesOf({ file: canonicalFile, id: rest.join('\u0000') })) {
      const other = files.get(h.file);
      if (h.file === file.path || !other) continue;
      for (const edge of [...edgesOutOf(other.model, h.id), ...edgesTo(other.model, h.id)]) {
        const id = `${h.file}#${edge.id}`;
        if (edges.has(id)) continue;
        const from = ensure({ file: h.file, id: edge.from });
        const to = ensure({ file: h.file, id: edge.to });
        edges.set(id, { ...tagSpans(edge, h.file), id, from, to });
      }
    }
  }
  return { ...own, nodes: [...nodes.values()], edges: [...edges.values()], problems: [] };
}

/** A node of another file under a local id: spans tagged, references to other nodes renamed to this view's ids. */
function foreignCopy(node: PipelineNode, file: string, id: string, rename: (id: string) => string): PipelineNode {
  const copy = tagSpans(node, file);
  copy.id = id;
  const fn = copy.fn;
  if (fn) {
    for (const env of fn.environment) env.refs = env.refs.map(rename);
    for (const statement of fn.iamStatements) statement.resourceIds = statement.resourceIds.map(rename);
    for (const d of [fn.async.onFailure, fn.async.onSuccess, fn.async.deadLetter]) if (d?.target) d.target = rename(d.target);
  }
  if (copy.queue) {
    if (copy.queue.redrive?.target) copy.queue.redrive.target = rename(copy.queue.redrive.target);
    copy.queue.deadLetterFor = copy.queue.deadLetterFor.map(rename);
  }
  return copy;
}

/** An own function whose environment values or IAM resources name a joined node gets that node as a reference. */
function withTextJoins(node: PipelineNode, path: string, graph: JoinGraph, local: Map<string, string>): PipelineNode {
  const fn = node.fn;
  if (!fn) return node;
  const joined = (raw: string): string | undefined => {
    const join = graph.joinOf({ file: path, id: raw });
    return join ? local.get(handleKey(join.to)) : undefined;
  };
  let changed = false;
  const environment = fn.environment.map((env) => {
    const id = env.refs.length === 0 ? joined(env.value) : undefined;
    if (!id) return env;
    changed = true;
    return { ...env, refs: [id] };
  });
  const iamStatements = fn.iamStatements.map((s) => {
    const ids = s.rawResources.map(joined).filter((id): id is string => id !== undefined);
    if (ids.length === 0) return s;
    changed = true;
    return { ...s, resourceIds: [...s.resourceIds, ...ids] };
  });
  return changed ? { ...node, fn: { ...fn, environment, iamStatements } } : node;
}
