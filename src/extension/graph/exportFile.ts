// Export the graph drawn in the webview: a save dialog next to the document, then write the bytes.
import * as vscode from 'vscode';
import * as path from 'node:path';

export async function saveExport(
  document: vscode.TextDocument,
  extension: 'svg' | 'png',
  bytes: Uint8Array,
  subject: 'graph' | 'chart' = 'graph',
): Promise<vscode.Uri | undefined> {
  const base = path.posix.basename(document.uri.path).replace(/\.(ya?ml|json)$/i, '');
  const defaultUri = vscode.Uri.joinPath(document.uri, '..', `${base}.${subject === 'chart' ? 'cost-chart' : 'graph'}.${extension}`);
  const target = await vscode.window.showSaveDialog({
    defaultUri,
    filters: extension === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    title: `Export ${subject === 'chart' ? 'cost chart' : 'pipeline graph'} as ${extension.toUpperCase()}`,
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.showInformationMessage(`Pipeline Lens: ${subject === 'chart' ? 'cost chart' : 'graph'} exported to ${vscode.workspace.asRelativePath(target)}`);
  return target;
}

export function pngBytes(dataUrl: string): Uint8Array {
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}
