// The workspace model inside the analysis worker: the files the host sends (open documents' text, closed files'
// disk text), each analysed once and joined by the core's Workspace. A change re-analyses only that file and
// re-joins incrementally; the graph layout runs here too, so the extension host only reads files and shows results.
import { analyze, type Analysis } from '../../core/analyze';
import { computeFix } from '../../core/fixes/index';
import type { DeepPartial, Settings } from '../../core/settings';
import { samConfigStackName, Workspace, type JoinedWorkspace } from '../../core/workspace';
import { includeReader } from './includeReader';
import { RequestFailed } from './protocol';
import { pipelineSummaries } from './pipelineSummaries';
import { joinedCaps, joinSpots, workspaceProblems } from './workspaceProblems';
import type { WorkspaceFix, WorkspaceFixRequest, WorkspaceUpdateRequest, WorkspaceView, WorkspaceViewRequest } from './workspaceProtocol';

interface Source {
  request: WorkspaceUpdateRequest;
  /** The file's own analysis (before joining): its findings are the single-file diagnostics already shown. */
  analysis: Analysis;
}

export class WorkspaceService {
  /** Tells a restarted worker (which has lost every file) from this one. */
  readonly session = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  private workspace = new Workspace();
  private readonly sources = new Map<string, Source>();
  private settingsChanged = false;
  private drawn = 0;
  private shown: { version: number; joined: JoinedWorkspace } | undefined;

  /** Analyses this service made itself (those the scan had made already are reused). */
  analysesRun = 0;

  constructor(
    private readonly settings: () => DeepPartial<Settings>,
    private readonly workspaceFolders: () => readonly string[],
    private readonly alreadyAnalysed: (path: string, text: string) => Analysis | undefined = () => undefined,
  ) {}

  reset(): void {
    this.workspace = new Workspace();
    this.sources.clear();
    this.shown = undefined;
  }

  /** New settings (prices, defaults): every file is analysed again before the next view. */
  configured(): void {
    this.settingsChanged = this.sources.size > 0;
  }

  update(request: WorkspaceUpdateRequest): boolean {
    const analysis = this.analyzed(request);
    if (analysis.format === null) {
      this.remove(request.path);
      return false;
    }
    this.sources.set(request.path, { request, analysis });
    const stackName = request.stackName ?? (request.samConfig && samConfigStackName(request.samConfig.text, request.samConfig.format));
    this.workspace.update(request.path, analysis, { stackName });
    return true;
  }

  remove(path: string): void {
    this.sources.delete(path);
    this.workspace.remove(path);
  }

  async view(request: WorkspaceViewRequest): Promise<WorkspaceView> {
    if (this.settingsChanged) this.reanalyseAll();
    const joined = this.workspace.joined();
    const view: WorkspaceView = {
      session: this.session,
      files: joined.files.map((f) => f.path),
      joins: joined.joins.length,
      problems: workspaceProblems(joined, (path) => this.sources.get(path)?.analysis),
      caps: joinedCaps(joined, (path) => this.sources.get(path)?.analysis),
      pipelines: pipelineSummaries(joined),
      joinSpots: joinSpots(joined),
      nodeSpans: nodeSpans(joined),
    };
    if (!request.draw) return view;
    const stages = joined.graph.nodes.length;
    if (stages > request.maxNodes) {
      view.notDrawn = `${stages} stages in ${joined.files.length} files are too many to draw here; \`pipeline-lens graph <dir> --workspace --format svg\` draws them`;
      return view;
    }
    const version = ++this.drawn;
    this.shown = { version, joined };
    view.graph = await graphMessageModule().buildWorkspaceGraphMessage(joined, version, request.direction);
    return view;
  }

  /** A fix for a finding of the graph last drawn; 'stale' when a newer graph has been drawn since. */
  fix(request: WorkspaceFixRequest): WorkspaceFix | null {
    if (!this.shown || this.shown.version !== request.version) throw new RequestFailed('stale', `workspace graph ${request.version} is no longer shown`);
    const { joined } = this.shown;
    const at = graphMessageModule().workspaceFindingAt(joined, request.findingIndex);
    const file = at && joined.files.find((f) => f.path === at.path);
    if (!at || !file) return null;
    const fix = computeFix(file.fixAnalysis, file.analysis.findings[at.findingIndex], request.fixId);
    return fix && fix.edits.length > 0 ? { path: at.path, text: file.analysis.parsed.text, title: fix.title, edits: fix.edits } : null;
  }

  private analyzed(request: WorkspaceUpdateRequest): Analysis {
    const reused = this.alreadyAnalysed(request.fsPath, request.text);
    if (reused) return reused;
    this.analysesRun++;
    const readFile = includeReader(
      { kind: 'analyze', uri: '', version: 0, path: request.fsPath, onDisk: request.onDisk, text: request.text, openTexts: {}, keep: false },
      this.workspaceFolders(),
    );
    return analyze(request.text, { path: request.fsPath, settings: this.settings(), readFile });
  }

  private reanalyseAll(): void {
    this.settingsChanged = false;
    const requests = [...this.sources.values()].map((s) => s.request);
    this.reset();
    for (const request of requests) this.update(request);
  }
}

function nodeSpans(joined: JoinedWorkspace): WorkspaceView['nodeSpans'] {
  const out: WorkspaceView['nodeSpans'] = {};
  for (const { path, analysis } of joined.files) for (const node of analysis.model.nodes) out[`${path}#${node.id}`] = { start: node.span.start, end: node.span.end };
  return out;
}

/** The graph message builder and its layout (elkjs), loaded on the first drawing only. */
function graphMessageModule(): typeof import('./workspaceGraphMessage') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./workspaceGraphMessage') as typeof import('./workspaceGraphMessage');
}
