// `check --workspace --format json`: the per-file shape of CONTRACT.md section 4 (computed on the joined model),
// with related locations in other files, plus `workspace: { nodes, edges, pipelines }` (section 6).
import type { Span } from '../../core/model';
import type { RelatedLocation } from '../../core/findings';
import { spanFile, type JoinedWorkspace } from '../../core/workspace';
import { jsonOutput } from './json';
import type { FileResult } from './results';

interface JsonFile {
  path: string;
  findings: Record<string, unknown>[];
}

export function workspaceJson(joined: JoinedWorkspace): object {
  return {
    nodes: joined.graph.nodes,
    edges: joined.graph.edges.map(({ how: _how, ...edge }) => edge),
    joins: joined.joins.map((j) => ({ file: j.from.file, reference: j.raw, toFile: j.to.file, to: j.to.id, via: j.via, how: j.how })),
    pipelines: joined.pipelines,
  };
}

export function workspaceJsonOutput(results: FileResult[], joined: JoinedWorkspace): object {
  const base = jsonOutput(results) as { version: number; files: JsonFile[] };
  const lines = new Map(results.map((r) => [r.path, r.lines]));
  const where = (own: string, span: Span) => {
    const file = spanFile(span) ?? own;
    return { file, range: lines.get(file)?.rangeOf(span) };
  };
  base.files.forEach((file, i) => {
    results[i].analysis.findings.forEach((finding, j) => {
      if (finding.related.length === 0) return;
      file.findings[j].related = finding.related.map((r: RelatedLocation) => ({ ...where(file.path, r.span), message: r.message }));
    });
  });
  return { ...base, workspace: workspaceJson(joined) };
}
