// Status bar item: the active pipeline file's cost/day and finding counts (or the way to declare an unknown load);
// hidden for other files.
import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import { COMMANDS } from './commandIds';
import { guard } from './log';
import { statusText } from './present/statusText';
import { TRUSTED_COMMANDS } from './present/unknownLoad';

export class PipelineStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('pipelineLens.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly cache: AnalysisCache) {
    this.item.name = 'Pipeline Lens';
    this.item.command = COMMANDS.showStatus;
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      cache.onDidAnalyze(({ document }) => {
        if (document === vscode.window.activeTextEditor?.document) this.update();
      }),
    );
    this.update();
  }

  update(): void {
    guard('updating the status bar', undefined, () => {
      const document = vscode.window.activeTextEditor?.document;
      const analysis = document ? this.cache.get(document) : undefined;
      if (!analysis) {
        this.item.hide();
        return;
      }
      const { text, tooltip, declare } = statusText(analysis, document?.uri.toString());
      this.item.text = text;
      const markdown = new vscode.MarkdownString(tooltip);
      markdown.isTrusted = { enabledCommands: [...TRUSTED_COMMANDS] };
      this.item.tooltip = markdown;
      // An unknown load is the first thing to fix: the click declares it (the tooltip offers the rest).
      this.item.command = declare && document
        ? { title: declare.title, command: COMMANDS.insertLoadAnnotation, arguments: [document.uri, declare.functionId] }
        : COMMANDS.showStatus;
      this.item.show();
    });
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.item.dispose();
  }
}

/** The status bar's click: the Problems view or the graph. */
export async function showStatusChoice(): Promise<void> {
  const choice = await vscode.window.showQuickPick(
    [
      { label: '$(warning) Show Problems', id: 'problems' },
      { label: '$(type-hierarchy) Open Graph', id: 'graph' },
    ],
    { placeHolder: 'Pipeline Lens' },
  );
  if (choice?.id === 'problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
  if (choice?.id === 'graph') await vscode.commands.executeCommand(COMMANDS.openGraph);
}
