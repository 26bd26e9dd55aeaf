// A bounded scan of pipeline files that are not open: their findings show in the Problems view from activation.
// Reads through workspace.fs (works in virtual workspaces), yields between files so the host stays responsive.
import * as vscode from 'vscode';
import type { Analysis } from '../core/analyze';
import { LineIndex } from '../core/text/lines';
import type { AnalysisCache } from './analysisCache';
import type { DiagnosticsController } from './diagnostics';
import { SKIPPED_FOLDERS } from './present/fileNames';

export const PIPELINE_GLOB = '**/{serverless.yml,serverless.yaml,template.yaml,template.yml,*.pipeline.yaml,*.pipeline.yml,*.template.json}';
const EXCLUDE_GLOB = `**/{${SKIPPED_FOLDERS.join(',')}}/**`;
const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface ScannedFile {
  uri: vscode.Uri;
  analysis: Analysis;
}

/** Analyses up to `limit` pipeline files (open ones from their editor text); sets diagnostics for the closed ones. */
export async function scanWorkspace(cache: AnalysisCache, diagnostics: DiagnosticsController, limit: number, token?: vscode.CancellationToken): Promise<ScannedFile[]> {
  if (limit <= 0 || !vscode.workspace.workspaceFolders) return [];
  const uris = await vscode.workspace.findFiles(PIPELINE_GLOB, EXCLUDE_GLOB, limit, token);
  uris.sort((a, b) => a.toString().localeCompare(b.toString()));
  const results: ScannedFile[] = [];
  for (const uri of uris) {
    if (token?.isCancellationRequested) break;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      const analysis = cache.get(open);
      if (analysis) results.push({ uri, analysis });
      continue;
    }
    const text = await readText(uri);
    if (text === undefined) continue;
    const analysis = cache.analyzeText(uri, text);
    if (analysis) {
      setClosedFileDiagnostics(diagnostics, uri, text, analysis);
      results.push({ uri, analysis });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}

function setClosedFileDiagnostics(diagnostics: DiagnosticsController, uri: vscode.Uri, text: string, analysis: Analysis): void {
  const lines = new LineIndex(text);
  diagnostics.setForText(uri, analysis, (offset) => {
    const p = lines.positionAt(offset);
    return new vscode.Position(p.line, p.character);
  });
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_FILE_BYTES) return undefined;
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** Keeps the scan's diagnostics of closed files current when they change on disk (git checkout, other tools). */
export function watchPipelineFiles(cache: AnalysisCache, diagnostics: DiagnosticsController, enabled: () => boolean): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(PIPELINE_GLOB);
  const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  const reanalyse = async (uri: vscode.Uri) => {
    if (!enabled() || isOpen(uri) || /[\\/](node_modules|\.serverless|\.aws-sam)[\\/]/.test(uri.path)) return;
    const text = await readText(uri);
    const analysis = text === undefined ? undefined : cache.analyzeText(uri, text);
    if (!analysis || text === undefined) {
      diagnostics.collection.delete(uri);
      return;
    }
    setClosedFileDiagnostics(diagnostics, uri, text, analysis);
  };
  const safe = (uri: vscode.Uri) => void reanalyse(uri).catch(() => undefined);
  return vscode.Disposable.from(
    watcher,
    watcher.onDidChange(safe),
    watcher.onDidCreate(safe),
    watcher.onDidDelete((uri) => {
      if (!isOpen(uri)) diagnostics.collection.delete(uri);
    }),
  );
}
