// Quick fixes: the core's fixes for each finding under the cursor (including its "ignore here" comment), as undoable
// WorkspaceEdits with the preferred one marked, plus "ignore this rule in this file".
import * as vscode from 'vscode';
import type { Analysis } from '../core/analyze';
import type { Finding } from '../core/findings';
import { computeFix, fixOffers } from '../core/fixes/index';
import type { AnalysisCache } from './analysisCache';
import { COMMANDS } from './commandIds';
import { toRange, toWorkspaceEdit } from './convert';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { guard, logError } from './log';
import { ignoreFileEdit } from './present/ignoreComment';
import { isJsonText } from '../core/edit/json';

export class PipelineCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly cache: AnalysisCache) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return guard('providing code actions', [], () => {
      if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];
      const analysis = this.cache.get(document);
      if (!analysis) return [];
      const actions: vscode.CodeAction[] = [];
      for (const finding of analysis.findings) {
        const findingRange = toRange(document, finding.span);
        if (!findingRange.intersection(range)) continue;
        const diagnostic = context.diagnostics.find((d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === finding.rule && d.range.isEqual(findingRange));
        actions.push(...fixActions(document, analysis, finding, diagnostic), ...ignoreFileActions(document, analysis, finding, diagnostic));
      }
      return actions;
    });
  }
}

function fixActions(document: vscode.TextDocument, analysis: Analysis, finding: Finding, diagnostic: vscode.Diagnostic | undefined): vscode.CodeAction[] {
  const offers = finding.fixes.length > 0 ? finding.fixes : fixOffers(analysis, finding);
  const actions: vscode.CodeAction[] = [];
  for (const offer of offers) {
    try {
      const fix = computeFix(analysis, finding, offer.id);
      if (!fix || fix.edits.length === 0) continue;
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = toWorkspaceEdit(document, fix.edits);
      action.isPreferred = offer.preferred;
      action.command = { title: fix.title, command: COMMANDS.quickFixApplied, arguments: [offer.id] };
      if (diagnostic) action.diagnostics = [diagnostic];
      actions.push(action);
    } catch (error) {
      logError(`computing fix ${offer.id} for ${finding.rule}`, error);
    }
  }
  return actions;
}

function ignoreFileActions(document: vscode.TextDocument, analysis: Analysis, finding: Finding, diagnostic: vscode.Diagnostic | undefined): vscode.CodeAction[] {
  // JSON has no comments: a JSON template is silenced through pipelineLens.severities instead.
  if (finding.rule === 'parse-error' || isJsonText(analysis.parsed.text)) return [];
  const file = new vscode.CodeAction(`Ignore ${finding.rule} in this file (# pipeline-lens-ignore-file)`, vscode.CodeActionKind.QuickFix);
  file.edit = toWorkspaceEdit(document, [ignoreFileEdit(analysis.parsed.text, finding.rule)]);
  if (diagnostic) file.diagnostics = [diagnostic];
  return [file];
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}
