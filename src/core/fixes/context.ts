// What every fix works from: the analysis, the finding, and an edit context over the analysed text (cached per
// parse, since style detection walks the whole document).
import { isMap, type YAMLMap } from 'yaml';
import type { Analysis } from '../analyze';
import type { Finding, TextEdit } from '../findings';
import { edgesInto, nodeById, type PipelineEdge, type PipelineNode } from '../model';
import type { ParsedYaml } from '../parse/parseYaml';
import { editContext, mapAtPath, type EditContext } from '../edit';

export interface FixContext {
  analysis: Analysis;
  finding: Finding;
  edit: EditContext;
  serverless: boolean;
}

/** One quick fix: which rules it answers, its title when it can be made, and its edits. */
export interface FixDefinition {
  id: string;
  rules: readonly Finding['rule'][];
  preferred: boolean;
  /** Overrides `preferred` per finding (e.g. a fallback preferred only where the better fix cannot be made). */
  isPreferred?(ctx: FixContext): boolean;
  /** The title for this finding, or undefined when the fix does not apply; `edits` must then succeed. */
  title(ctx: FixContext): string | undefined;
  edits(ctx: FixContext): TextEdit[] | undefined;
  /** Why the fix is not offered here, when the user should know (data safety); undefined otherwise. */
  declined?(ctx: FixContext): { title: string; reason: string } | undefined;
}

const contexts = new WeakMap<ParsedYaml, EditContext | null>();

export function fixContext(analysis: Analysis, finding: Finding): FixContext | undefined {
  if (!analysis.format || analysis.format === 'pipeline') return undefined;
  let edit = contexts.get(analysis.parsed);
  if (edit === undefined) {
    edit = editContext(analysis.parsed) ?? null;
    contexts.set(analysis.parsed, edit);
  }
  if (!edit) return undefined;
  return { analysis, finding, edit, serverless: analysis.format === 'serverless' };
}

export function findingNode(ctx: FixContext): PipelineNode | undefined {
  return ctx.finding.node ? nodeById(ctx.analysis.model, ctx.finding.node) : undefined;
}

export function findingEdge(ctx: FixContext): PipelineEdge | undefined {
  return ctx.finding.edge ? ctx.analysis.model.edges.find((e) => e.id === ctx.finding.edge) : undefined;
}

/** Path of the CloudFormation `Resources` mapping in this file. */
export function resourcesPath(ctx: FixContext): string[] {
  return ctx.serverless ? ['resources', 'Resources'] : ['Resources'];
}

/** A resource's mapping, written in this file (serverless: under resources.Resources). */
export function resourceMap(ctx: FixContext, logicalId: string): YAMLMap | undefined {
  const map = mapAtPath(ctx.edit.doc.contents, [...resourcesPath(ctx), logicalId]);
  return isMap(map) ? map : undefined;
}

const usedIdsByAnalysis = new WeakMap<Analysis, Set<string>>();

/** Logical ids already used in the file (resources, and for serverless the model's generated ids); once per analysis. */
function usedIds(ctx: FixContext): Set<string> {
  const cached = usedIdsByAnalysis.get(ctx.analysis);
  if (cached) return cached;
  const ids = new Set(ctx.analysis.model.nodes.map((n) => n.id));
  usedIdsByAnalysis.set(ctx.analysis, ids);
  const resources = mapAtPath(ctx.edit.doc.contents, resourcesPath(ctx));
  for (const item of resources?.items ?? []) ids.add(String((item.key as { value?: unknown } | null)?.value ?? ''));
  return ids;
}

/** `base`, or `base2`, `base3`... whichever is free; the same set is used for several ids of one fix. */
export function freshIds(ctx: FixContext, bases: string[]): string[] {
  const used = usedIds(ctx);
  for (let n = 1; ; n++) {
    const ids = bases.map((b) => (n === 1 ? b : `${b}${n}`));
    if (ids.every((id) => !used.has(id))) return ids;
  }
}

/** A logical-id prefix from a function id (`order-ingest` -> `OrderIngest`). */
export function idPrefix(id: string): string {
  const words = id.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(joined) ? joined : `Fn${joined}`;
}

/** The trigger edges into a function. */
export function triggersOf(ctx: FixContext, functionId: string): PipelineEdge[] {
  return edgesInto(ctx.analysis.model, functionId, 'trigger');
}

/** Source text of a node (for copying scalars like `${self:custom.bucket}` verbatim). */
export function sourceText(ctx: FixContext, node: unknown): string | undefined {
  const range = (node as { range?: number[] } | null | undefined)?.range;
  return range ? ctx.edit.text.slice(range[0], range[1]) : undefined;
}
