// One analysis per (document uri, version): every provider, the status bar and the graph panel read it from here,
// so typing re-analyses a file once however many features look at it. Only recognised pipeline files are kept.
import * as vscode from 'vscode';
import { analyze, type Analysis } from '../core/analyze';
import type { DeepPartial, Settings } from '../core/settings';
import { isCandidate, isNamedPipelineFile } from './documentFilter';
import { workspaceReader } from './workspaceFiles';
import { log, logError } from './log';

/** Analyses slower than this are logged (the output channel is where people look when typing feels slow). */
const SLOW_ANALYSIS_MS = 500;

interface Entry {
  version: number;
  /** undefined: analysed and not a pipeline file. */
  analysis: Analysis | undefined;
}

/** How other modules (the graph panel) get the current analysis of a document. */
export type GetAnalysis = (document: vscode.TextDocument) => Analysis | undefined;

export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<{ document: vscode.TextDocument; analysis: Analysis | undefined }>();
  /** How many analyses ran (tests and the latency figure check that typing analyses each version once). */
  analysisRuns = 0;
  /** Fires after a document was (re-)analysed. */
  readonly onDidAnalyze = this.changed.event;

  constructor(private readonly settings: () => DeepPartial<Settings>) {}

  /** The analysis of this version of the document; undefined when it is not a pipeline file. Never throws. */
  get(document: vscode.TextDocument): Analysis | undefined {
    if (!isCandidate(document)) return undefined;
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version) return cached.analysis;
    const analysis = this.run(document);
    this.entries.set(key, { version: document.version, analysis });
    this.changed.fire({ document, analysis });
    return analysis;
  }

  /** Analysis of text that is not open in an editor (workspace scan); not cached. */
  analyzeText(uri: vscode.Uri, text: string): Analysis | undefined {
    try {
      const analysis = analyze(text, { path: uri.fsPath || uri.path, settings: this.settings() });
      return analysis.format !== null ? analysis : undefined;
    } catch (error) {
      logError(`analysis of ${uri.toString()} failed`, error);
      return undefined;
    }
  }

  forget(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
  }

  /** Settings changed: everything must be re-analysed. */
  clear(): void {
    this.entries.clear();
  }

  dispose(): void {
    this.entries.clear();
    this.changed.dispose();
  }

  private run(document: vscode.TextDocument): Analysis | undefined {
    try {
      const started = Date.now();
      this.analysisRuns++;
      const analysis = analyze(document.getText(), {
        path: document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.path,
        settings: this.settings(),
        readFile: workspaceReader(document),
      });
      const elapsed = Date.now() - started;
      if (elapsed > SLOW_ANALYSIS_MS) log(`analysis of ${document.uri.toString()} (${document.lineCount} lines) took ${elapsed} ms`);
      if (analysis.format !== null) return analysis;
      // Broken YAML can hide what a serverless.yml is; its name is enough to show the parse errors.
      const broken = analysis.findings.some((f) => f.rule === 'parse-error');
      return broken && isNamedPipelineFile(document) ? analysis : undefined;
    } catch (error) {
      logError(`analysis of ${document.uri.toString()} failed`, error);
      return undefined;
    }
  }
}
