// A bounded scan of pipeline files that are not open: their findings show in the Problems view from activation.
// Reads through workspace.fs (works in virtual workspaces), analyses in the worker one file at a time, and shows
// its progress in a notification that can be cancelled (the scan stops at the next file).
import * as vscode from 'vscode';
import { LineIndex } from '../core/text/lines';
import type { AnalysisCache } from './analysisCache';
import type { DiagnosticsController } from './diagnostics';
import type { DiskChanges } from './diskChanges';
import { log } from './log';
import { isPipelineFilePath, SKIPPED_FOLDERS } from './present/fileNames';
import { scanFiles } from './worker/scanLoop';
import type { AnalysisFacts } from './worker/protocol';

export const PIPELINE_GLOB = '**/{serverless.yml,serverless.yaml,template.yaml,template.yml,*.pipeline.yaml,*.pipeline.yml,*.template.json}';
const EXCLUDE_GLOB = `**/{${SKIPPED_FOLDERS.join(',')}}/**`;

export interface ScannedFile {
  uri: vscode.Uri;
  analysis: AnalysisFacts;
}

/**
 * Analyses up to `limit` pipeline files (open ones from their editor text); sets diagnostics for the closed ones.
 * A scan still running after `notifyAfterMs` shows its progress in a notification with a Cancel button (the
 * activation scan waits a moment, so a small workspace never flashes one; the command shows it at once).
 */
export async function scanWorkspace(cache: AnalysisCache, diagnostics: DiagnosticsController, limit: number, notifyAfterMs = 0, disk?: DiskChanges): Promise<ScannedFile[]> {
  if (limit <= 0 || !vscode.workspace.workspaceFolders) return [];
  const cancel = new vscode.CancellationTokenSource();
  const shown = { done: 0, total: 0, finished: false };
  let report: (() => void) | undefined;
  let closeNotification: (() => void) | undefined;
  const notify = () => {
    if (shown.finished) return;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Pipeline Lens: analysing pipeline files', cancellable: true }, (progress, token) => {
      if (shown.finished) return Promise.resolve();
      token.onCancellationRequested(() => cancel.cancel());
      let percent = 0;
      report = () => {
        const now = shown.total === 0 ? 0 : Math.floor((shown.done / shown.total) * 100);
        progress.report({ message: `${shown.done} of ${shown.total}`, increment: now - percent });
        percent = now;
      };
      report();
      return new Promise<void>((resolve) => (closeNotification = resolve));
    });
  };
  const timer = setTimeout(notify, notifyAfterMs);
  try {
    const uris = await vscode.workspace.findFiles(PIPELINE_GLOB, EXCLUDE_GLOB, limit, cancel.token);
    uris.sort((a, b) => a.toString().localeCompare(b.toString()));
    shown.total = uris.length;
    const files = await scanFiles(uris, {
      analyse: (uri) => analyseFile(cache, diagnostics, uri, disk),
      cancelled: () => cancel.token.isCancellationRequested,
      progress: (done) => {
        shown.done = done;
        report?.();
      },
    });
    if (cancel.token.isCancellationRequested) log(`workspace scan cancelled after ${shown.done} of ${uris.length} files`);
    return files;
  } finally {
    shown.finished = true;
    clearTimeout(timer);
    closeNotification?.();
    cancel.dispose();
  }
}

async function analyseFile(cache: AnalysisCache, diagnostics: DiagnosticsController, uri: vscode.Uri, disk?: DiskChanges): Promise<ScannedFile | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    const analysis = await cache.get(open);
    return analysis ? { uri, analysis } : undefined;
  }
  const text = await readText(uri, cache.maxFileBytes, disk);
  const analysis = text === undefined ? undefined : await cache.analyzeText(uri, text);
  if (!analysis || text === undefined) return undefined;
  setClosedFileDiagnostics(diagnostics, uri, text, analysis);
  return { uri, analysis };
}

function setClosedFileDiagnostics(diagnostics: DiagnosticsController, uri: vscode.Uri, text: string, analysis: AnalysisFacts): void {
  const lines = new LineIndex(text);
  diagnostics.setForText(uri, analysis, (offset) => {
    const p = lines.positionAt(offset);
    return new vscode.Position(p.line, p.character);
  });
}

/** A closed pipeline file's text from disk (tracked for changes), or undefined when unreadable or above the limit. */
export async function readText(uri: vscode.Uri, maxBytes: number, disk?: DiskChanges): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    disk?.track(uri, stat);
    if (stat.size > maxBytes) {
      log(`${uri.toString()}: not analysed, ${stat.size} bytes is above the size limit (setting pipelineLens.maxFileSizeMB)`);
      return undefined;
    }
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** Keeps the scan's diagnostics of closed files current when they change on disk (git checkout, other tools). */
export function watchPipelineFiles(cache: AnalysisCache, diagnostics: DiagnosticsController, enabled: () => boolean, disk: DiskChanges): vscode.Disposable {
  const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  const reanalyse = async (uri: vscode.Uri) => {
    if (!enabled() || !isPipelineFilePath(uri.path) || isOpen(uri) || /[\\/](node_modules|\.serverless|\.aws-sam)[\\/]/.test(uri.path)) return;
    const text = await readText(uri, cache.maxFileBytes, disk);
    const analysis = text === undefined ? undefined : await cache.analyzeText(uri, text);
    if (!analysis || text === undefined) {
      diagnostics.remove(uri);
      return;
    }
    setClosedFileDiagnostics(diagnostics, uri, text, analysis);
  };
  const safe = (uri: vscode.Uri) => void reanalyse(uri).catch(() => undefined);
  return vscode.Disposable.from(
    disk.onDidChange(safe),
    disk.onDidCreate(safe),
    disk.onDidDelete((uri) => {
      if (!isOpen(uri)) diagnostics.remove(uri);
    }),
  );
}
