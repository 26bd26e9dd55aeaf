// Helpers for integration tests running in the extension host (see index.ts for how to write a test).
import * as vscode from 'vscode';

export const EXTENSION_ID = 'pipeline-lens.pipeline-lens';

/** Root of the throwaway workspace (a copy of examples/, with test/fixtures under fixtures/). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('integration tests need a workspace folder');
  return folder.uri;
}

export async function openWorkspaceFile(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Polls `read` until `accept` holds, then returns the value; fails with the last value after the deadline. */
export async function waitFor<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

/** Waits for diagnostics on a document that satisfy `accept` (event-driven, with a deadline). */
export function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      done();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics on ${uri.fsPath}; have: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => [d.code, d.message]))}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}
