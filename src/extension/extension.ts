import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Wiring lands with issue 5.
}

export function deactivate(): void {}
