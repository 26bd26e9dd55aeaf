// The joined workspace -> the same `graph` message the stage graph webview draws (ids `file#id`, one group per
// file). No vscode here. Findings are numbered across files; `line` is the line in the finding's own file.
import { ruleDocsUrl } from '../../core/findings';
import { nodeDetails } from '../../core/graph/details';
import type { NodeDetails } from '../../core/graph/types';
import { LineIndex } from '../../core/text/lines';
import type { JoinedWorkspace } from '../../core/workspace';
import { laidOutWorkspaceGraph } from '../../core/workspace/layout';
import type { GraphFinding, GraphMessage } from '../../protocol';
import { pipelineSummaries } from './pipelineSummaries';
import type { LayoutDirection } from '../../core/graph/layout';

export const WORKSPACE_DOCUMENT_URI = 'pipeline-lens:workspace';

/** A finding of the message by its index: which file, and the finding in that file's joined analysis. */
export function workspaceFindingAt(joined: JoinedWorkspace, index: number): { path: string; findingIndex: number } | undefined {
  let offset = 0;
  for (const { path, analysis } of joined.files) {
    if (index < offset + analysis.findings.length) return { path, findingIndex: index - offset };
    offset += analysis.findings.length;
  }
  return undefined;
}

export async function buildWorkspaceGraphMessage(joined: JoinedWorkspace, version: number, direction: LayoutDirection = 'RIGHT'): Promise<GraphMessage> {
  const graph = await laidOutWorkspaceGraph(joined, undefined, direction);
  const findings: GraphFinding[] = [];
  const details: Record<string, NodeDetails> = {};
  for (const { path, analysis } of joined.files) {
    const lines = new LineIndex(analysis.parsed.text);
    for (const f of analysis.findings) {
      findings.push({
        index: findings.length,
        rule: f.rule,
        severity: f.severity,
        message: `${path}: ${f.message}`,
        node: f.node === undefined ? undefined : `${path}#${f.node}`,
        line: lines.positionAt(f.span.start).line,
        docsUrl: ruleDocsUrl(f.rule),
        fixes: f.fixes.map((x) => ({ id: x.id, title: x.title, preferred: x.preferred })),
      });
    }
    for (const [id, d] of Object.entries(nodeDetails(analysis))) details[`${path}#${id}`] = { ...d, facts: [{ label: 'File', value: path }, ...d.facts] };
  }
  // Each finding's index is its place in this list; graph nodes refer to them by index.
  const indexByNode = new Map<string, number[]>();
  findings.forEach((f) => f.node && indexByNode.set(f.node, [...(indexByNode.get(f.node) ?? []), f.index]));
  for (const node of graph.nodes) node.findingIndexes = indexByNode.get(node.id) ?? [];
  for (const edge of graph.edges) edge.findingIndexes = [];
  const files = joined.files.length;
  return {
    type: 'graph',
    version,
    documentUri: WORKSPACE_DOCUMENT_URI,
    fileName: `Workspace (${files} file${files === 1 ? '' : 's'}, ${joined.joins.length} join${joined.joins.length === 1 ? '' : 's'})`,
    graph,
    findings,
    details,
    layout: { direction, choice: direction },
    pipelines: pipelineSummaries(joined),
  };
}
