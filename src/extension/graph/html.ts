// The webview's HTML: strict CSP (nonce for our one script and the graph stylesheet; no unsafe-inline, no
// unsafe-eval), resources only from dist/ and media/.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { GRAPH_CSS } from '../../core/graph/style';
import { CHART_CSS } from '../../core/design/chartStyle';

export function newNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function graphHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = newNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const styles = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'graph.css'));
  const whatIfStyles = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'whatIf.css'));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  // GRAPH_CSS and CHART_CSS are our own constants (no document text): it is shared with the CLI's standalone SVG.
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${styles}">
<link rel="stylesheet" href="${whatIfStyles}">
<style nonce="${nonce}">${GRAPH_CSS}
${CHART_CSS}</style>
<title>Pipeline graph</title>
</head>
<body>
<div id="app" aria-live="polite"></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
