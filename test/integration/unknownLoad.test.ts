// The unknown-load state in the real editor: the hint, the hover and the status bar item say what is missing and
// lead to declaring it; their commands run (annotation inserted, default-load settings opened) and the cost appears.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, rangeOfText, setSetting, writeWorkspaceFile } from './editorSupport';
import { waitFor } from './support';

const TEXT = 'service: billing\nprovider:\n  name: aws\n\nfunctions:\n  charge:\n    handler: src/charge.handler\n  refund:\n    handler: src/refund.handler\n';

/** The command links of a Markdown text: [title, command, args]. */
function links(markdown: string): { title: string; command: string; args: unknown[] }[] {
  return [...markdown.matchAll(/\[([^\]]+)\]\(command:([\w.]+)(?:\?([^)]*))?\)/g)].map((m) => ({
    title: m[1],
    command: m[2],
    args: m[3] ? (JSON.parse(decodeURIComponent(m[3])) as unknown[]) : [],
  }));
}

function hoverMarkdown(hovers: vscode.Hover[]): vscode.MarkdownString[] {
  return hovers.flatMap((h) => h.contents.filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString));
}

async function openFresh(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(await writeWorkspaceFile(`unknown-load/${name}/serverless.yml`, TEXT));
  await vscode.window.showTextDocument(document);
  return document;
}

describe('unknown load as the way in', () => {
  before(async () => {
    await extensionApi();
  });

  it('hover: says what is missing, bounds the cost, and its command link declares the load', async () => {
    const document = await openFresh('hover');
    const position = rangeOfText(document, 'refund:').start.translate(0, 2);
    const hovers = await waitFor(
      async () => (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [],
      (h) => hoverMarkdown(h).some((m) => m.value.includes('**Cost:**')),
      20_000,
      'the function hover',
    );
    const markdown = hoverMarkdown(hovers).find((m) => m.value.includes('**Cost:**'))!;
    assert.match(markdown.value, /unknown: this function declares no `rate` and `duration`, and no default is set/);
    assert.match(markdown.value, /at most \$100\.20 per 1M calls \(1024 MB for its whole 6 s timeout/);
    const trusted = markdown.isTrusted;
    assert.ok(typeof trusted === 'object' && trusted.enabledCommands.includes('pipelineLens.insertLoadAnnotation'), JSON.stringify(trusted));
    assert.ok(typeof trusted === 'object' && trusted.enabledCommands.every((c) => c.startsWith('pipelineLens.')), 'only our commands are trusted');
    const declare = links(markdown.value).find((l) => l.command === 'pipelineLens.insertLoadAnnotation');
    assert.deepEqual(declare?.args, [document.uri.toString(), 'refund']);
    await vscode.commands.executeCommand(declare!.command, ...declare!.args);
    await waitFor(() => document.getText(), (t) => t.includes('      refund:\n        rate: 10/minute\n        duration: 500ms\n'), 20_000, 'the annotation of refund');
  });

  it('status bar: asks to declare the load; its click declares it and the item then shows a cost per day', async () => {
    const { statusItem } = await extensionApi();
    const document = await openFresh('status');
    await waitFor(() => statusItem.text, (t) => t.includes('cost: declare load'), 20_000, 'the unknown-load status');
    const tooltip = statusItem.tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /cost unknown: all 2 functions declare no rate and duration \(`charge`, `refund`\)/);
    assert.deepEqual(
      links(tooltip.value).map((l) => l.command),
      ['pipelineLens.insertLoadAnnotation', 'pipelineLens.openLoadSettings', 'pipelineLens.openGraph'],
    );
    const command = statusItem.command as vscode.Command;
    assert.equal(command.command, 'pipelineLens.insertLoadAnnotation');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    assert.match(document.getText(), /      charge:\n        rate: 10\/minute\n        duration: 500ms\n/);
    await waitFor(() => statusItem.text, (t) => /\$0\.123\/day \+ 1 unknown/.test(t), 20_000, 'a cost in the status bar');
  });

  it('inlay hints: the same text, then "set a default load" as a second part that opens those settings', async () => {
    const document = await openFresh('inlay');
    try {
      await setSetting('hints', 'inlay');
      const line = rangeOfText(document, 'charge:').start.line;
      const hints = await waitFor(
        async () => (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0))) ?? [],
        (h) => h.some((x) => x.position.line === line),
        20_000,
        'the inlay hint on charge',
      );
      const parts = hints.find((x) => x.position.line === line)!.label as vscode.InlayHintLabelPart[];
      // (A part's command with a Uri argument does not survive executeInlayHintProvider's conversion; the CodeLens
      // test in hints.test.ts runs that same command.)
      assert.deepEqual(
        parts.map((p) => p.value),
        ['load unknown: declare rate and duration · ≤ $100.20 per 1M calls at its 6 s timeout · cap 1,000', ' · set a default load'],
      );
      assert.equal(parts[1].command?.command, 'pipelineLens.openLoadSettings');
      await vscode.commands.executeCommand(parts[1].command!.command);
      await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '', (label) => /settings/i.test(label), 20_000, 'the settings editor');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await setSetting('hints', undefined);
    }
  });

  it('"set a default load" opens the settings editor on the default-load settings', async () => {
    await openFresh('settings');
    await vscode.commands.executeCommand('pipelineLens.openLoadSettings');
    await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '', (label) => /settings/i.test(label), 20_000, 'the settings editor');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
