// The workspace: every recognised file's analysis, indexed once, joined into one pipeline. Replacing one file
// re-indexes only that file; joins and per-file results are recomputed from the indexes (no file is re-read).
import type { Analysis } from '../analyze';
import { indexFile, type FileIndex, type IndexOptions } from './fileIndex';
import { joinIndexes, type Ambiguity, type Join } from './join';
import { JoinGraph } from './graph';
import { buildView, type WorkspaceFile } from './view';
import { joinedAnalysis, type JoinedFileAnalysis } from './fileResult';
import { pipelineTotals, type PipelineTotal } from './totals';
import { workspaceGraph, type WorkspaceGraph } from './workspaceGraph';

export interface WorkspaceOptions {
  /** Stage assumed for `${opt:stage}` with no default (else any stage matches, and several matches are reported). */
  stage?: string;
}

export interface FileOptions {
  /** The deployed stack's name when the deployment says it (CDK manifest.json, samconfig.toml). */
  stackName?: string;
  readFile?: IndexOptions['readFile'];
}

interface Entry {
  analysis: Analysis;
  index: FileIndex;
  /** Bumped on every update: a file's joined result is reused while nothing it depends on has a new revision. */
  revision: number;
  /** The last joined result and what it was computed from. */
  result?: { key: string; value: JoinedFileAnalysis };
}

export interface JoinedWorkspace {
  /** Per file (in the order added): the analysis computed on the joined model. */
  files: { path: string; analysis: Analysis; fixAnalysis: Analysis }[];
  joins: Join[];
  ambiguities: Ambiguity[];
  graph: WorkspaceGraph;
  pipelines: PipelineTotal[];
}

export class Workspace {
  private readonly entries = new Map<string, Entry>();
  private cached?: JoinedWorkspace;
  private revision = 0;

  constructor(private readonly options: WorkspaceOptions = {}) {}

  /** Adds or replaces one file (only recognised files take part; others are removed). */
  update(path: string, analysis: Analysis, options: FileOptions = {}): void {
    this.cached = undefined;
    if (analysis.format === null) {
      this.entries.delete(path);
      return;
    }
    const index = safeIndex(path, analysis, { ...options, stage: this.options.stage });
    this.entries.set(path, { analysis, index, revision: ++this.revision });
  }

  remove(path: string): void {
    this.cached = undefined;
    this.entries.delete(path);
  }

  paths(): string[] {
    return [...this.entries.keys()];
  }

  joined(): JoinedWorkspace {
    if (this.cached) return this.cached;
    const { joins, ambiguities } = joinIndexes([...this.entries.values()].map((e) => e.index));
    const graph = new JoinGraph(joins);
    const models = new Map<string, WorkspaceFile>();
    for (const [path, entry] of this.entries) models.set(path, { path, model: entry.analysis.model });
    const dependencies = dependencySets(joins, graph);
    const files = [...this.entries].map(([path, entry]) => {
      const own = joins.filter((j) => j.from.file === path);
      const mine = ambiguities.filter((a) => a.file === path);
      const key = this.resultKey(path, dependencies.get(path), joins, mine);
      if (entry.result?.key !== key) {
        const view = dependencies.has(path) ? buildView(models.get(path)!, models, graph) : entry.analysis.model;
        entry.result = { key, value: safeJoinedAnalysis(entry.analysis, () => joinedAnalysis(entry.analysis, view, own, mine)) };
      }
      return { path, ...entry.result.value };
    });
    const result: JoinedWorkspace = {
      files,
      joins,
      ambiguities,
      graph: workspaceGraph(models, graph),
      pipelines: pipelineTotals(files, models, graph),
    };
    this.cached = result;
    return result;
  }

  /** What a file's joined result depends on: the revisions of the files its view reads, and the joins themselves. */
  private resultKey(path: string, dependencies: Set<string> | undefined, joins: Join[], ambiguities: Ambiguity[]): string {
    const files = [path, ...(dependencies ?? [])].sort().map((p) => `${p}@${this.entries.get(p)?.revision ?? 0}`);
    const touching = joins.filter((j) => dependencies?.has(j.from.file) || j.from.file === path).map((j) => `${j.from.file}|${j.from.id}|${j.to.file}|${j.to.id}`);
    return JSON.stringify([files, touching, ambiguities.map((a) => `${a.raw}|${a.span.start}`)]);
  }
}

/** A file whose index cannot be read (input nobody foresaw) still takes part, joined to nothing. */
function safeIndex(path: string, analysis: Analysis, options: IndexOptions): FileIndex {
  try {
    return indexFile(path, analysis, options);
  } catch {
    return { path, stacks: [], stageFromDeploy: false, definitions: [], outputs: [], exports: [], ssm: [], references: [] };
  }
}

/** The joined result, or the file's own analysis if joining it failed: the workspace never throws over one file. */
function safeJoinedAnalysis(analysis: Analysis, join: () => JoinedFileAnalysis): JoinedFileAnalysis {
  try {
    return join();
  } catch {
    return { analysis, fixAnalysis: analysis };
  }
}

/** Per file, the other files its view reads: those it joins to or from, and those sharing a joined node with it. */
function dependencySets(joins: Join[], graph: JoinGraph): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    if (!out.has(a)) out.set(a, new Set());
    if (!out.has(b)) out.set(b, new Set());
    out.get(a)!.add(b);
    out.get(b)!.add(a);
  };
  for (const j of joins) link(j.from.file, j.to.file);
  for (const referrers of graph.aliases.values()) {
    for (let i = 0; i < referrers.length; i++) for (let k = i + 1; k < referrers.length; k++) link(referrers[i].from.file, referrers[k].from.file);
  }
  return out;
}
