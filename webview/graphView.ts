// The drawing: renders the laid-out graph into the viewport, and owns selection, search highlights, clicks and
// keyboard navigation (Tab between nodes, arrows to the nearest node that way, Enter reveals, Escape clears).
import { renderGraphTree } from '../src/core/graph/render';
import type { LaidOutGraph, LaidOutNode } from '../src/core/graph/types';
import { buildSvg } from './svgDom';
import type { Viewport } from './viewport';

export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; id: string } | null;

export interface GraphViewEvents {
  /** The user selected something (click, keyboard). */
  selected(selection: Selection): void;
  reveal(nodeId: string, focusEditor: boolean): void;
}

const ARROWS: Record<string, { x: number; y: number }> = {
  ArrowRight: { x: 1, y: 0 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowDown: { x: 0, y: 1 },
  ArrowUp: { x: 0, y: -1 },
};

export class GraphView {
  private graph: LaidOutGraph | undefined;
  private readonly nodeElements = new Map<string, Element>();
  private readonly edgeElements = new Map<string, Element[]>();
  private selection: Selection = null;
  private matches: string[] = [];
  private matchCursor = -1;

  constructor(
    private readonly viewport: Viewport,
    private readonly events: GraphViewEvents,
  ) {
    const svg = viewport.svg;
    svg.addEventListener('click', (e) => this.onClick(e));
    svg.addEventListener('dblclick', (e) => {
      const id = nodeIdOf(e.target);
      if (id) this.events.reveal(id, true);
    });
    svg.addEventListener('keydown', (e) => this.onKey(e));
    svg.addEventListener('focusin', (e) => {
      const id = nodeIdOf(e.target);
      if (id && !(this.selection?.kind === 'node' && this.selection.id === id)) this.choose({ kind: 'node', id });
    });
  }

  get current(): LaidOutGraph | undefined {
    return this.graph;
  }

  get selected(): Selection {
    return this.selection;
  }

  render(graph: LaidOutGraph): void {
    const focusedId = nodeIdOf(document.activeElement);
    this.graph = graph;
    const drawing = buildSvg(renderGraphTree(graph, { interactive: true, title: 'Pipeline stage graph' }));
    this.viewport.layer.replaceChildren(drawing);
    this.viewport.setContentSize(Number(drawing.getAttribute('width')), Number(drawing.getAttribute('height')));
    this.nodeElements.clear();
    this.edgeElements.clear();
    for (const element of drawing.querySelectorAll('[data-node-id]')) this.nodeElements.set(element.getAttribute('data-node-id') ?? '', element);
    for (const element of drawing.querySelectorAll('[data-edge-id]')) {
      const id = element.getAttribute('data-edge-id') ?? '';
      this.edgeElements.set(id, [...(this.edgeElements.get(id) ?? []), element]);
    }
    if (this.selection && !this.exists(this.selection)) this.selection = null;
    this.paintSelection();
    this.paintMatches();
    if (focusedId) (this.nodeElements.get(focusedId) as SVGElement | undefined)?.focus({ preventScroll: true });
  }

  /** Selection from the host (cursor in the YAML): highlight and pan to it, without echoing it back. */
  select(selection: Selection, scroll: boolean): void {
    if (selection && !this.exists(selection)) selection = null;
    this.selection = selection;
    this.paintSelection();
    if (scroll && selection?.kind === 'node') {
      const node = this.node(selection.id);
      if (node) this.viewport.ensureVisible(node);
    }
  }

  node(id: string): LaidOutNode | undefined {
    return this.graph?.nodes.find((n) => n.id === id);
  }

  /** Highlights nodes whose name or id holds the query; returns how many. */
  search(query: string): number {
    const q = query.trim().toLowerCase();
    this.matches = q ? (this.graph?.nodes ?? []).filter((n) => n.label.toLowerCase().includes(q) || n.id.toLowerCase().includes(q)).map((n) => n.id) : [];
    this.matchCursor = -1;
    this.paintMatches();
    return this.matches.length;
  }

  /** Selects the next (or previous) match and brings it into view. */
  nextMatch(backwards: boolean): void {
    if (this.matches.length === 0) return;
    const n = this.matches.length;
    this.matchCursor = backwards ? (this.matchCursor - 1 + n) % n : (this.matchCursor + 1) % n;
    this.choose({ kind: 'node', id: this.matches[this.matchCursor] });
  }

  focusNode(id: string): void {
    (this.nodeElements.get(id) as SVGElement | undefined)?.focus();
  }

  private exists(selection: NonNullable<Selection>): boolean {
    return selection.kind === 'node' ? this.nodeElements.has(selection.id) : this.edgeElements.has(selection.id);
  }

  private choose(selection: Selection): void {
    this.select(selection, true);
    this.events.selected(selection);
  }

  private paintSelection(): void {
    for (const element of this.viewport.layer.querySelectorAll('.pl-selected')) element.classList.remove('pl-selected');
    if (!this.selection) return;
    const elements = this.selection.kind === 'node' ? [this.nodeElements.get(this.selection.id)] : this.edgeElements.get(this.selection.id) ?? [];
    for (const element of elements) element?.classList.add('pl-selected');
  }

  private paintMatches(): void {
    const matching = new Set(this.matches);
    for (const [id, element] of this.nodeElements) element.classList.toggle('pl-match', matching.has(id));
  }

  private onClick(event: MouseEvent): void {
    if (this.viewport.wasDragged()) return;
    const nodeId = nodeIdOf(event.target);
    if (nodeId) {
      this.choose({ kind: 'node', id: nodeId });
      this.events.reveal(nodeId, false);
      return;
    }
    const edgeId = (event.target as Element | null)?.closest('[data-edge-id]')?.getAttribute('data-edge-id');
    this.choose(edgeId ? { kind: 'edge', id: edgeId } : null);
  }

  private onKey(event: KeyboardEvent): void {
    const id = nodeIdOf(event.target);
    if (event.key === 'Escape') {
      this.choose(null);
      return;
    }
    if (!id) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.events.reveal(id, event.key === 'Enter');
      return;
    }
    const direction = ARROWS[event.key];
    if (!direction) return;
    event.preventDefault();
    const next = this.nearest(id, direction);
    if (next) this.focusNode(next);
  }

  /** The closest node whose centre lies in the arrow's direction (within a 45 degree cone, else any forward). */
  private nearest(fromId: string, direction: { x: number; y: number }): string | undefined {
    const from = this.node(fromId);
    if (!from || !this.graph) return undefined;
    const centre = (n: LaidOutNode) => ({ x: n.x + n.width / 2, y: n.y + n.height / 2 });
    const a = centre(from);
    let best: { id: string; score: number } | undefined;
    for (const node of this.graph.nodes) {
      if (node.id === fromId) continue;
      const b = centre(node);
      const along = (b.x - a.x) * direction.x + (b.y - a.y) * direction.y;
      const across = Math.abs((b.x - a.x) * direction.y + (b.y - a.y) * direction.x);
      if (along <= 0) continue;
      const score = along + across * (across > along ? 4 : 1.5);
      if (!best || score < best.score) best = { id: node.id, score };
    }
    return best?.id;
  }
}

function nodeIdOf(target: EventTarget | null): string | undefined {
  const element = target instanceof Element ? target.closest('[data-node-id]') : null;
  return element?.getAttribute('data-node-id') ?? undefined;
}
