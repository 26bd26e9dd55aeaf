// Collects nodes, edges and problems while a reader walks a file; `finish()` resolves edges to nodes that were
// only referenced (ARNs, imports) into `external` nodes so every edge has both ends.
import type { EdgeKind, NodeKind, PipelineEdge, PipelineModel, PipelineNode, ReadProblem, Span, Format } from '../model';

export class ModelBuilder {
  private readonly nodes = new Map<string, PipelineNode>();
  private readonly edges: PipelineEdge[] = [];
  private readonly edgeIds = new Set<string>();
  readonly problems: ReadProblem[] = [];
  region?: string;
  name?: string;

  constructor(readonly format: Format) {}

  /** Adds a node, or merges facts into the one already there (first span wins, `defined` wins over referenced). */
  addNode(node: PipelineNode): PipelineNode {
    const existing = this.nodes.get(node.id);
    if (!existing) {
      this.nodes.set(node.id, node);
      return node;
    }
    if (!existing.defined && node.defined) {
      const merged = { ...existing, ...node };
      this.nodes.set(node.id, merged);
      return merged;
    }
    return existing;
  }

  getNode(id: string): PipelineNode | undefined {
    return this.nodes.get(id);
  }

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  allNodes(): PipelineNode[] {
    return [...this.nodes.values()];
  }

  /** Edges added so far (readers use it to avoid duplicates, e.g. a Permission behind an existing trigger). */
  allEdges(): readonly PipelineEdge[] {
    return this.edges;
  }

  /** Adds an edge; a second edge of the same kind between the same nodes gets a numbered id. */
  addEdge(edge: Omit<PipelineEdge, 'id'>): PipelineEdge {
    const base = `${edge.kind}:${edge.from}->${edge.to}`;
    let id = base;
    for (let n = 2; this.edgeIds.has(id); n++) id = `${base}#${n}`;
    this.edgeIds.add(id);
    const full: PipelineEdge = { id, ...edge };
    this.edges.push(full);
    return full;
  }

  problem(rule: ReadProblem['rule'], message: string, span: Span, node?: string): void {
    this.problems.push({ rule, message, span, node });
  }

  /** An external node for something referenced but defined elsewhere (e.g. an ARN string). */
  external(id: string, kind: NodeKind, span: Span, label = id): PipelineNode {
    return this.addNode({ id, kind, label, span, defined: false });
  }

  finish(): PipelineModel {
    for (const edge of this.edges) {
      for (const end of [edge.from, edge.to]) {
        if (!this.nodes.has(end)) this.external(end, 'external', edge.span);
      }
    }
    return {
      format: this.format,
      nodes: [...this.nodes.values()],
      edges: this.edges,
      problems: this.problems,
      region: this.region,
      name: this.name,
    };
  }
}

export type { EdgeKind };
