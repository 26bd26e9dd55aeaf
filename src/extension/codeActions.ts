// Quick fixes: the core's fixes for each finding under the cursor (including its "ignore here" comment), with the
// preferred one marked, plus "ignore this rule in this file". A fix carries the document version it was offered
// for; its edits are computed by the worker when it is chosen, and refused when the document changed since.
import * as vscode from 'vscode';
import type { Finding } from '../core/findings';
import type { AnalysisCache } from './analysisCache';
import { APPLY_FIX_COMMAND } from './commandIds';
import { toRange, toWorkspaceEdit } from './convert';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { guard } from './log';
import { ignoreFileEdit } from './present/ignoreComment';
import type { AnalysisSnapshot } from './worker/snapshot';

/** How long the light bulb waits for the analysis of the current version. */
const CODE_ACTION_WAIT_MS = 3000;

export const STALE_FIX_MESSAGE = 'Pipeline Lens: the file changed since it was analysed, so this fix was not applied. Try it again from the light bulb.';

/** The argument of the apply-fix command: which fix of which finding of which analysed version. */
export interface QuickFixArgs {
  uri: string;
  version: number;
  findingIndex: number;
  fixId: string;
}
import { isJsonText } from '../core/text/jsonText';

export class PipelineCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly cache: AnalysisCache) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];
    const analysis = await this.cache.settled(document, CODE_ACTION_WAIT_MS, true);
    return guard('providing code actions', [], () => {
      if (!analysis || analysis.version !== document.version) return [];
      const actions: vscode.CodeAction[] = [];
      analysis.findings.forEach((finding, index) => {
        const findingRange = toRange(document, finding.span);
        if (!findingRange.intersection(range)) return;
        const diagnostic = context.diagnostics.find((d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === finding.rule && d.range.isEqual(findingRange));
        actions.push(...fixActions(analysis, finding, index, diagnostic), ...ignoreFileActions(document, analysis, finding, diagnostic));
      });
      return actions;
    });
  }
}

function fixActions(analysis: AnalysisSnapshot, finding: Finding, findingIndex: number, diagnostic: vscode.Diagnostic | undefined): vscode.CodeAction[] {
  return finding.fixes.map((offer) => {
    const action = new vscode.CodeAction(offer.title, vscode.CodeActionKind.QuickFix);
    const args: QuickFixArgs = { uri: analysis.uri, version: analysis.version, findingIndex, fixId: offer.id };
    action.command = { title: offer.title, command: APPLY_FIX_COMMAND, arguments: [args] };
    action.isPreferred = offer.preferred;
    if (diagnostic) action.diagnostics = [diagnostic];
    return action;
  });
}

function ignoreFileActions(document: vscode.TextDocument, analysis: AnalysisSnapshot, finding: Finding, diagnostic: vscode.Diagnostic | undefined): vscode.CodeAction[] {
  // JSON has no comments: a JSON template is silenced through pipelineLens.severities instead.
  if (finding.rule === 'parse-error' || isJsonText(analysis.parsed.text)) return [];
  const file = new vscode.CodeAction(`Ignore ${finding.rule} in this file (# pipeline-lens-ignore-file)`, vscode.CodeActionKind.QuickFix);
  file.edit = toWorkspaceEdit(document, [ignoreFileEdit(analysis.parsed.text, finding.rule)]);
  if (diagnostic) file.diagnostics = [diagnostic];
  return [file];
}

/** The apply-fix command: refuses (with a message) when the document is no longer the analysed version. */
export async function applyQuickFix(cache: AnalysisCache, raw: unknown): Promise<boolean> {
  const args = raw as Partial<QuickFixArgs> | undefined;
  if (!args || typeof args.uri !== 'string' || typeof args.version !== 'number' || typeof args.findingIndex !== 'number' || typeof args.fixId !== 'string') return false;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri);
  if (!document) return false;
  const refuse = () => {
    void vscode.window.showWarningMessage(STALE_FIX_MESSAGE);
    return false;
  };
  if (document.version !== args.version) return refuse();
  const fix = await cache.fix(document, args.version, args.findingIndex, args.fixId);
  if (fix === undefined || document.version !== args.version) return refuse();
  if (fix === null) {
    void vscode.window.showWarningMessage('Pipeline Lens: this fix cannot be applied safely to the file as it is.');
    return false;
  }
  return vscode.workspace.applyEdit(toWorkspaceEdit(document, fix.edits));
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}
