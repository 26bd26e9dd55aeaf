// Inline hints on each function: cost and concurrency (click: the graph on that function), or what load is missing
// (click: insert the annotation skeleton) beside "set a default load" (click: those settings). Shown as CodeLens or
// inlay hints, per `pipelineLens.hints`. A cap the joined workspace knows (a producer's shards in another file) wins.
import * as vscode from 'vscode';
import type { FunctionReport } from '../core/report';
import type { AnalysisCache } from './analysisCache';
import type { AnalysisSnapshot } from './worker/snapshot';
import { COMMANDS } from './commandIds';
import { toRange } from './convert';
import { guard } from './log';
import { DEFAULT_LOAD_HINT, functionHint } from './present/hintText';
import type { HintStyle } from './present/settingsMap';
import type { JoinedCaps } from './workspaceGraph/joinedCaps';

/** How long a hint query waits for the analysis of the version being typed before it shows the last one. */
const HINT_WAIT_MS = 150;

function hintCommand(document: vscode.TextDocument, report: FunctionReport, loadUnknown: boolean, title: string): vscode.Command {
  return loadUnknown
    ? { title, command: COMMANDS.insertLoadAnnotation, arguments: [document.uri, report.id], tooltip: 'Declare the expected rate and duration of this function' }
    : { title, command: COMMANDS.openGraph, arguments: [report.id], tooltip: 'Open the pipeline graph on this function' };
}

const DEFAULT_LOAD_COMMAND: vscode.Command = {
  title: DEFAULT_LOAD_HINT,
  command: COMMANDS.openLoadSettings,
  tooltip: 'Assume a rate and a duration for every function that declares none (settings pipelineLens.defaults.*)',
};

export class FunctionHints implements vscode.CodeLensProvider, vscode.InlayHintsProvider, vscode.Disposable {
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  private readonly inlayChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  readonly onDidChangeInlayHints = this.inlayChanged.event;

  private readonly subscription: vscode.Disposable;

  // The editor re-queries both on every document change, and we ask it again when an analysis arrives (the query
  // waits briefly for the current version, else shows the last result); `refresh` is also for settings changes.
  constructor(private readonly cache: AnalysisCache, private readonly style: () => HintStyle, private readonly joinedCaps?: JoinedCaps) {
    this.subscription = vscode.Disposable.from(cache.onDidAnalyze(() => this.refresh()), ...(joinedCaps ? [joinedCaps.onDidChange(() => this.refresh())] : []));
  }

  refresh(): void {
    this.lensesChanged.fire();
    this.inlayChanged.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (this.style() !== 'codelens') return [];
    const analysis = await this.current(document);
    return this.timed(analysis, () => guard('providing code lenses', [], () => {
      if (!analysis) return [];
      return analysis.functions.flatMap((report) => {
        const hint = functionHint(report, analysis);
        const range = toRange(document, report.span);
        const lens = new vscode.CodeLens(range, hintCommand(document, report, hint.loadUnknown, hint.text));
        return hint.loadUnknown ? [lens, new vscode.CodeLens(range, DEFAULT_LOAD_COMMAND)] : [lens];
      });
    }));
  }

  async provideInlayHints(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.InlayHint[]> {
    if (this.style() !== 'inlay') return [];
    const analysis = await this.current(document);
    return this.timed(analysis, () => guard('providing inlay hints', [], () => {
      if (!analysis) return [];
      const hints: vscode.InlayHint[] = [];
      for (const report of analysis.functions) {
        const line = document.positionAt(report.span.start).line;
        if (line < range.start.line || line > range.end.line) continue;
        const hint = functionHint(report, analysis);
        const label = new vscode.InlayHintLabelPart(hint.text);
        label.command = hintCommand(document, report, hint.loadUnknown, hint.text);
        const parts = [label];
        if (hint.loadUnknown) {
          const defaults = new vscode.InlayHintLabelPart(` · ${DEFAULT_LOAD_HINT}`);
          defaults.command = DEFAULT_LOAD_COMMAND;
          parts.push(defaults);
        }
        const inlay = new vscode.InlayHint(document.lineAt(line).range.end, parts);
        inlay.paddingLeft = true;
        hints.push(inlay);
      }
      return hints;
    }));
  }

  /** Counts the provider's host time to the analysed version (the typing figures read it). */
  private timed<T>(analysis: AnalysisSnapshot | undefined, body: () => T): T {
    const started = performance.now();
    const result = body();
    if (analysis) this.cache.recordHostTime(analysis.uri, analysis.version, performance.now() - started);
    return result;
  }

  /** The current version's analysis when it comes quickly, else the last one (re-queried when the new one lands). */
  private current(document: vscode.TextDocument): Promise<AnalysisSnapshot | undefined> {
    return this.cache.settled(document, HINT_WAIT_MS).then((a) => this.joinedCaps?.apply(a) ?? a, () => undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.lensesChanged.dispose();
    this.inlayChanged.dispose();
  }
}
