// Stage graph -> coordinates, with ELK's layered algorithm: left to right or top to bottom, one port per edge end
// (out on the side facing the flow, in on the opposite side), orthogonal routes around nodes, labels placed by ELK
// so they never overlap.
// Async; callers may pass their own ELK (e.g. one running in a worker thread) so layout never blocks the host.
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { Box, LaidOutEdge, LaidOutGraph, LaidOutNode, Point, StageGraph } from './types';
import { EDGE_LABEL_LINE_HEIGHT, textWidth, wrapLabel } from './text';

/** The one method we use, so a worker-backed ELK can stand in. */
export interface ElkLayouter {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** Which way data flows on screen: RIGHT (wide views) or DOWN (narrow, tall views such as a side panel). */
export type LayoutDirection = 'RIGHT' | 'DOWN';

export const LAYOUT_DIRECTIONS: readonly LayoutDirection[] = ['RIGHT', 'DOWN'];

export interface LayoutOptionsInput {
  elk?: ElkLayouter;
  /** Default RIGHT. */
  direction?: LayoutDirection;
}

type PortSide = 'EAST' | 'WEST' | 'NORTH' | 'SOUTH';

/** Edges leave a node on the side facing the flow and enter on the opposite side. */
const PORT_SIDES: Record<LayoutDirection, { out: PortSide; in: PortSide }> = {
  RIGHT: { out: 'EAST', in: 'WEST' },
  DOWN: { out: 'SOUTH', in: 'NORTH' },
};


const EDGE_LABEL_PADDING = 8;
/** Above this many nodes, crossing minimisation does fewer passes: big graphs stay under a second. */
const LARGE_GRAPH_NODES = 150;

let sharedElk: ElkLayouter | undefined;

/**
 * elkjs (1.5 MB minified) is loaded on the first layout, not with this module: `check`, `--version` and anything
 * that never draws a graph must not pay for parsing it. The bundles keep it in a file of its own (build/esbuild.mjs).
 */
export async function sharedLayouter(): Promise<ElkLayouter> {
  return (sharedElk ??= await loadElk());
}

async function loadElk(): Promise<ElkLayouter> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  return new ELK();
}

export async function layoutStageGraph(graph: StageGraph, options: LayoutOptionsInput = {}): Promise<LaidOutGraph> {
  const elk = options.elk ?? (await sharedLayouter());
  const result = await elk.layout(toElk(graph, options.direction ?? 'RIGHT'));
  return fromElk(graph, result);
}

function rootOptions(nodeCount: number, direction: LayoutDirection): LayoutOptions {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': direction,
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.padding': '[top=24,left=24,bottom=24,right=24]',
    'elk.spacing.nodeNode': '28',
    'elk.spacing.edgeNode': '18',
    'elk.spacing.edgeEdge': '12',
    'elk.spacing.edgeLabel': '4',
    'elk.spacing.componentComponent': '48',
    'elk.layered.spacing.nodeNodeBetweenLayers': '64',
    'elk.layered.spacing.edgeNodeBetweenLayers': '20',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
    'elk.edgeLabels.placement': 'CENTER',
    // Keep the file's order where ELK has a free choice, so an edit moves as little as possible.
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.thoroughness': nodeCount > LARGE_GRAPH_NODES ? '1' : '7',
  };
}

function toElk(graph: StageGraph, direction: LayoutDirection): ElkNode {
  const sides = PORT_SIDES[direction];
  const ports = new Map<string, { id: string; layoutOptions: LayoutOptions }[]>();
  const addPort = (nodeId: string, portId: string, side: PortSide) => {
    const list = ports.get(nodeId) ?? [];
    list.push({ id: portId, layoutOptions: { 'elk.port.side': side } });
    ports.set(nodeId, list);
  };
  const edges: ElkExtendedEdge[] = graph.edges.map((edge) => {
    const out = `${edge.id}\u0000out`;
    const into = `${edge.id}\u0000in`;
    addPort(edge.from, out, sides.out);
    addPort(edge.to, into, sides.in);
    const lines = wrapLabel(edge.label);
    const labels = lines.length
      ? [
          {
            id: `${edge.id}\u0000label`,
            text: edge.label,
            width: Math.max(...lines.map((line) => textWidth(line, 'small'))) + EDGE_LABEL_PADDING,
            height: lines.length * EDGE_LABEL_LINE_HEIGHT + 2,
          },
        ]
      : [];
    return { id: edge.id, sources: [out], targets: [into], labels };
  });
  return {
    id: '\u0000root',
    layoutOptions: rootOptions(graph.nodes.length, direction),
    children: graph.nodes.map((node) => ({
      id: node.id,
      width: node.width,
      height: node.height,
      ports: ports.get(node.id) ?? [],
      layoutOptions: { 'elk.portConstraints': 'FIXED_SIDE' },
    })),
    edges,
  };
}

function fromElk(graph: StageGraph, result: ElkNode): LaidOutGraph {
  const placed = new Map((result.children ?? []).map((c) => [c.id, c]));
  const routed = new Map((result.edges ?? []).map((e) => [e.id, e as ElkExtendedEdge]));
  const nodes: LaidOutNode[] = graph.nodes.map((node) => {
    const elkNode = placed.get(node.id);
    return { ...node, x: round(elkNode?.x ?? 0), y: round(elkNode?.y ?? 0) };
  });
  const edges: LaidOutEdge[] = graph.edges.map((edge) => {
    const elkEdge = routed.get(edge.id);
    const sections = (elkEdge?.sections ?? []).map((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map(roundPoint));
    const label = elkEdge?.labels?.[0];
    const labelBox: Box | undefined =
      label && edge.label
        ? { x: round(label.x ?? 0), y: round(label.y ?? 0), width: round(label.width ?? 0), height: round(label.height ?? 0) }
        : undefined;
    return { ...edge, sections, labelBox };
  });
  return { width: round(result.width ?? 0), height: round(result.height ?? 0), nodes, edges };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function roundPoint(p: Point): Point {
  return { x: round(p.x), y: round(p.y) };
}
