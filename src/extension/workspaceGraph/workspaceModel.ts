// The workspace model as the editor keeps it: every pipeline file of the workspace (open documents from their
// editor text, closed ones from disk), joined by the core's Workspace; a change re-reads only the changed file.
import * as vscode from 'vscode';
import { analyze, type Analysis } from '../../core/analyze';
import { cdkStackNames, Workspace, type JoinedWorkspace } from '../../core/workspace';
import type { AnalysisCache } from '../analysisCache';
import { logError } from '../log';
import { SKIPPED_FOLDERS } from '../present/fileNames';
import { PIPELINE_GLOB } from '../workspaceScan';

const EXCLUDE_GLOB = `**/{${SKIPPED_FOLDERS.join(',')}}/**`;
const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_WORKSPACE_FILES = 500;

export class WorkspaceModel {
  private workspace = new Workspace();
  /** Workspace-relative path -> uri, for the files taking part. */
  readonly uris = new Map<string, vscode.Uri>();
  private stackNames = new Map<string, string>();
  /** Each file's own analysis (before joining), by workspace path. */
  readonly analyses = new Map<string, Analysis>();

  constructor(private readonly cache: AnalysisCache) {}

  /** Finds and reads every pipeline file (bounded), and the CDK manifests that name their stacks. */
  async load(): Promise<void> {
    this.workspace = new Workspace();
    this.uris.clear();
    this.analyses.clear();
    this.stackNames = await cdkStacks();
    const found = await vscode.workspace.findFiles(PIPELINE_GLOB, EXCLUDE_GLOB, MAX_WORKSPACE_FILES);
    found.sort((a, b) => a.toString().localeCompare(b.toString()));
    for (const uri of found) await this.refresh(uri);
  }

  /** Re-reads one file (its open document if any) and replaces its entries; false when it is not a pipeline file. */
  async refresh(uri: vscode.Uri): Promise<boolean> {
    const path = vscode.workspace.asRelativePath(uri);
    const analysis = await this.analysisOf(uri);
    if (!analysis) {
      this.analyses.delete(path);
      const had = this.uris.delete(path);
      this.workspace.remove(path);
      return had;
    }
    this.uris.set(path, uri);
    this.analyses.set(path, analysis);
    this.workspace.update(path, analysis, { stackName: this.stackNames.get(uri.toString()) });
    return true;
  }

  remove(uri: vscode.Uri): boolean {
    const path = vscode.workspace.asRelativePath(uri);
    this.workspace.remove(path);
    this.analyses.delete(path);
    return this.uris.delete(path);
  }

  has(uri: vscode.Uri): boolean {
    return this.uris.has(vscode.workspace.asRelativePath(uri));
  }

  joined(): JoinedWorkspace {
    return this.workspace.joined();
  }

  private analyzed(uri: vscode.Uri, text: string): Analysis | undefined {
    const analysis = analyze(text, { path: uri.fsPath || uri.path, settings: this.cache.coreSettings() });
    return analysis.format !== null ? analysis : undefined;
  }

  private async analysisOf(uri: vscode.Uri): Promise<Analysis | undefined> {
    // Joining needs each file's whole analysis (its YAML document), which the worker keeps to itself: this bundle
    // analyses the files it joins. It runs on the extension host, only while a workspace graph is open.
    // An open document with unsaved edits is read from the editor; otherwise from disk, which a watcher event may
    // report before the editor has reloaded the document.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.isDirty);
    try {
      if (open) return this.analyzed(uri, open.getText());
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_FILE_BYTES) return undefined;
      return this.analyzed(uri, new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)));
    } catch (error) {
      logError(`workspace graph: reading ${uri.toString()}`, error);
      return undefined;
    }
  }
}

/** Template uri -> stack name, from every `cdk.out/manifest.json` of the workspace. */
async function cdkStacks(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const manifest of await vscode.workspace.findFiles('**/cdk.out/manifest.json', EXCLUDE_GLOB, 50)) {
    try {
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(manifest));
      for (const [template, stack] of cdkStackNames(text)) out.set(vscode.Uri.joinPath(manifest, '..', template).toString(), stack);
    } catch (error) {
      logError(`workspace graph: reading ${manifest.toString()}`, error);
    }
  }
  return out;
}
