// Model + findings + function reports -> the stage graph (no coordinates). Edges keep the model's direction:
// the way data flows (source -> function -> sink).
import type { PipelineEdge, PipelineModel, PipelineNode } from '../model';
import type { Finding, Severity } from '../findings';
import type { FunctionReport } from '../report';
import type { FindingCounts, FunctionSummary, GraphEdge, GraphNode, StageGraph } from './types';
import { edgeLabel, functionSubtitle, nodeSubtitle } from './labels';
import { LABEL_MAX_CHARS, SUBTITLE_MAX_CHARS, fitText, textWidth } from './text';

/** The parts of an Analysis the graph reads (so tests can hand-build them). */
export interface GraphInput {
  model: PipelineModel;
  findings: readonly Finding[];
  functions: readonly FunctionReport[];
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];
export const NODE_MIN_WIDTH = 150;
export const NODE_HEIGHT = 48;
/** Room for the icon on the left and the finding badge on the right. */
const NODE_TEXT_INSET = 36 + 30;

export function buildStageGraph(input: GraphInput): StageGraph {
  const { model, findings } = input;
  const reports = new Map(input.functions.map((r) => [r.id, r]));
  const nodeIds = new Set(model.nodes.map((n) => n.id));
  const conditionalNodes = new Set(model.nodes.filter((n) => n.condition).map((n) => n.id));
  const nodes = model.nodes.map((node) => toGraphNode(node, reports.get(node.id), findings));
  const edges = model.edges
    .filter((e) => nodeIds.has(e.from) && nodeIds.has(e.to))
    .map((edge) => toGraphEdge(edge, model, findings, conditionalNodes));
  return { nodes, edges };
}

function toGraphNode(node: PipelineNode, report: FunctionReport | undefined, findings: readonly Finding[]): GraphNode {
  const fn = node.kind === 'function' ? summarize(report) : undefined;
  const subtitle = node.kind === 'function' ? functionSubtitle(fn) : nodeSubtitle(node);
  const findingIndexes = indexesWhere(findings, (f) => f.node === node.id);
  const counts = countBySeverity(findings, findingIndexes);
  const widest = Math.max(textWidth(fitText(node.label, LABEL_MAX_CHARS)), textWidth(fitText(subtitle, SUBTITLE_MAX_CHARS), 'small'));
  return {
    id: node.id,
    kind: node.kind,
    label: node.label,
    subtitle,
    defined: node.defined,
    conditional: node.condition !== undefined,
    fn,
    findings: counts,
    worst: worstOf(counts),
    findingIndexes,
    span: node.span,
    width: Math.max(NODE_MIN_WIDTH, widest + NODE_TEXT_INSET),
    height: NODE_HEIGHT,
  };
}

function summarize(report: FunctionReport | undefined): FunctionSummary | undefined {
  if (!report) return undefined;
  return {
    costPerDayUsd: report.cost ? report.cost.perDayUsd : null,
    concurrencyExpected: report.concurrency.expected,
    concurrencyCap: report.concurrency.cap,
    capReason: report.concurrency.capReason,
    memoryMb: report.memoryMb,
    timeoutS: report.timeoutS,
  };
}

function toGraphEdge(
  edge: PipelineEdge,
  model: PipelineModel,
  findings: readonly Finding[],
  conditionalNodes: Set<string>,
): GraphEdge {
  const findingIndexes = indexesWhere(findings, (f) => f.edge === edge.id);
  const target = model.nodes.find((n) => n.id === edge.to);
  return {
    id: edge.id,
    from: edge.from,
    to: edge.to,
    kind: edge.kind,
    label: edgeLabel(edge, model),
    conditional: edge.condition !== undefined || conditionalNodes.has(edge.from) || conditionalNodes.has(edge.to),
    bufferable: edge.kind === 'trigger' && edge.trigger?.invocation === 'async' && target?.kind === 'function',
    worst: worstOf(countBySeverity(findings, findingIndexes)),
    findingIndexes,
    span: edge.span,
  };
}

function indexesWhere(findings: readonly Finding[], keep: (f: Finding) => boolean): number[] {
  const out: number[] = [];
  findings.forEach((f, i) => {
    if (keep(f)) out.push(i);
  });
  return out;
}

function countBySeverity(findings: readonly Finding[], indexes: number[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const i of indexes) counts[findings[i].severity]++;
  return counts;
}

function worstOf(counts: FindingCounts): Severity | undefined {
  return SEVERITY_ORDER.find((s) => counts[s] > 0);
}
