// Pipeline totals: the workspace's connected pipelines (nodes linked by any edge, across files), each with its
// cost per day and its busiest stage (the highest expected concurrency against its cap).
import type { Analysis } from '../analyze';
import { handleKey, type JoinGraph } from './graph';
import type { NodeHandle } from './join';
import { textJoinEdges } from './textEdges';
import type { WorkspaceFile } from './view';

export interface PipelineTotal {
  files: string[];
  functions: number;
  /** Sum over the functions whose load is known. */
  costPerDayUsd: number;
  /** Functions with no known load (not in the sum). */
  functionsWithoutLoad: number;
  busiest?: { file: string; id: string; expected: number; cap: number; capReason: string };
  /** The function with the lowest concurrency cap below the account limit: where the pipeline falls behind first,
   * known even without load. */
  lowestCap?: { file: string; id: string; cap: number; capReason: string };
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let at = key;
    while (at !== root) {
      const next = this.parent.get(at) ?? root;
      this.parent.set(at, root);
      at = next;
    }
    if (!this.parent.has(root)) this.parent.set(root, root);
    return root;
  }
  union(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

export function pipelineTotals(results: { path: string; analysis: Analysis }[], files: Map<string, WorkspaceFile>, graph: JoinGraph): PipelineTotal[] {
  const sets = new UnionFind();
  const keyOf = (h: NodeHandle) => handleKey(graph.canonical(h));
  for (const [path, { model }] of files) {
    for (const e of model.edges) sets.union(keyOf({ file: path, id: e.from }), keyOf({ file: path, id: e.to }));
    for (const e of textJoinEdges(path, model, graph)) sets.union(keyOf(e.from), handleKey(e.to));
  }
  const totals = new Map<string, PipelineTotal & { fileSet: Set<string> }>();
  for (const { path, analysis } of results) {
    for (const report of analysis.functions) {
      const root = sets.find(keyOf({ file: path, id: report.id }));
      let total = totals.get(root);
      if (!total) totals.set(root, (total = { files: [], fileSet: new Set(), functions: 0, costPerDayUsd: 0, functionsWithoutLoad: 0 }));
      total.fileSet.add(path);
      total.functions++;
      if (report.cost) total.costPerDayUsd += report.cost.perDayUsd;
      else total.functionsWithoutLoad++;
      const { expected, cap, capReason } = report.concurrency;
      if (expected !== null && (!total.busiest || expected / cap > total.busiest.expected / total.busiest.cap)) {
        total.busiest = { file: path, id: report.id, expected, cap, capReason };
      }
      // A cap at the account limit (or an SQS poller ceiling as high) says nothing about this pipeline.
      const binding = cap < analysis.settings.accountConcurrencyLimit;
      if (binding && (!total.lowestCap || cap < total.lowestCap.cap)) total.lowestCap = { file: path, id: report.id, cap, capReason };
    }
  }
  return [...totals.values()]
    .map(({ fileSet, ...total }) => ({ ...total, files: [...fileSet], costPerDayUsd: Math.round(total.costPerDayUsd * 100) / 100 }))
    .sort((a, b) => b.costPerDayUsd - a.costPerDayUsd || b.functions - a.functions);
}
