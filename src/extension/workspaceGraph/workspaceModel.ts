// The workspace model as the editor keeps it: which pipeline files of the workspace take part, read here (open
// documents with unsaved edits from the editor, the rest from disk) and sent to the analysis worker, which
// analyses and joins them. A change re-sends only the changed file; nothing is parsed on this thread.
import * as vscode from 'vscode';
import { cdkStackNames } from '../../core/workspace/cdkManifest';
import { SAM_TEMPLATE_NAMES, samConfigFormat, type SamConfigFormat } from '../../core/workspace/samConfigNames';
import type { AnalysisCache } from '../analysisCache';
import type { DiskChanges } from '../diskChanges';
import { log, logError } from '../log';
import { SKIPPED_FOLDERS } from '../present/fileNames';
import { skipReason } from '../worker/limits';
import { RequestFailed } from '../worker/protocol';
import type { WorkspaceFix, WorkspaceView } from '../worker/workspaceProtocol';
import { PIPELINE_GLOB, readText } from '../workspaceScan';

const EXCLUDE_GLOB = `**/{${SKIPPED_FOLDERS.join(',')}}/**`;
export const MAX_WORKSPACE_FILES = 500;

export class WorkspaceModel {
  /** Workspace-relative path -> uri, for the files taking part. */
  readonly uris = new Map<string, vscode.Uri>();
  private stackSources = new Map<string, StackSource>();

  constructor(private readonly cache: AnalysisCache, private readonly disk?: DiskChanges) {}

  /** Finds and sends every pipeline file (bounded), with the stack names CDK manifests and SAM configs give them. */
  async load(): Promise<void> {
    this.uris.clear();
    await this.cache.workspace({ kind: 'workspaceReset' });
    this.stackSources = await deployedStacks();
    const found = await vscode.workspace.findFiles(PIPELINE_GLOB, EXCLUDE_GLOB, MAX_WORKSPACE_FILES);
    found.sort((a, b) => a.toString().localeCompare(b.toString()));
    if (found.length >= MAX_WORKSPACE_FILES) {
      log(`workspace join: the workspace has ${MAX_WORKSPACE_FILES} or more pipeline files; only the first ${MAX_WORKSPACE_FILES} are joined (\`pipeline-lens check <dir> --workspace\` joins them all)`);
    }
    // Read the next file while the worker analyses the ones before it.
    const sent: Promise<boolean>[] = [];
    for (const uri of found) sent.push(this.send(uri, await this.read(uri)));
    await Promise.all(sent);
  }

  /** Re-reads one file and sends it; false when it does not take part (not a pipeline file, unreadable, too big). */
  async refresh(uri: vscode.Uri): Promise<boolean> {
    return this.send(uri, await this.read(uri));
  }

  remove(uri: vscode.Uri): boolean {
    const path = vscode.workspace.asRelativePath(uri);
    if (!this.uris.delete(path)) return false;
    void this.cache.workspace({ kind: 'workspaceRemove', path }).catch((error) => logError(`workspace graph: removing ${path}`, error));
    return true;
  }

  has(uri: vscode.Uri): boolean {
    return this.uris.has(vscode.workspace.asRelativePath(uri));
  }

  /** The joined view; undefined when a newer view was asked for meanwhile (that one answers). */
  async view(draw: boolean, direction: 'RIGHT' | 'DOWN', maxNodes: number): Promise<WorkspaceView | undefined> {
    try {
      return await this.cache.workspace({ kind: 'workspaceView', draw, direction, maxNodes });
    } catch (error) {
      if (error instanceof RequestFailed && error.reason === 'superseded') return undefined;
      throw error;
    }
  }

  /** A fix on the graph drawn as `version`; undefined when that graph is no longer the one shown. */
  async fix(version: number, findingIndex: number, fixId: string): Promise<WorkspaceFix | null | undefined> {
    try {
      return await this.cache.workspace({ kind: 'workspaceFix', version, findingIndex, fixId });
    } catch (error) {
      if (error instanceof RequestFailed && error.reason === 'stale') return undefined;
      throw error;
    }
  }

  private async send(uri: vscode.Uri, text: string | undefined): Promise<boolean> {
    const path = vscode.workspace.asRelativePath(uri);
    if (text === undefined) {
      this.remove(uri);
      return false;
    }
    try {
      const onDisk = uri.scheme === 'file';
      const stack = this.stackSources.get(uri.toString());
      const takesPart = await this.cache.workspace({ kind: 'workspaceUpdate', path, fsPath: onDisk ? uri.fsPath : uri.path, onDisk, text, ...stack });
      if (takesPart) this.uris.set(path, uri);
      else this.uris.delete(path);
      return takesPart;
    } catch (error) {
      logError(`workspace graph: analysing ${path}`, error);
      return false;
    }
  }

  /** An open document with unsaved edits is read from the editor; otherwise from disk, which a watcher event may
   * report before the editor has reloaded the document. Undefined for unreadable, binary or too big files. */
  private async read(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.isDirty);
    if (open) return open.getText();
    const text = await readText(uri, this.cache.maxFileBytes, this.disk);
    return text === undefined || skipReason(text, this.cache.maxFileBytes / (1024 * 1024)) ? undefined : text;
  }
}

/** What names a template's stack: CDK's manifest (read here: JSON), or SAM's samconfig (YAML or TOML, read by the
 * worker: the host never loads the YAML parser). */
export interface StackSource {
  stackName?: string;
  samConfig?: { text: string; format: SamConfigFormat };
}

/** Template uri -> what names its stack, from every `cdk.out/manifest.json` and SAM `samconfig` of the workspace. */
async function deployedStacks(): Promise<Map<string, StackSource>> {
  const out = new Map<string, StackSource>();
  const read = async (uri: vscode.Uri) => new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  for (const manifest of await vscode.workspace.findFiles('**/cdk.out/manifest.json', EXCLUDE_GLOB, 50)) {
    try {
      for (const [template, stack] of cdkStackNames(await read(manifest))) out.set(vscode.Uri.joinPath(manifest, '..', template).toString(), { stackName: stack });
    } catch (error) {
      logError(`workspace join: reading ${manifest.toString()}`, error);
    }
  }
  // samconfig.toml first: SAM reads samconfig.yaml/.yml only where there is no TOML one.
  const configs = (await vscode.workspace.findFiles('**/samconfig.{toml,yaml,yml}', EXCLUDE_GLOB, 200)).sort(
    (a, b) => Number(b.path.endsWith('.toml')) - Number(a.path.endsWith('.toml')),
  );
  const named = new Set<string>();
  for (const config of configs) {
    const folder = vscode.Uri.joinPath(config, '..').toString();
    const format = samConfigFormat(config.path);
    if (!format || named.has(folder)) continue;
    named.add(folder);
    try {
      const samConfig = { text: await read(config), format };
      for (const name of SAM_TEMPLATE_NAMES) out.set(vscode.Uri.joinPath(config, '..', name).toString(), { samConfig });
    } catch (error) {
      logError(`workspace join: reading ${config.toString()}`, error);
    }
  }
  return out;
}
