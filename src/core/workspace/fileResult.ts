// One file's analysis on the joined model: the same rules, costs and caps as analyze(), run on the file's view of
// the workspace, keeping the findings whose fix belongs in this file (their span is this file's) with related
// locations in the files they join to.
import type { Analysis } from '../analyze';
import type { Finding, RelatedLocation } from '../findings';
import type { PipelineModel } from '../model';
import { functionReports } from '../cost/reports';
import { readProblemFindings, runRules } from '../rules/index';
import { applySeverities } from '../rules/severity';
import { applyIgnoreComments } from '../rules/ignore';
import { fixOffers } from '../fixes/index';
import { edgesTo, findNode } from '../rules/lookup';
import { reachedNodes } from '../rules/reach';
import { finding as makeFinding } from '../rules/types';
import type { Ambiguity, Join } from './join';
import { spanFile } from './view';

export interface JoinedFileAnalysis {
  analysis: Analysis;
  /** The analysis fixes are offered and computed on: the file's own nodes (stand-ins keep their own spans) plus the
   *  other files' nodes and edges it touches (e.g. a queue's consumers elsewhere, for its visibility timeout). */
  fixAnalysis: Analysis;
}

export function joinedAnalysis(analysis: Analysis, view: PipelineModel, joins: Join[], ambiguities: Ambiguity[]): JoinedFileAnalysis {
  const { settings } = analysis;
  const ownIds = new Set(analysis.model.nodes.map((n) => n.id));
  const functions = analysis.format ? functionReports(view, settings).filter((r) => ownIds.has(r.id)) : [];
  // A reference the workspace joined is resolved after all: its unresolved-reference note goes.
  const joined = (f: Finding) => joins.some((j) => f.message.includes(j.raw) || (f.span.start >= j.span.start && f.span.end <= j.span.end));
  const problems = readProblemFindings([...analysis.parsed.problems, ...analysis.model.problems]).filter(
    (f) => f.rule !== 'unresolved-reference' || !joined(f),
  );
  const ruleFindings = analysis.format ? runRules(view, settings, functions).filter((f) => spanFile(f.span) === undefined) : [];
  for (const f of ruleFindings) addJoinedLocations(f, view);
  const raw = [...problems, ...ruleFindings, ...ambiguities.map(ambiguityFinding)];
  const findings = applyIgnoreComments(applySeverities(raw, settings), analysis.parsed.text).sort(
    (a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule),
  );
  const result: Analysis = { ...analysis, findings, functions };
  const fixAnalysis: Analysis = { ...result, model: fixModel(analysis.model, view) };
  for (const f of findings) f.fixes = fixOffers(fixAnalysis, f);
  return { analysis: result, fixAnalysis };
}

/** Own nodes as the file wrote them (no foreign spans to edit at), foreign nodes beside them, the view's edges. */
function fixModel(own: PipelineModel, view: PipelineModel): PipelineModel {
  if (own === view) return own;
  const ownIds = new Set(own.nodes.map((n) => n.id));
  return { ...own, nodes: [...own.nodes, ...view.nodes.filter((n) => !ownIds.has(n.id))], edges: view.edges };
}

/** Where the other end of a finding lives, when it is another file's node. */
function addJoinedLocations(f: Finding, view: PipelineModel): void {
  const ids = new Set<string>();
  const edge = f.edge ? view.edges.find((e) => e.id === f.edge) : undefined;
  if (edge) [edge.from, edge.to].forEach((id) => ids.add(id));
  const node = f.node ? findNode(view, f.node) : undefined;
  if (node?.kind === 'function') {
    for (const e of edgesTo(view, node.id, 'trigger')) ids.add(e.from);
    for (const reach of reachedNodes(view, node)) ids.add(reach.target.id);
  }
  const known = new Set(f.related.map((r) => `${spanFile(r.span) ?? ''}:${r.span.start}`));
  for (const id of ids) {
    const target = findNode(view, id);
    const file = target && spanFile(target.span);
    if (!target || !file || known.has(`${file}:${target.span.start}`)) continue;
    known.add(`${file}:${target.span.start}`);
    f.related.push({ span: target.span, message: `${target.label} is defined in ${file}` } satisfies RelatedLocation);
  }
}

function ambiguityFinding(a: Ambiguity): Finding {
  const list = a.candidates.map((c) => `${c.id} in ${c.file}`).join(', ');
  return makeFinding('unresolved-reference', {
    span: a.span,
    message:
      `${a.raw} matches ${a.candidates.length} things defined in the workspace (${list}), so it is not joined to any: ` +
      `the analysis does not guess. Name the stack, stage or resource exactly (or set the workspace stage) to join it.`,
  });
}
