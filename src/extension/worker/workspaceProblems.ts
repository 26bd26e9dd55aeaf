// From the joined workspace to what the editor shows beside the graph (pure): the findings only the joined model
// has (a consumer over its producer's shards, a queue whose consumer lives elsewhere...), with line ranges in their
// own file and related locations in the others, and the spots where a reference joined to another file.
import type { Analysis } from '../../core/analyze';
import type { Finding } from '../../core/findings';
import type { Span } from '../../core/model';
import { LineIndex, type Range } from '../../core/text/lines';
import { spanFile, type JoinedWorkspace } from '../../core/workspace';
import { resolvedFindingKey, type JoinedCap, type WorkspaceJoinSpot, type WorkspaceView } from './workspaceProtocol';

const keyOf = (f: Finding) => resolvedFindingKey(f.rule, f.message);

/** `alone` gives each file's own (single-file) analysis: its findings are shown already, by the file's diagnostics.
 * `problems` are what the joined model adds; `resolved` (as `rule|message`) what it no longer has. */
export function workspaceProblems(joined: JoinedWorkspace, alone: (path: string) => Analysis | undefined): WorkspaceView['problems'] {
  const lines = new Map<string, LineIndex>();
  const range = (path: string, span: Span): Range => {
    const file = joined.files.find((f) => f.path === path);
    let index = lines.get(path);
    if (!index && file) lines.set(path, (index = new LineIndex(file.analysis.parsed.text)));
    const start = index?.positionAt(span.start) ?? { line: 0, character: 0 };
    return { start, end: index?.positionAt(span.end) ?? start };
  };
  const out: WorkspaceView['problems'] = [];
  for (const { path, analysis } of joined.files) {
    const ownFindings = alone(path)?.findings ?? [];
    const own = new Set(ownFindings.map(keyOf));
    const kept = new Set(analysis.findings.map(keyOf));
    const added = analysis.findings.filter((f) => !own.has(keyOf(f)));
    const resolved = [...new Set(ownFindings.map(keyOf).filter((k) => !kept.has(k)))];
    if (added.length === 0 && resolved.length === 0) continue;
    out.push({
      path,
      resolved,
      problems: added.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        range: range(path, f.span),
        related: f.related.map((r) => {
          const file = spanFile(r.span) ?? path;
          return { path: file, range: range(file, r.span), message: `${r.message}${file === path ? '' : ` (${file})`}` };
        }),
      })),
    });
  }
  return out;
}

/** Functions whose cap differs once joined (their span stays the file's own: only the cap is taken). */
export function joinedCaps(joined: JoinedWorkspace, alone: (path: string) => Analysis | undefined): WorkspaceView['caps'] {
  const out: WorkspaceView['caps'] = [];
  for (const { path, analysis } of joined.files) {
    const own = new Map((alone(path)?.functions ?? []).map((r) => [r.id, r.concurrency]));
    const functions: Record<string, JoinedCap> = {};
    for (const report of analysis.functions) {
      const before = own.get(report.id);
      const { cap, capReason, capKind, unknowns } = report.concurrency;
      if (before && before.cap === cap && before.capReason === capReason) continue;
      functions[report.id] = { cap, capReason, capKind, ...(unknowns ? { unknowns } : {}) };
    }
    if (Object.keys(functions).length > 0) out.push({ path, functions });
  }
  return out;
}

export function joinSpots(joined: JoinedWorkspace): WorkspaceJoinSpot[] {
  return joined.joins.map((j) => ({ path: j.from.file, start: j.span.start, end: j.span.end, toId: j.to.id, toFile: j.to.file, via: j.via, how: j.how }));
}
