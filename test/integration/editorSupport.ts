// Helpers for the editor-feature integration tests (H6): the extension's API, positions of text, diagnostic codes,
// throwaway files in the workspace copy, and printing figures through mocha's (marked) output.
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/extension';
import { EXTENSION_ID, workspaceRoot } from './support';

export async function extensionApi(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** Range of the `occurrence`-th (0-based) appearance of `needle`, searching from `after` when given. */
export function rangeOfText(document: vscode.TextDocument, needle: string, after?: string): vscode.Range {
  const text = document.getText();
  const from = after === undefined ? 0 : text.indexOf(after);
  if (from < 0) throw new Error(`"${after}" is not in ${document.uri.path}`);
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`"${needle}" is not in ${document.uri.path}`);
  return new vscode.Range(document.positionAt(start), document.positionAt(start + needle.length));
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

export function codeTarget(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? code.target.toString() : undefined;
}

/** Writes a file into the throwaway workspace (tests own the paths they create under `editor-tests/`). */
export async function writeWorkspaceFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'editor-tests', relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Prints a line into the test output (the runner only forwards mocha's own console lines). */
export function print(line: string): void {
  Mocha.reporters.Base.consoleLog(line);
}

/** Sets a `pipelineLens.*` setting for the workspace; undefined removes it. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('pipelineLens').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Undoes in the active editor until the document reads `original` (one applyEdit = one undo step). */
export async function undoUntil(document: vscode.TextDocument, original: string, maxSteps = 3): Promise<void> {
  for (let i = 0; i < maxSteps && document.getText() !== original; i++) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
  }
}
