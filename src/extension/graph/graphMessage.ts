// Analysis -> the `graph` message for the webview: laid-out graph, findings with their fixes, node details.
// No vscode here (unit-tested directly); layout is async so the host stays responsive.
import type { Analysis } from '../../core/analyze';
import { ruleDocsUrl, type Finding } from '../../core/findings';
import { computeFix } from '../../core/fixes/index';
import { buildStageGraph } from '../../core/graph/build';
import { nodeDetails } from '../../core/graph/details';
import { layoutStageGraph, type LayoutOptionsInput } from '../../core/graph/layout';
import type { StageGraph } from '../../core/graph/types';
import { LineIndex } from '../../core/text/lines';
import type { GraphFinding, GraphMessage, LayoutChoice } from '../../protocol';

export const BUFFER_FIX_ID = 'insert-buffer-queue';

export async function buildGraphMessage(
  analysis: Analysis,
  version: number,
  document: { uri: string; fileName: string },
  options: LayoutOptionsInput & { choice?: LayoutChoice } = {},
): Promise<GraphMessage> {
  const stage = buildStageGraph(analysis);
  markBufferableEdges(stage, analysis);
  const graph = await layoutStageGraph(stage, options);
  const lines = new LineIndex(analysis.parsed.text);
  return {
    type: 'graph',
    version,
    documentUri: document.uri,
    fileName: document.fileName,
    graph,
    findings: analysis.findings.map((f, index) => toGraphFinding(f, index, lines)),
    details: nodeDetails(analysis),
    layout: { direction: options.direction ?? 'RIGHT', choice: options.choice ?? 'auto' },
  };
}

function toGraphFinding(finding: Finding, index: number, lines: LineIndex): GraphFinding {
  return {
    index,
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    node: finding.node,
    edge: finding.edge,
    line: lines.positionAt(finding.span.start).line,
    docsUrl: ruleDocsUrl(finding.rule),
    fixes: finding.fixes.map((f) => ({ id: f.id, title: f.title, preferred: f.preferred })),
  };
}

/** An async trigger edge offers "insert buffer queue" only when the core can make that edit safely here. */
function markBufferableEdges(stage: StageGraph, analysis: Analysis): void {
  for (const edge of stage.edges) {
    if (edge.bufferable) edge.bufferable = bufferQueueFinding(analysis, edge.id) !== undefined;
  }
}

/**
 * The finding to hand to the buffer-queue fix for an edge: the edge's own async-without-buffer finding, or (when the
 * edge is already caught by a DLQ and so has none) an equivalent one, since a buffer still helps absorb bursts.
 */
export function bufferQueueFinding(analysis: Analysis, edgeId: string): Finding | undefined {
  const own = analysis.findings.find((f) => f.edge === edgeId && f.rule === 'async-without-buffer');
  const edge = analysis.model.edges.find((e) => e.id === edgeId);
  if (!edge) return undefined;
  const finding: Finding = own ?? {
    rule: 'async-without-buffer',
    severity: 'info',
    message: '',
    node: edge.to,
    edge: edge.id,
    span: edge.span,
    related: [],
    fixes: [],
  };
  return computeFix(analysis, finding, BUFFER_FIX_ID) ? finding : undefined;
}
