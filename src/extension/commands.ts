// Command handlers: Analyze Workspace, Insert Load Annotation, Set Default Load, Export Report, Open Example Pipeline.
import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import { toRange, toWorkspaceEdit } from './convert';
import type { DiagnosticsController } from './diagnostics';
import type { DiskChanges } from './diskChanges';
import { reportMarkdown } from './present/reportMarkdown';
import { DEFAULT_LOAD_SETTINGS_QUERY } from './present/unknownLoad';
import { columnForNewEditor, targetDocument } from './targetDocument';
import type { PipelineSummary } from '../protocol';
import { AnalysisSnapshot } from './worker/snapshot';
import type { JoinedCaps } from './workspaceGraph/joinedCaps';
import { scanWorkspace, type ScannedFile } from './workspaceScan';

export const EXAMPLES = [
  { label: 'Kinesis clickstream sessionization (Serverless Framework)', path: 'examples/clickstream/serverless.yml' },
  { label: 'S3 ingest without a buffer (AWS SAM)', path: 'examples/s3-ingest/template.yaml' },
  { label: 'Orders through SQS with a DLQ (Serverless Framework)', path: 'examples/orders-queue/serverless.yml' },
  { label: 'Webhooks into a queue, no load declared yet (Serverless Framework)', path: 'examples/webhooks/serverless.yml' },
];

export async function analyzeWorkspace(cache: AnalysisCache, diagnostics: DiagnosticsController, limit: number, disk?: DiskChanges): Promise<string> {
  const files = await scanWorkspace(cache, diagnostics, Math.max(limit, 1), 0, disk);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of files) for (const finding of f.analysis.findings) counts[finding.severity]++;
  const summary = `Pipeline Lens: ${files.length} pipeline file${files.length === 1 ? '' : 's'}: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos.`;
  void vscode.window.showInformationMessage(summary);
  if (counts.error + counts.warning + counts.info > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
  return summary;
}

/** A document Uri passed to a command: a Uri (CodeLens, status bar) or its string form (Markdown command links). */
export function asUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg !== 'string' || arg.length > 4096) return undefined;
  try {
    return vscode.Uri.parse(arg, true);
  } catch {
    return undefined;
  }
}

/** The settings editor showing the two default-load settings (`pipelineLens.defaults.rate`, `.duration`). */
export async function openLoadSettings(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', DEFAULT_LOAD_SETTINGS_QUERY);
}

/** Inserts `rate`/`duration` placeholders for a function (the one under the cursor when none is given). */
export async function insertLoadAnnotation(cache: AnalysisCache, uri?: vscode.Uri, functionId?: string): Promise<boolean> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : targetDocument((d) => cache.latest(d) !== undefined);
  const analysis = document ? await cache.get(document) : undefined;
  if (!document || !analysis) {
    void vscode.window.showInformationMessage('Pipeline Lens: open a serverless.yml, SAM/CloudFormation template or *.pipeline.yaml first.');
    return false;
  }
  const id = functionId ?? (await pickFunction(document, analysis.functions.map((f) => ({ id: f.id, declared: f.load.declared, span: f.span })), analysis.model.nodes));
  if (!id) return false;
  const skeleton = await cache.annotation(document, analysis.version, id);
  const version = document.version;
  if (skeleton === undefined || version !== analysis.version) {
    void vscode.window.showWarningMessage('Pipeline Lens: the file changed since it was analysed, so nothing was inserted; run the command again.');
    return false;
  }
  if (!skeleton) {
    void vscode.window.showInformationMessage(`Pipeline Lens: ${id} already declares its load, or the file cannot be edited safely there (fix the YAML first).`);
    return false;
  }
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document, skeleton.edits)))) return false;
  const editor = await vscode.window.showTextDocument(document);
  if (skeleton.select && document.version === version + 1) {
    const range = toRange(document, skeleton.select);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return true;
}

async function pickFunction(
  document: vscode.TextDocument,
  functions: { id: string; declared: boolean; span: { start: number; end: number } }[],
  nodes: { id: string; blockSpan?: { start: number; end: number }; span: { start: number; end: number } }[],
): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document === document) {
    const offset = document.offsetAt(editor.selection.active);
    const under = functions.find((f) => {
      const node = nodes.find((n) => n.id === f.id);
      const block = node?.blockSpan ?? f.span;
      return (offset >= f.span.start && offset <= f.span.end) || (offset >= block.start && offset <= block.end);
    });
    if (under) return under.id;
  }
  if (functions.length === 1) return functions[0].id;
  const picked = await vscode.window.showQuickPick(
    [...functions].sort((a, b) => Number(a.declared) - Number(b.declared)).map((f) => ({ label: f.id, description: f.declared ? 'load declared' : 'load not declared' })),
    { placeHolder: 'Declare the load of which function?' },
  );
  return picked?.label;
}

/** What the joined workspace adds to the report: caps from other files, and the pipelines across files. */
export interface JoinedReport {
  caps: JoinedCaps;
  pipelines: () => PipelineSummary[];
}

/** A Markdown summary of costs and findings of the workspace's pipeline files (or the active one), untitled. */
export async function exportReport(cache: AnalysisCache, diagnostics: DiagnosticsController, limit: number, joined?: JoinedReport, disk?: DiskChanges): Promise<vscode.TextDocument | undefined> {
  let files = await scanWorkspace(cache, diagnostics, Math.max(limit, 1), 0, disk);
  const active = vscode.window.activeTextEditor?.document;
  const activeAnalysis = active ? await cache.get(active) : undefined;
  if (active && activeAnalysis && !files.some((f) => f.uri.toString() === active.uri.toString())) files = [{ uri: active.uri, analysis: activeAnalysis }, ...files];
  if (files.length === 0) {
    void vscode.window.showInformationMessage('Pipeline Lens: no pipeline files to report on.');
    return undefined;
  }
  const analysisOf = (f: ScannedFile) => (f.analysis instanceof AnalysisSnapshot ? joined?.caps.apply(f.analysis) ?? f.analysis : f.analysis);
  const reported = files.map((f) => ({ path: vscode.workspace.asRelativePath(f.uri), analysis: analysisOf(f) }));
  const content = reportMarkdown(reported, new Date(), joined?.pipelines() ?? []);
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(document);
  return document;
}

/** Opens a bundled example as an untitled YAML document (the user's changes never touch the extension's files). */
export async function openExample(extensionUri: vscode.Uri, examplePath?: string): Promise<vscode.TextDocument | undefined> {
  const chosen = examplePath
    ? EXAMPLES.find((e) => e.path === examplePath)
    : await vscode.window.showQuickPick(EXAMPLES, { placeHolder: 'Open which example pipeline?' });
  if (!chosen) return undefined;
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, chosen.path));
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: new TextDecoder('utf-8').decode(bytes) });
  await vscode.window.showTextDocument(document, columnForNewEditor());
  return document;
}
