// The stage graph as drawn: nodes and edges with the facts a reader needs at a glance, first without coordinates
// (StageGraph), then laid out by ELK (LaidOutGraph). Plain data: it crosses the webview boundary as JSON.
import type { EdgeKind, NodeKind, Span } from '../model';
import type { Severity } from '../findings';

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

/** What a function node shows under its name (from the analysis' FunctionReport). */
export interface FunctionSummary {
  costPerDayUsd: number | null;
  concurrencyExpected: number | null;
  concurrencyCap: number;
  capReason: string;
  memoryMb: number;
  timeoutS: number;
}

export interface GraphNode {
  id: string;
  kind: NodeKind;
  /** Full name; the renderer shortens it to fit and keeps the full text as a tooltip. */
  label: string;
  /** One line under the name: kind in words, or cost/concurrency for functions. */
  subtitle: string;
  /** False for things referenced but defined elsewhere (drawn dashed). */
  defined: boolean;
  /** CloudFormation condition: the node exists only when it holds. */
  conditional: boolean;
  fn?: FunctionSummary;
  findings: FindingCounts;
  worst?: Severity;
  /** Indexes into Analysis.findings (the protocol refers to findings by index). */
  findingIndexes: number[];
  /** Where the node is named in the YAML: a click reveals it. */
  span: Span;
  width: number;
  height: number;
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  /** What matters about this edge, e.g. "batch 100 · 4 shards × PF 1", "async · 2 retries", "DLQ after 5". */
  label: string;
  /** Exists only under a CloudFormation condition (edge or one of its ends): drawn dashed. */
  conditional: boolean;
  /** An asynchronous trigger straight into a function: a buffer queue can be inserted. */
  bufferable: boolean;
  worst?: Severity;
  findingIndexes: number[];
  span: Span;
  /** Workspace graph: how a cross-file edge was joined, in words (its tooltip and the side panel say it). */
  joinedHow?: string;
}

export interface StageGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidOutNode extends GraphNode {
  x: number;
  y: number;
}

export interface LaidOutEdge extends GraphEdge {
  /** Polyline(s) from source to target, orthogonal; usually one. */
  sections: Point[][];
  /** Where the label goes (absent when the label is empty). */
  labelBox?: Box;
}

/** A box around the nodes of one file (the workspace graph draws each file as a group). */
export interface LaidOutGroup extends Box {
  id: string;
  label: string;
}

export interface LaidOutGraph {
  width: number;
  height: number;
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  /** Drawn behind the nodes: one per file in the workspace graph; absent for one file. */
  groups?: LaidOutGroup[];
}

/** One line of the side panel: "Memory: 1024 MB". */
export interface Fact {
  label: string;
  value: string;
}

/** What the side panel lists for a selected node: its facts and the hints behind its numbers. */
export interface NodeDetails {
  facts: Fact[];
  /** Sentences like "Load unknown: declare rate and duration under custom.pipelineLens to see cost." */
  hints: string[];
}
