// Laid-out graph -> SVG render tree (plain data; see svgTree.ts). Classes carry the look (style.ts); data-node-id /
// data-edge-id let the webview map clicks back. Text stays text: labels are string children, never markup.
import type { LaidOutEdge, LaidOutGraph, LaidOutGroup, LaidOutNode, Point } from './types';
import { el, type SvgChild, type SvgElement } from './svgTree';
import { GRAPH_CSS } from './style';
import { KIND_ICONS } from './icons';
import { kindWords } from './labels';
import { EDGE_LABEL_LINE_HEIGHT, LABEL_MAX_CHARS, SUBTITLE_MAX_CHARS, fitText, wrapLabel } from './text';

export interface RenderOptions {
  /** Node drawn as selected. */
  selectedId?: string;
  /** Embed the stylesheet and a background (standalone SVG for the CLI and exports). */
  standalone?: boolean;
  /** Accessible name of the whole drawing. */
  title?: string;
  /** Add wide invisible strokes so thin edges are easy to click (webview only). */
  interactive?: boolean;
}

const ARROW_VARIANTS = ['', 'error', 'warning', 'info'] as const;
const EMPTY_SIZE = { width: 320, height: 80 };

export function renderGraphTree(graph: LaidOutGraph, options: RenderOptions = {}): SvgElement {
  const empty = graph.nodes.length === 0;
  const width = empty ? EMPTY_SIZE.width : graph.width;
  const height = empty ? EMPTY_SIZE.height : graph.height;
  const children: SvgChild[] = [el('title', {}, [options.title ?? 'Pipeline stage graph'])];
  if (options.standalone) {
    children.push(el('style', {}, [GRAPH_CSS]));
    children.push(el('rect', { class: 'pl-background', x: 0, y: 0, width, height }));
  }
  children.push(el('defs', {}, ARROW_VARIANTS.map(arrowMarker)));
  if (empty) {
    children.push(el('text', { class: 'pl-empty', x: 24, y: 44 }, ['No pipeline stages found in this file.']));
  } else {
    if (graph.groups?.length) children.push(el('g', { class: 'pl-groups' }, graph.groups.map(renderGroup)));
    children.push(el('g', { class: 'pl-edges' }, graph.edges.map((e) => renderEdge(e, options.interactive === true))));
    children.push(el('g', { class: 'pl-edge-labels' }, graph.edges.flatMap(renderEdgeLabel)));
    children.push(el('g', { class: 'pl-nodes' }, graph.nodes.map((n) => renderNode(n, n.id === options.selectedId))));
  }
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'pl-graph',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
    },
    children,
  );
}

/** A file's box in the workspace graph, its path as the title in the top-left corner. */
function renderGroup(group: LaidOutGroup): SvgElement {
  return el('g', { class: 'pl-group', 'data-group-id': group.id }, [
    el('title', {}, [group.label]),
    el('rect', { class: 'pl-group-box', x: group.x, y: group.y, width: group.width, height: group.height, rx: 8 }),
    el('text', { class: 'pl-group-label', x: group.x + 10, y: group.y + 17 }, [fitText(group.label, Math.max(12, Math.floor(group.width / 7)))]),
  ]);
}

function arrowMarker(variant: (typeof ARROW_VARIANTS)[number]): SvgElement {
  const suffix = variant ? `-${variant}` : '';
  return el(
    'marker',
    { id: `pl-arrow${suffix}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
    [el('path', { class: `pl-arrow${suffix}`, d: 'M0 0L10 5L0 10z' })],
  );
}

function pathData(points: Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join('');
}

function renderEdge(edge: LaidOutEdge, interactive: boolean): SvgElement {
  const classes = ['pl-edge', `pl-edge-${edge.kind}`];
  if (edge.worst) classes.push(`pl-sev-${edge.worst}`);
  if (edge.conditional) classes.push('pl-conditional');
  const marker = `url(#pl-arrow${edge.worst ? `-${edge.worst}` : ''})`;
  const lines = edge.sections.map((points, i) =>
    el('path', { class: 'pl-edge-line', d: pathData(points), 'marker-end': i === edge.sections.length - 1 ? marker : undefined }),
  );
  const hits = interactive ? edge.sections.map((points) => el('path', { class: 'pl-edge-hit', d: pathData(points) })) : [];
  const title = `${edge.from} → ${edge.to} (${edge.kind})${edge.label ? `: ${edge.label}` : ''}${edge.joinedHow ? `\n${edge.joinedHow}` : ''}`;
  return el('g', { class: classes.join(' '), 'data-edge-id': edge.id }, [el('title', {}, [title]), ...hits, ...lines]);
}

function renderEdgeLabel(edge: LaidOutEdge): SvgElement[] {
  const box = edge.labelBox;
  if (!box || !edge.label) return [];
  return [
    el('g', { class: 'pl-edge-label-group', 'data-edge-id': edge.id }, [
      el('rect', { class: 'pl-edge-label-bg', x: box.x, y: box.y, width: box.width, height: box.height, rx: 3 }),
      el(
        'text',
        { class: 'pl-edge-label', 'text-anchor': 'middle' },
        wrapLabel(edge.label).map((line, i) =>
          el('tspan', { x: box.x + box.width / 2, y: box.y + (i + 1) * EDGE_LABEL_LINE_HEIGHT - 3 }, [line]),
        ),
      ),
    ]),
  ];
}

function renderNode(node: LaidOutNode, selected: boolean): SvgElement {
  const classes = ['pl-node', `pl-kind-${node.kind}`];
  if (node.worst) classes.push(`pl-sev-${node.worst}`);
  if (!node.defined) classes.push('pl-undefined');
  if (node.conditional) classes.push('pl-conditional');
  if (selected) classes.push('pl-selected');
  const over = node.fn && node.fn.concurrencyExpected !== null && node.fn.concurrencyExpected > node.fn.concurrencyCap;
  const total = node.findings.error + node.findings.warning + node.findings.info;
  const children: SvgChild[] = [
    el('title', {}, [`${node.label} (${kindWords(node.kind)})`]),
    el('rect', { class: 'pl-node-box', x: 0, y: 0, width: node.width, height: node.height, rx: 6 }),
    el('path', { class: 'pl-icon', d: KIND_ICONS[node.kind], transform: `translate(10 ${node.height / 2 - 8})` }),
    el('text', { class: 'pl-label', x: 34, y: 20 }, [fitText(node.label, LABEL_MAX_CHARS)]),
    el('text', { class: over ? 'pl-subtitle pl-over' : 'pl-subtitle', x: 34, y: 37 }, [fitText(node.subtitle, SUBTITLE_MAX_CHARS)]),
  ];
  if (node.worst) {
    children.push(
      el('g', { class: `pl-badge pl-sev-${node.worst}`, transform: `translate(${node.width - 14} 14)` }, [
        el('circle', { cx: 0, cy: 0, r: 8 }),
        el('text', { x: 0, y: 3.5, 'text-anchor': 'middle' }, [String(total)]),
      ]),
    );
  }
  const findingsWords = total === 0 ? 'no findings' : `${total} finding${total === 1 ? '' : 's'}`;
  return el(
    'g',
    {
      class: classes.join(' '),
      'data-node-id': node.id,
      transform: `translate(${node.x} ${node.y})`,
      tabindex: 0,
      role: 'button',
      'aria-label': `${node.label}, ${kindWords(node.kind)}, ${node.subtitle}, ${findingsWords}`,
    },
    children,
  );
}
