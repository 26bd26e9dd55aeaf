// Diagnostics: one per finding, on its exact span, with the rule id (linked to its docs) as code. Debounced while
// typing, immediate on open and save, cleared on close. Set when the analysis of the document's current version
// arrives from the worker (a result for a version the document has left is never shown).
import * as vscode from 'vscode';
import { ruleDocsUrl } from '../core/findings';
import type { AnalysisCache } from './analysisCache';
import { toRange, toSeverity } from './convert';
import { isCandidate } from './documentFilter';
import { guard } from './log';
import type { AnalysisFacts } from './worker/protocol';
import { resolvedFindingKey } from './worker/workspaceProtocol';

export const DIAGNOSTIC_SOURCE = 'Pipeline Lens';
/** Diagnostics change no sooner than this after the last keystroke (they would flicker while typing). */
const TYPING_DELAY_MS = 250;
/** The worker starts analysing after this pause already, so the result is usually there when the debounce ends:
 * edit -> diagnostics is max(250, 150 + analysis) instead of 250 + analysis. */
const ANALYSIS_DELAY_MS = 150;

export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('pipelineLens');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** When each document last changed (performance.now()), for the debounce of what is shown. */
  private readonly changedAt = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Each file's diagnostics as analysed alone, before hiding what the joined workspace resolved. */
  private readonly alone = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
  /** Per file, `rule|message` of findings the joined workspace no longer has (a `${cf:}` it resolved, a store it
   * found in another file): the joined model is the better answer, so they are not shown. */
  private resolved = new Map<string, Set<string>>();

  constructor(private readonly cache: AnalysisCache) {
    this.subscriptions.push(
      cache.onDidAnalyze(({ document, analysis }) => this.show(document, analysis)),
      vscode.workspace.onDidOpenTextDocument((d) => this.refresh(d)),
      vscode.workspace.onDidSaveTextDocument((d) => this.refresh(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
      // VS Code disposes a closed document's model only minutes later when an extension opened it: clear when
      // its last tab closes, and show it again when an editor brings it back.
      vscode.window.tabGroups.onDidChangeTabs((e) => this.tabsClosed(e.closed)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const editor of editors) if (!this.collection.has(editor.document.uri)) this.refresh(editor.document);
      }),
    );
    for (const document of vscode.workspace.textDocuments) this.refresh(document);
  }

  /** Re-analyses every open document (settings changed). */
  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.refresh(document);
  }

  /** Asks for the current version's analysis; diagnostics follow when it arrives (onDidAnalyze). */
  refresh(document: vscode.TextDocument): void {
    guard('updating diagnostics', undefined, () => {
      this.cancel(document.uri);
      if (!isCandidate(document)) return;
      const known = this.cache.current(document);
      if (known) this.show(document, known);
      else void this.cache.get(document);
    });
  }

  private show(document: vscode.TextDocument, analysis: AnalysisFacts | undefined): void {
    guard('showing diagnostics', undefined, () => {
      const key = document.uri.toString();
      const wait = (this.changedAt.get(key) ?? -Infinity) + TYPING_DELAY_MS - performance.now();
      if (wait > 0) {
        // Early result (analysis started before the debounce ended): show it when the debounce ends, if still current.
        const version = document.version;
        this.cancel(document.uri);
        this.timers.set(key, setTimeout(() => {
          this.timers.delete(key);
          if (!document.isClosed && document.version === version) this.show(document, analysis);
        }, wait));
        return;
      }
      if (analysis) this.put(document.uri, toDiagnostics(analysis, document.uri, (span) => toRange(document, span)));
      else this.remove(document.uri);
    });
  }

  /** Diagnostics of a file that is not open (workspace scan), positioned with the analysed text. */
  setForText(uri: vscode.Uri, analysis: AnalysisFacts, positionAt: (offset: number) => vscode.Position): void {
    this.put(uri, toDiagnostics(analysis, uri, (span) => new vscode.Range(positionAt(span.start), positionAt(span.end))));
  }

  /** What the joined workspace resolved, by file uri (see `resolved`); an empty map shows everything again. */
  hideResolved(resolved: Map<string, Set<string>>): void {
    const touched = new Set([...this.resolved.keys(), ...resolved.keys()]);
    this.resolved = resolved;
    for (const key of touched) {
      const shown = this.alone.get(key);
      if (shown) this.put(shown.uri, shown.diagnostics);
    }
  }

  private put(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): void {
    const key = uri.toString();
    this.alone.set(key, { uri, diagnostics });
    const hidden = this.resolved.get(key);
    this.collection.set(uri, hidden ? diagnostics.filter((d) => !hidden.has(resolvedKey(d))) : diagnostics);
  }

  /** Removes a file's diagnostics (without forgetting its analysis: see clear()). */
  remove(uri: vscode.Uri): void {
    this.alone.delete(uri.toString());
    this.collection.delete(uri);
  }

  clear(uri: vscode.Uri): void {
    this.cancel(uri);
    this.changedAt.delete(uri.toString());
    this.remove(uri);
    this.cache.forget(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.collection.dispose();
  }

  private tabsClosed(closed: readonly vscode.Tab[]): void {
    guard('clearing closed tabs', undefined, () => {
      const stillShown = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => tabUri(t)?.toString()));
      for (const tab of closed) {
        const uri = tabUri(tab);
        if (uri && !stillShown.has(uri.toString())) this.clear(uri);
      }
    });
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isCandidate(document)) return;
    this.cancel(document.uri);
    const key = document.uri.toString();
    this.changedAt.set(key, performance.now());
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!document.isClosed) this.refresh(document);
    }, ANALYSIS_DELAY_MS));
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }
}

function resolvedKey(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return resolvedFindingKey(typeof code === 'object' && code !== null ? String(code.value) : String(code), diagnostic.message);
}

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  const input = tab.input;
  return input instanceof vscode.TabInputText ? input.uri : input instanceof vscode.TabInputTextDiff ? input.modified : undefined;
}

export function toDiagnostics(analysis: AnalysisFacts, uri: vscode.Uri, range: (span: { start: number; end: number }) => vscode.Range): vscode.Diagnostic[] {
  return analysis.findings.map((finding) => {
    const diagnostic = new vscode.Diagnostic(range(finding.span), finding.message, toSeverity(finding.severity));
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: finding.rule, target: vscode.Uri.parse(ruleDocsUrl(finding.rule)) };
    if (finding.related.length > 0) {
      diagnostic.relatedInformation = finding.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, range(r.span)), r.message));
    }
    return diagnostic;
  });
}
