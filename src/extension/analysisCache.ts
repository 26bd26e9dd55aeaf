// One analysis per (document uri, version), computed off the host thread by the analysis worker: every provider,
// the status bar and the graph panel read it from here, so typing analyses a file once however many features look
// at it. Results are keyed by version; a result for a version the document has already left is never shown.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WhatIfOverrides } from '../core/design/overrides';
import type { DeepPartial, Settings } from '../core/settings';
import { isCandidate, isNamedPipelineFile } from './documentFilter';
import { log, logError } from './log';
import { AnalysisClient } from './worker/analysisClient';
import { looksLikePipeline, skipReason } from './worker/limits';
import type { WorkspaceRequest } from './worker/workspaceProtocol';
import { RequestFailed, type AnalyzeRequest, type DocumentRequest, type FixResult, type GraphLayout, type ReplyValues } from './worker/protocol';
import { AnalysisSnapshot } from './worker/snapshot';
import { VersionedResults } from './worker/versionedResults';

/** Analyses slower than this are logged (the output channel is where people look when typing feels slow). */
const SLOW_ANALYSIS_MS = 500;

/** What became of one version of a document: analysed, not a pipeline file, or skipped (and why; `quiet` when the
 * file does not look like a pipeline file, so nobody is told). */
interface Outcome {
  analysis?: AnalysisSnapshot;
  skipped?: string;
  quiet?: boolean;
}

export interface AnalysisEvent {
  document: vscode.TextDocument;
  analysis: AnalysisSnapshot | undefined;
}

export interface CacheOptions {
  settings: () => DeepPartial<Settings>;
  maxFileSizeMB: () => number;
  /** dist/analysisWorker.js */
  workerFile: string;
  preferWorker?: boolean;
}

export class AnalysisCache implements vscode.Disposable {
  private readonly client: AnalysisClient;
  private readonly results: VersionedResults<Outcome>;
  private readonly documents = new Map<string, vscode.TextDocument>();
  private readonly told = new Set<string>();
  private readonly folders: vscode.Disposable;
  private readonly changed = new vscode.EventEmitter<AnalysisEvent>();
  /** How many analyses finished (tests and the latency figure check that typing analyses each version once). */
  analysisRuns = 0;
  private readonly runsByUri = new Map<string, number>();
  /** Milliseconds spent on this thread per analysed version: preparing and posting the request, then showing the
   * result (every listener of onDidAnalyze). The benchmark reads it. */
  readonly hostTimings: number[] = [];
  /** Fires when the current version of a document was analysed (or found not to be a pipeline file). */
  readonly onDidAnalyze = this.changed.event;

  constructor(private readonly options: CacheOptions) {
    this.client = new AnalysisClient(options.workerFile, log, options.preferWorker ?? true);
    this.results = new VersionedResults<Outcome>((uri, version, outcome) => this.accepted(uri, version, outcome));
    this.configure();
    // Includes are read from disk only inside the workspace folders: the worker follows their changes.
    this.folders = vscode.workspace.onDidChangeWorkspaceFolders(() => this.clear());
  }

  /** 'worker', or 'in-thread' when the worker could not start (logged). */
  get mode(): string {
    return this.client.mode;
  }

  /** The analysis of the document's current version (requested when needed); undefined when it is not a pipeline
   * file, is skipped, or changed again before its analysis finished. Never rejects. */
  async get(document: vscode.TextDocument): Promise<AnalysisSnapshot | undefined> {
    // A request superseded by typing resolves undefined: ask again for the version the document has now.
    for (let attempt = 0; ; attempt++) {
      const version = document.version;
      const outcome = await this.outcome(document);
      if (outcome || document.version === version || document.isClosed || attempt === 3) return outcome?.analysis;
    }
  }

  /** Analyses of this document that finished (other documents, re-analysed meanwhile, do not count). */
  runsOf(uri: vscode.Uri): number {
    return this.runsByUri.get(uri.toString()) ?? 0;
  }

  /** The size limit in bytes (setting pipelineLens.maxFileSizeMB): larger files are not analysed. */
  /** The analysis settings from the editor's configuration (the workspace graph analyses with the same). */
  coreSettings(): DeepPartial<Settings> {
    return this.options.settings();
  }

  get maxFileBytes(): number {
    return this.options.maxFileSizeMB() * 1024 * 1024;
  }

  /** The finished analysis of the current version, if there is one (no request). */
  current(document: vscode.TextDocument): AnalysisSnapshot | undefined {
    return this.results.current(document.uri.toString(), document.version)?.analysis;
  }

  /** The newest finished analysis, whatever its version (the text it was computed from is `parsed.text`). */
  latest(document: vscode.TextDocument): AnalysisSnapshot | undefined {
    return this.results.latest(document.uri.toString())?.value.analysis;
  }

