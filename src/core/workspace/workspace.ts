// The workspace: every recognised file's analysis, indexed once, joined into one pipeline. Replacing one file
// re-indexes only that file; joins and per-file results are recomputed from the indexes (no file is re-read).
import type { Analysis } from '../analyze';
import { indexFile, type FileIndex, type IndexOptions } from './fileIndex';
import { joinIndexes, type Ambiguity, type Join } from './join';
import { JoinGraph } from './graph';
import { buildView, type WorkspaceFile } from './view';
import { joinedAnalysis } from './fileResult';
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

  constructor(private readonly options: WorkspaceOptions = {}) {}

  /** Adds or replaces one file (only recognised files take part; others are removed). */
  update(path: string, analysis: Analysis, options: FileOptions = {}): void {
    this.cached = undefined;
    if (analysis.format === null) {
      this.entries.delete(path);
      return;
    }
    const index = indexFile(path, analysis, { ...options, stage: this.options.stage });
    this.entries.set(path, { analysis, index });
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
    const files = [...this.entries].map(([path, entry]) => {
      const own = joins.filter((j) => j.from.file === path);
      const view = graph.touches(path) ? buildView(models.get(path)!, models, graph) : entry.analysis.model;
      return { path, ...joinedAnalysis(entry.analysis, view, own, ambiguities.filter((a) => a.file === path)) };
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
}
