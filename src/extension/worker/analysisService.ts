// The worker's work (no vscode): analyses documents with the core's analyze(), keeps the latest analysed version of
// each open document, and computes fixes, annotation skeletons and the laid-out graph for a version it still holds.
import { analyze, type Analysis } from '../../core/analyze';
import { annotationSkeleton } from '../../core/edit/annotationSkeleton';
import { generate } from '../../core/generate';
import { computeFix } from '../../core/fixes/index';
import type { DeepPartial, Settings } from '../../core/settings';
import { isPipelineFileName } from '../present/fileNames';
import { bufferOffers, importLoad, whatIfEditsReply, whatIfReply } from './designRequests';
import { includeReader } from './includeReader';
import { WorkspaceService } from './workspaceService';
import { epochMs, RequestFailed, type AnalysisPayload, type AnalyzeRequest, type FixResult, type WorkerRequest } from './protocol';

/** At most this many scanned analyses wait for the workspace join (the join reads at most 500 files). */
const MAX_SCANNED_KEPT = 500;
const SCANNED_KEPT_MS = 120_000;

export class AnalysisService {
  private settings: DeepPartial<Settings> = {};
  private workspaceFolders: string[] = [];
  private readonly held = new Map<string, { version: number; analysis: Analysis }>();
  private joined: WorkspaceService | undefined;
  /** Analyses of closed files (the workspace scan), by path, until the workspace join takes them: the join that
   * follows the scan reads the same files and would analyse each a second time. */
  private readonly scanned = new Map<string, Analysis>();
  private scannedTimer: ReturnType<typeof setTimeout> | undefined;
  /** Analyses run so far (tests and the benchmark count them). */
  runs = 0;

  /** Analyses the workspace join ran itself (not reused from the scan). */
  get workspaceRuns(): number {
    return this.joined?.analysesRun ?? 0;
  }

  async handle(request: WorkerRequest & { sentAt?: number }): Promise<unknown> {
    switch (request.kind) {
      case 'configure':
        this.settings = request.settings;
        this.workspaceFolders = request.workspaceFolders;
        this.held.clear();
        this.scanned.clear();
        this.joined?.configured();
        return null;
      case 'forget':
        this.held.delete(request.uri);
        return null;
      case 'analyze':
        return this.analyze(request);
      case 'fix': {
        const analysis = this.holding(request.uri, request.version);
        const finding = analysis.findings[request.findingIndex];
        return finding ? toFixResult(computeFix(analysis, finding, request.fixId)) : null;
      }
      case 'bufferQueue': {
        const analysis = this.holding(request.uri, request.version);
        const { BUFFER_FIX_ID, bufferQueueFinding } = graphModule();
        const finding = bufferQueueFinding(analysis, request.edgeId);
        return finding ? toFixResult(computeFix(analysis, finding, BUFFER_FIX_ID)) : null;
      }
      case 'annotation':
        return annotationSkeleton(this.holding(request.uri, request.version), request.functionId) ?? null;
      case 'whatIf':
        return whatIfReply(this.holding(request.uri, request.version), request);
      case 'whatIfEdits':
        return whatIfEditsReply(this.holding(request.uri, request.version), request);
      case 'bufferOffers':
        return bufferOffers(this.holding(request.uri, request.version));
      case 'importLoad':
        return importLoad(this.holding(request.uri, request.version), request, this.settings);
      case 'generate':
        return generate(request.text, request.target, request.designFile);
      case 'workspaceUpdate':
        return this.workspace().update(request);
      case 'workspaceRemove':
        this.workspace().remove(request.path);
        return null;
      case 'workspaceReset':
        this.workspace().reset();
        return null;
      case 'workspaceView':
        return this.workspace().view(request);
      case 'workspaceFix':
        return this.workspace().fix(request);
      case 'graph': {
        const analysis = this.holding(request.uri, request.version);
        return graphModule().buildGraphMessage(analysis, request.version, { uri: request.uri, fileName: request.fileName }, request.layout ?? {});
      }
    }
  }

  private analyze(request: AnalyzeRequest & { sentAt?: number }): AnalysisPayload | null {
    const queuedMs = request.sentAt === undefined ? 0 : Math.max(0, epochMs() - request.sentAt);
    const started = performance.now();
    this.runs++;
    const analysis = analyze(request.text, { path: request.path, settings: this.settings, readFile: includeReader(request, this.workspaceFolders) });
    const analyzeMs = performance.now() - started;
    // Broken YAML can hide what a serverless.yml is; its name is enough to show the parse errors.
    const broken = analysis.findings.some((f) => f.rule === 'parse-error');
    const recognised = analysis.format !== null || (broken && isPipelineFileName(request.path));
    if (request.keep) {
      if (recognised) this.held.set(request.uri, { version: request.version, analysis });
      else this.held.delete(request.uri);
    } else if (analysis.format !== null && this.scanned.size < MAX_SCANNED_KEPT) {
      this.scanned.set(request.path, analysis);
      // With the background join turned off nobody takes them: let them go a while after the scan.
      clearTimeout(this.scannedTimer);
      this.scannedTimer = setTimeout(() => this.scanned.clear(), SCANNED_KEPT_MS);
      this.scannedTimer.unref?.();
    }
    if (!recognised) return null;
    const serializing = performance.now();
    const functionsJson = JSON.stringify(analysis.functions);
    const modelJson = JSON.stringify(analysis.model);
    return {
      uri: request.uri,
      version: request.version,
      path: analysis.path,
      format: analysis.format,
      // `declined` is a lazy, non-enumerable property of a finding: copy it where a fix was declined.
      findings: analysis.findings.map((f) => (f.declined ? { ...f, declined: f.declined } : f)),
      functionsJson,
      modelJson,
      settings: analysis.settings,
      analyzeMs,
      queuedMs,
      serializeMs: performance.now() - serializing,
      postedAt: epochMs(),
    };
  }

  /** The workspace model, made when the workspace graph first asks for it. */
  private workspace(): WorkspaceService {
    return (this.joined ??= new WorkspaceService(() => this.settings, () => this.workspaceFolders, (path, text) => this.analysedAlready(path, text)));
  }

  /** An analysis of this exact text made for the editor: the open document's (typing analyses it already), or the
   * scan's of a closed file (handed over once). */
  private analysedAlready(path: string, text: string): Analysis | undefined {
    for (const { analysis } of this.held.values()) if (analysis.path === path && analysis.parsed.text === text) return analysis;
    const scanned = this.scanned.get(path);
    this.scanned.delete(path);
    return scanned && scanned.parsed.text === text ? scanned : undefined;
  }

  private holding(uri: string, version: number): Analysis {
    const held = this.held.get(uri);
    if (!held || held.version !== version) throw new RequestFailed('stale', `version ${version} of ${uri} is no longer analysed`);
    return held.analysis;
  }
}

/** The graph builder and its layout (elkjs), loaded on the first graph only: most sessions never open one. */
function graphModule(): typeof import('../graph/graphMessage') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../graph/graphMessage') as typeof import('../graph/graphMessage');
}

function toFixResult(fix: { title: string; edits: FixResult['edits'] } | undefined): FixResult | null {
  return fix && fix.edits.length > 0 ? { title: fix.title, edits: fix.edits } : null;
}