  /**
   * For hints and hovers: the current version's analysis if it arrives within `deadlineMs`, else the newest
   * finished one. Hints only wait for a request already made (typing is analysed once, after the debounce, and
   * onDidAnalyze makes the editor ask again); a hover (`request`) asks for the current version itself.
   */
  async settled(document: vscode.TextDocument, deadlineMs: number, request = false): Promise<AnalysisSnapshot | undefined> {
    const now = this.current(document);
    if (now) return now;
    const pending = this.results.pending(document.uri.toString(), document.version) ?? (request || !this.latest(document) ? this.outcome(document) : undefined);
    if (pending) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), deadlineMs)));
      const outcome = await Promise.race([pending, deadline]);
      clearTimeout(timer);
      if (outcome) return outcome.analysis;
    }
    return this.latest(document);
  }

  /** Why the current version of a pipeline file is not analysed (size limit, binary), if it is skipped. */
  skipped(document: vscode.TextDocument): string | undefined {
    const outcome = this.results.current(document.uri.toString(), document.version);
    return outcome?.quiet ? undefined : outcome?.skipped;
  }

  /** Analysis of text that is not open in an editor (workspace scan); not kept. */
  async analyzeText(uri: vscode.Uri, text: string): Promise<AnalysisSnapshot | undefined> {
    if (skipReason(text, this.options.maxFileSizeMB())) return undefined;
    try {
      const payload = await this.client.request({ kind: 'analyze', ...this.target(uri), version: 0, text, openTexts: {}, keep: false });
      return payload ? new AnalysisSnapshot(payload, text) : undefined;
    } catch (error) {
      if (!(error instanceof RequestFailed && error.reason === 'superseded')) logError(`analysis of ${uri.toString()} failed`, error);
      return undefined;
    }
  }

  /** The workspace model the analysis worker keeps for the workspace graph (files in, joined view and fixes out).
   * Rejects with RequestFailed ('superseded' when a newer view was asked for, 'stale' for a fix on an old graph). */
  workspace<K extends WorkspaceRequest['kind']>(request: Extract<WorkspaceRequest, { kind: K }>): Promise<ReplyValues[K]> {
    return this.client.request<K>(request as Extract<DocumentRequest, { kind: K }>);
  }

  /** A quick fix's edits for the analysed version; undefined when the file changed since, null when the fix cannot
   * be made safely on this text. */
  fix(document: vscode.TextDocument, version: number, findingIndex: number, fixId: string): Promise<FixResult | null | undefined> {
    return this.ask(document, version, () => this.client.request({ kind: 'fix', uri: document.uri.toString(), version, findingIndex, fixId }));
  }

  bufferQueue(document: vscode.TextDocument, version: number, edgeId: string): Promise<FixResult | null | undefined> {
    return this.ask(document, version, () => this.client.request({ kind: 'bufferQueue', uri: document.uri.toString(), version, edgeId }));
  }

  annotation(document: vscode.TextDocument, version: number, functionId: string): Promise<ReplyValues['annotation'] | undefined> {
    return this.ask(document, version, () => this.client.request({ kind: 'annotation', uri: document.uri.toString(), version, functionId }));
  }

  graph(document: vscode.TextDocument, version: number, layout?: GraphLayout): Promise<ReplyValues['graph'] | undefined> {
    const fileName = path.posix.basename(document.uri.path);
    return this.ask(document, version, () => this.client.request({ kind: 'graph', uri: document.uri.toString(), version, fileName, layout }));
  }

  whatIf(document: vscode.TextDocument, version: number, input: { seq: number; target: string | null; overrides: WhatIfOverrides }): Promise<ReplyValues['whatIf'] | undefined> {
    return this.ask(document, version, () => this.client.request({ kind: 'whatIf', uri: document.uri.toString(), version, ...input }));
  }

  whatIfEdits(document: vscode.TextDocument, version: number, overrides: WhatIfOverrides): Promise<ReplyValues['whatIfEdits'] | undefined> {
    return this.ask(document, version, () => this.client.request({ kind: 'whatIfEdits', uri: document.uri.toString(), version, overrides }));
  }

  bufferOffers(document: vscode.TextDocument, version: number): Promise<ReplyValues['bufferOffers'] | undefined> {
    return this.ask(document, version, () => this.client.request({ kind: 'bufferOffers', uri: document.uri.toString(), version }));
  }

  importLoad(document: vscode.TextDocument, version: number, measurements: string, functionId?: string): Promise<ReplyValues['importLoad'] | undefined> {
    const request = { kind: 'importLoad' as const, uri: document.uri.toString(), version, measurements, functionId, now: new Date().toISOString() };
    return this.ask(document, version, () => this.client.request(request));
  }

  /** A serverless.yml or SAM template from a design's text; undefined when the worker failed (logged). */
  async generate(text: string, target: 'serverless' | 'sam', designFile: string): Promise<ReplyValues['generate'] | undefined> {
    try {
      return await this.client.request({ kind: 'generate', text, target, designFile });
    } catch (error) {
      logError('generating a deployment file', error);
      return undefined;
    }
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.results.forget(key);
    this.documents.delete(key);
    this.client.forget({ kind: 'forget', uri: key });
  }

  /** Settings changed: everything must be re-analysed. */
  clear(): void {
    this.results.clear();
    this.configure();
  }

  dispose(): void {
    this.folders.dispose();
    this.client.dispose();
    this.changed.dispose();
  }

  private configure(): void {
    const workspaceFolders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    this.client.configure({ kind: 'configure', settings: this.options.settings(), workspaceFolders });
  }

  private outcome(document: vscode.TextDocument): Promise<Outcome | undefined> {
    if (!isCandidate(document)) return Promise.resolve(undefined);
    const key = document.uri.toString();
    this.documents.set(key, document);
    return this.results.get(key, document.version, () => this.request(document));
  }

  private async request(document: vscode.TextDocument): Promise<Outcome | undefined> {
    const started = performance.now();
    const version = document.version;
    const text = document.getText();
    const skipped = skipReason(text, this.options.maxFileSizeMB());
    if (skipped) return { skipped, quiet: !looksLikePipeline(text, isNamedPipelineFile(document)) };
    const request: AnalyzeRequest = { kind: 'analyze', ...this.target(document.uri), version, text, openTexts: openTexts(document), keep: true };
    const reply = this.client.request(request);
    this.recordHostTime(request.uri, version, performance.now() - started);
    try {
      const payload = await reply;
      this.analysisRuns++;
      this.runsByUri.set(request.uri, (this.runsByUri.get(request.uri) ?? 0) + 1);
      // In-thread (no worker), the analysis itself blocked this thread: count it.
      if (payload && this.client.mode === 'in-thread') this.recordHostTime(request.uri, version, payload.analyzeMs);
      if (payload && payload.analyzeMs > SLOW_ANALYSIS_MS) log(`analysis of ${document.uri.toString()} (${document.lineCount} lines) took ${payload.analyzeMs.toFixed(0)} ms`);
      return { analysis: payload ? new AnalysisSnapshot(payload, text, (ms) => this.recordHostTime(request.uri, version, ms)) : undefined };
    } catch (error) {
      if (!(error instanceof RequestFailed && error.reason === 'superseded')) logError(`analysis of ${document.uri.toString()} failed`, error);
      return undefined;
    }
  }

  /** Shows the newest result, unless the document has moved on since (then a newer request is coming). */
  private accepted(uri: string, version: number, outcome: Outcome): void {
    const document = this.documents.get(uri);
    if (!document || document.isClosed || document.version !== version) return;
    const started = performance.now();
    if (outcome.skipped && outcome.quiet) log(`${uri}: ${outcome.skipped}`);
    else if (outcome.skipped && !this.told.has(uri)) {
      this.told.add(uri);
      log(`${uri}: ${outcome.skipped}`);
      void vscode.window.showInformationMessage(`Pipeline Lens: ${path.posix.basename(document.uri.path)} is ${outcome.skipped}.`);
    }
    this.changed.fire({ document, analysis: outcome.analysis });
    this.recordHostTime(uri, version, performance.now() - started);
  }

  private async ask<T>(document: vscode.TextDocument, version: number, request: () => Promise<T>): Promise<T | undefined> {
    if (document.version !== version) return undefined;
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof RequestFailed && error.reason === 'stale')) logError(`request about ${document.uri.toString()} failed`, error);
      return undefined;
    }
  }

  private target(uri: vscode.Uri): { uri: string; path: string; onDisk: boolean } {
    const onDisk = uri.scheme === 'file';
    return { uri: uri.toString(), path: onDisk ? uri.fsPath : uri.path, onDisk };
  }

  private readonly timed = new Map<string, number>();

  /** Adds host-thread time spent on one version (request, result, providers reading it) to its figure. */
  recordHostTime(uri: string, version: number, ms: number): void {
    // Everything about one version adds up to one figure; the list keeps the last few hundred versions.
    const key = `${version} ${uri}`;
    const index = this.timed.get(key);
    if (index !== undefined) {
      this.hostTimings[index] += ms;
      return;
    }
    if (this.hostTimings.length >= 500) {
      this.hostTimings.length = 0;
      this.timed.clear();
    }
    this.timed.set(key, this.hostTimings.length);
    this.hostTimings.push(ms);
  }
}

/** Other open documents whose text the worker cannot read from disk: changed (dirty) ones, or any when the
 * document itself is not on disk. Keyed by the path the worker resolves includes to. */
function openTexts(document: vscode.TextDocument): Record<string, string> {
  const texts: Record<string, string> = {};
  const onDisk = document.uri.scheme === 'file';
  for (const other of vscode.workspace.textDocuments) {
    if (other === document || !isCandidate(other)) continue;
    if (onDisk && other.uri.scheme === 'file' && other.isDirty) texts[other.uri.fsPath] = other.getText();
    else if (!onDisk && other.uri.scheme === document.uri.scheme && other.uri.authority === document.uri.authority) texts[other.uri.path] = other.getText();
  }
  return texts;
}
