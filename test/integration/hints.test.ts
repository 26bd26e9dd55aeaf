// Inline hints on each function (CodeLens by default, inlay hints by setting), the "declare it" flow, and hovers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, rangeOfText, setSetting, writeWorkspaceFile } from './editorSupport';
import { openWorkspaceFile, waitFor } from './support';

const SESSIONIZE_HINT = '$513.02/day · $0.00713 a call · ~150 concurrent (cap 4: 4 shards x PF 1)';

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

describe('function hints', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await extensionApi();
    document = await openWorkspaceFile('clickstream/serverless.yml');
  });

  it('shows cost and concurrency above each function; a click opens the graph on it', async () => {
    const all = await waitFor(() => lenses(document.uri), (l) => l.some((x) => x.command?.title === SESSIONIZE_HINT), 20_000, 'the sessionize lens');
    const lens = all.find((x) => x.command?.title === SESSIONIZE_HINT)!;
    assert.equal(lens.range.start.line, rangeOfText(document, 'sessionize:', '\nfunctions:').start.line);
    assert.equal(lens.command?.command, 'pipelineLens.openGraph');
    assert.deepEqual(lens.command?.arguments, ['sessionize']);
    const titles = all.map((l) => l.command?.title);
    assert.equal(titles.length, 3, JSON.stringify(titles));
  });

  it('shows the same text as an inlay hint at the end of the line when hints are set to inlay', async () => {
    try {
      await setSetting('hints', 'inlay');
      const line = rangeOfText(document, 'sessionize:', '\nfunctions:').start.line;
      const range = new vscode.Range(0, 0, document.lineCount, 0);
      const hints = await waitFor(
        async () => (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range)) ?? [],
        (h) => h.some((x) => x.position.line === line),
        20_000,
        'the inlay hint',
      );
      const hint = hints.find((x) => x.position.line === line)!;
      const label = typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join('');
      assert.equal(label, SESSIONIZE_HINT);
      assert.deepEqual(hint.position, document.lineAt(line).range.end);
      assert.deepEqual(await lenses(document.uri), []);
    } finally {
      await setSetting('hints', undefined);
    }
  });

  it('says which load is missing and what a million calls can cost at most; its click inserts the annotation skeleton', async () => {
    const text = 'service: orders\nprovider:\n  name: aws\n\nfunctions:\n  worker:\n    handler: src/worker.handler\n';
    const doc = await vscode.workspace.openTextDocument(await writeWorkspaceFile('unknown-load/serverless.yml', text));
    await vscode.window.showTextDocument(doc);
    const [lens, defaults] = await waitFor(() => lenses(doc.uri), (l) => l.length === 2, 20_000, 'two lenses');
    assert.equal(lens.command?.title, 'load unknown: declare rate and duration · ≤ $100.20 per 1M calls at its 6 s timeout · cap 1,000');
    assert.equal(lens.command?.command, 'pipelineLens.insertLoadAnnotation');
    assert.equal(defaults.command?.title, 'set a default load');
    assert.equal(defaults.command?.command, 'pipelineLens.openLoadSettings');
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    assert.equal(doc.getText(), text + 'custom:\n  pipelineLens:\n    functions:\n      worker:\n        rate: 10/minute\n        duration: 500ms\n');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document, doc);
    assert.equal(doc.getText(editor.selection), '10/minute');
    const after = await waitFor(() => lenses(doc.uri), (l) => l.length === 1 && l[0].command?.command === 'pipelineLens.openGraph', 20_000, 'a cost lens');
    assert.match(after[0].command!.title, /^\$0\.123\/day · \$0\.00000853 a call · ~0\.083 concurrent \(cap 1,000: /);
  });
});

describe('hovers', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await extensionApi();
    document = await openWorkspaceFile('clickstream/serverless.yml');
  });

  async function hoverAt(position: vscode.Position): Promise<string> {
    const hovers = await waitFor(
      async () => (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [],
      (h) => hoverText(h).includes('Pipeline Lens') || hoverText(h).includes('**'),
      20_000,
      'a hover',
    );
    return hoverText(hovers);
  }

  it('breaks down a function\'s cost and concurrency, and its trigger\'s retries', async () => {
    const text = await hoverAt(rangeOfText(document, 'sessionize', '\nfunctions:').start.translate(0, 3));
    assert.match(text, /\*\*Cost:\*\* \$513\.02\/day · \$15,604\.\d\d\/month · \$0\.00713 a call/);
    assert.match(text, /427\.5 GB-s a call × \$0\.0000166667\/GB-s/);
    assert.match(text, /~150 expected = 0\.8333\/s × 180 s \(Little's law\) · cap 4 \(4 shards x parallelization factor 1\) · \*\*exceeds the cap\*\*/);
    assert.match(text, /kinesis stream\): a failed batch is retried \*\*until its records expire\*\*/);
  });

  it('says what happens to a failed SNS event, and reads back an annotation', async () => {
    const sns = await hoverAt(rangeOfText(document, 'sns:', '\n  notify:').start);
    assert.match(sns, /\(sns, asynchronous\): 2 retries \(after 1 min, then 2 min\), then \*\*lost\*\*/);
    const rate = await hoverAt(rangeOfText(document, '50/minute', 'sessionize:').start);
    assert.match(rate, /\*\*Pipeline Lens annotation\*\* for `sessionize`/);
    assert.match(rate, /rate: 0\.8333\/s \(50\/minute\)/);
    assert.match(rate, /duration: 3 min average billed duration/);
  });
});
