// The synchronous `readFile` the core uses for `${file(./x.yml)}`: open documents first, then disk, and only files
// inside a workspace folder (never anything executed, never outside the workspace). Returns undefined otherwise.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const MAX_INCLUDE_BYTES = 2 * 1024 * 1024;

export function workspaceReader(document: vscode.TextDocument): (file: string) => string | undefined {
  return (file: string) => {
    try {
      if (document.uri.scheme !== 'file') return openDocumentText(document.uri.with({ path: resolvePosix(document.uri.path, file) }));
      const absolute = path.resolve(path.dirname(document.uri.fsPath), file);
      const uri = vscode.Uri.file(absolute);
      if (!vscode.workspace.getWorkspaceFolder(uri)) return undefined;
      const open = openDocumentText(uri);
      if (open !== undefined) return open;
      const stat = fs.statSync(absolute, { throwIfNoEntry: false });
      if (!stat || !stat.isFile() || stat.size > MAX_INCLUDE_BYTES) return undefined;
      return fs.readFileSync(absolute, 'utf8');
    } catch {
      return undefined;
    }
  };
}

function openDocumentText(uri: vscode.Uri): string | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key)?.getText();
}

function resolvePosix(from: string, file: string): string {
  return path.posix.resolve(path.posix.dirname(from), file);
}
