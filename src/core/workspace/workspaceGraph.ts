// The workspace as one graph (CONTRACT.md section 6): every file's nodes except references joined to another
// file's node, and every edge with its ends moved to the nodes they stand for; cross-file edges say how they joined.
import type { EdgeKind, NodeKind } from '../model';
import type { JoinGraph } from './graph';
import type { Join } from './join';
import type { JoinVia } from './references';
import { textJoinEdges } from './textEdges';
import type { WorkspaceFile } from './view';

export interface WorkspaceGraphNode {
  id: string;
  file: string;
  kind: NodeKind;
  label: string;
}

export interface WorkspaceGraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  fromFile: string;
  toFile: string;
  /** How a cross-file edge was joined; absent within one file. */
  via?: JoinVia;
  /** The join in words (edge tooltip). */
  how?: string;
}

export interface WorkspaceGraph {
  nodes: WorkspaceGraphNode[];
  edges: WorkspaceGraphEdge[];
}

export function workspaceGraph(files: Map<string, WorkspaceFile>, graph: JoinGraph): WorkspaceGraph {
  const nodes: WorkspaceGraphNode[] = [];
  const edges: WorkspaceGraphEdge[] = [];
  for (const [path, { model }] of files) {
    for (const node of model.nodes) {
      if (!graph.joinOf({ file: path, id: node.id })) nodes.push({ id: node.id, file: path, kind: node.kind, label: node.label });
    }
    const push = (fromId: string, toId: string, kind: EdgeKind, textJoin?: Join) => {
      const from = graph.canonical({ file: path, id: fromId });
      const to = textJoin?.to ?? graph.canonical({ file: path, id: toId });
      const join = textJoin ?? graph.joinOf({ file: path, id: fromId }) ?? graph.joinOf({ file: path, id: toId });
      const crosses = from.file !== to.file;
      edges.push({
        from: from.id,
        to: to.id,
        kind,
        fromFile: from.file,
        toFile: to.file,
        ...(crosses && join ? { via: join.via, how: join.how } : {}),
      });
    };
    for (const edge of model.edges) push(edge.from, edge.to, edge.kind);
    for (const edge of textJoinEdges(path, model, graph)) push(edge.from.id, edge.to.id, edge.kind, edge.join);
  }
  return { nodes, edges };
}
