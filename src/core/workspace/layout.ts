// The workspace graph laid out by ELK with one compound node per file (its stages inside), edges routed across
// files at the root (hierarchy handling INCLUDE_CHILDREN), and coordinates made absolute for the renderer.
// elkjs itself is loaded on the first layout (sharedLayouter), so nothing else pays for it.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { sharedLayouter, type ElkLayouter, type LayoutDirection } from '../graph/layout';
import type { Box, LaidOutEdge, LaidOutGraph, LaidOutGroup, LaidOutNode, Point, StageGraph } from '../graph/types';
import { EDGE_LABEL_LINE_HEIGHT, textWidth, wrapLabel } from '../graph/text';
import { buildStageGraph } from '../graph/build';
import { renderGraphTree } from '../graph/render';
import { serializeSvg } from '../graph/svgTree';
import { mergedGraphInput } from './mergedInput';
import type { JoinedWorkspace } from './workspace';

const GROUP_PADDING = '[top=30,left=14,bottom=14,right=14]';

const round = (v: number) => Math.round(v * 10) / 10;
const roundPoint = (p: Point): Point => ({ x: round(p.x), y: round(p.y) });

/** `fileOf` names each node's file (the group it is drawn in). */
export async function layoutWorkspaceGraph(graph: StageGraph, fileOf: (nodeId: string) => string, elk?: ElkLayouter, direction: LayoutDirection = 'RIGHT'): Promise<LaidOutGraph> {
  const files = new Map<string, ElkNode[]>();
  for (const node of graph.nodes) {
    const file = fileOf(node.id);
    if (!files.has(file)) files.set(file, []);
    files.get(file)!.push({ id: node.id, width: node.width, height: node.height });
  }
  const groupIds = new Map([...files.keys()].map((file, i) => [file, `\u0000group${i}`]));
  const edges: ElkExtendedEdge[] = graph.edges.map((edge) => {
    const lines = wrapLabel(edge.label);
    const labels = lines.length
      ? [{ id: `${edge.id}\u0000label`, text: edge.label, width: Math.max(...lines.map((l) => textWidth(l, 'small'))) + 8, height: lines.length * EDGE_LABEL_LINE_HEIGHT + 2 }]
      : [];
    // Events flow left to right. A read from another file's store is laid out store -> reader (the way the data
    // goes), else a consumer reading a table of the file that feeds it makes the two files a cycle that ELK can
    // only route around the whole graph; its points are turned back for drawing.
    const reversed = edge.kind === 'read' && fileOf(edge.from) !== fileOf(edge.to);
    const layoutOptions = edge.kind === 'trigger' ? { 'elk.layered.priority.direction': '10' } : undefined;
    return { id: edge.id, sources: [reversed ? edge.to : edge.from], targets: [reversed ? edge.from : edge.to], labels, layoutOptions };
  });
  const reversedIds = new Set(graph.edges.filter((e) => e.kind === 'read' && fileOf(e.from) !== fileOf(e.to)).map((e) => e.id));
  const root: ElkNode = {
    id: '\u0000root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.padding': '[top=24,left=24,bottom=24,right=24]',
      'elk.spacing.nodeNode': '28',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.componentComponent': '40',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.thoroughness': graph.nodes.length > 150 ? '1' : '5',
    },
    children: [...files].map(([file, children]) => ({ id: groupIds.get(file)!, layoutOptions: { 'elk.padding': GROUP_PADDING }, children })),
    edges,
  };
  const result = await (elk ?? (await sharedLayouter())).layout(root);
  return fromElk(graph, result, [...groupIds].map(([file, id]) => ({ file, id })), reversedIds);
}

function fromElk(graph: StageGraph, result: ElkNode, groupFiles: { file: string; id: string }[], reversedIds: Set<string>): LaidOutGraph {
  const absolute = new Map<string, { x: number; y: number; node: ElkNode }>();
  const walk = (node: ElkNode, dx: number, dy: number) => {
    for (const child of node.children ?? []) {
      const x = dx + (child.x ?? 0);
      const y = dy + (child.y ?? 0);
      absolute.set(child.id, { x, y, node: child });
      walk(child, x, y);
    }
  };
  walk(result, 0, 0);
  // Edge coordinates are relative to the node that holds the edge (the root, or a file's group for its own edges).
  const routed = new Map<string, { edge: ElkExtendedEdge; dx: number; dy: number }>();
  const collect = (node: ElkNode, dx: number, dy: number) => {
    for (const e of node.edges ?? []) routed.set(e.id, { edge: e as ElkExtendedEdge, dx, dy });
    for (const child of node.children ?? []) {
      const at = absolute.get(child.id)!;
      collect(child, at.x, at.y);
    }
  };
  collect(result, 0, 0);
  const nodes: LaidOutNode[] = graph.nodes.map((n) => {
    const at = absolute.get(n.id);
    return { ...n, x: round(at?.x ?? 0), y: round(at?.y ?? 0) };
  });
  const edges: LaidOutEdge[] = graph.edges.map((e) => {
    const found = routed.get(e.id);
    const container = found?.edge.container ? absolute.get(found.edge.container) : undefined;
    const dx = container ? container.x : (found?.dx ?? 0);
    const dy = container ? container.y : (found?.dy ?? 0);
    const routedSections = (found?.edge.sections ?? []).map((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => roundPoint({ x: p.x + dx, y: p.y + dy })));
    // A reversed edge was laid out target -> source: draw it from its source again (the arrow at the store).
    const sections = reversedIds.has(e.id) ? routedSections.map((points) => [...points].reverse()).reverse() : routedSections;
    const label = found?.edge.labels?.[0];
    const labelBox: Box | undefined =
      label && e.label ? { x: round((label.x ?? 0) + dx), y: round((label.y ?? 0) + dy), width: round(label.width ?? 0), height: round(label.height ?? 0) } : undefined;
    return { ...e, sections, labelBox };
  });
  const groups: LaidOutGroup[] = groupFiles.map(({ file, id }) => {
    const at = absolute.get(id);
    return { id: file, label: file, x: round(at?.x ?? 0), y: round(at?.y ?? 0), width: round(at?.node.width ?? 0), height: round(at?.node.height ?? 0) };
  });
  return { width: round(result.width ?? 0), height: round(result.height ?? 0), nodes, edges, groups };
}

/** Build and lay out the workspace graph, each file a group. */
export async function laidOutWorkspaceGraph(joined: JoinedWorkspace, elk?: ElkLayouter, direction: LayoutDirection = 'RIGHT'): Promise<LaidOutGraph> {
  const input = mergedGraphInput(joined);
  const stage = buildStageGraph(input);
  // Cross-file edges say how they were joined.
  for (const edge of stage.edges) {
    const crossing = joined.graph.edges[Number(/^ws(\d+):/.exec(edge.id)?.[1])];
    if (crossing?.via) edge.label = edge.label ? `${edge.label} · via ${crossing.via}` : `via ${crossing.via}`;
    if (crossing?.how) edge.joinedHow = crossing.how;
  }
  return layoutWorkspaceGraph(stage, (id) => input.fileOf.get(id) ?? '', elk, direction);
}

/** The standalone SVG of the workspace graph (CLI `graph <dir> --workspace --format svg`). */
export async function workspaceGraphSvg(joined: JoinedWorkspace): Promise<string> {
  const tree = renderGraphTree(await laidOutWorkspaceGraph(joined), { standalone: true, title: 'Pipeline workspace graph' });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeSvg(tree)}\n`;
}

