// Inline hints on each function: cost and concurrency (click: the graph on that function), or what load is missing
// (click: insert the annotation skeleton) beside "set a default load" (click: those settings). Shown as CodeLens or
// inlay hints, per `pipelineLens.hints`.
import * as vscode from 'vscode';
import type { FunctionReport } from '../core/report';
import type { AnalysisCache } from './analysisCache';
import { COMMANDS } from './commandIds';
import { toRange } from './convert';
import { guard } from './log';
import { DEFAULT_LOAD_HINT, functionHint } from './present/hintText';
import type { HintStyle } from './present/settingsMap';

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

  // The editor re-queries both on every document change; `refresh` is for settings changes.
  constructor(private readonly cache: AnalysisCache, private readonly style: () => HintStyle) {}

  refresh(): void {
    this.lensesChanged.fire();
    this.inlayChanged.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    return guard('providing code lenses', [], () => {
      if (this.style() !== 'codelens') return [];
      const analysis = this.cache.get(document);
      if (!analysis) return [];
      return analysis.functions.flatMap((report) => {
        const hint = functionHint(report, analysis);
        const range = toRange(document, report.span);
        const lens = new vscode.CodeLens(range, hintCommand(document, report, hint.loadUnknown, hint.text));
        return hint.loadUnknown ? [lens, new vscode.CodeLens(range, DEFAULT_LOAD_COMMAND)] : [lens];
      });
    });
  }

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    return guard('providing inlay hints', [], () => {
      if (this.style() !== 'inlay') return [];
      const analysis = this.cache.get(document);
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
    });
  }

  dispose(): void {
    this.lensesChanged.dispose();
    this.inlayChanged.dispose();
  }
}
