// The what-if panel's host side in the real editor: the graph panel receives `whatIf` / `applyWhatIf` intents as the
// webview sends them, replies with the core's figures, and applies the values as one edit that one undo reverts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostToWebview, WhatIfAppliedMessage, WhatIfMessage } from '../../src/protocol';
import { codeOf, extensionApi, undoUntil } from './editorSupport';
import { openWorkspaceFile, waitFor, waitForDiagnostics } from './support';

type Panel = NonNullable<ReturnType<Awaited<ReturnType<typeof extensionApi>>['graphPanel']>>;

/** Sends `message` until the panel answers with a reply of `type` (the first tries may come before the graph). */
async function ask<T extends HostToWebview>(panel: Panel, message: object, type: T['type'], accept: (m: T) => boolean = () => true): Promise<T> {
  const replies: HostToWebview[] = [];
  const subscription = panel.onDidPost((m) => replies.push(m));
  try {
    let sent = 0;
    return (await waitFor(
      async () => {
        if (sent++ % 10 === 0) await panel.receive(message);
        return replies.find((m): m is T => m.type === type && accept(m as T));
      },
      (reply) => reply !== undefined,
      20_000,
      `a ${type} reply`,
    ))!;
  } finally {
    subscription.dispose();
  }
}

describe('what-if panel (host side)', () => {
  let document: vscode.TextDocument;
  let original: string;
  let panel: Panel;

  before(async () => {
    const api = await extensionApi();
    document = await openWorkspaceFile('clickstream/serverless.yml');
    original = document.getText();
    await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'throughput-exceeds-concurrency'));
    await vscode.commands.executeCommand('pipelineLens.openGraph', document.uri);
    panel = (await waitFor(() => api.graphPanel(document.uri), (p) => p !== undefined, 20_000, 'the graph panel'))!;
  });

  after(async () => {
    await undoUntil(document, original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('answers a what-if with the tried figures beside the file\'s, the changed findings and the chart', async () => {
    const overrides = { functions: { sessionize: { shards: 15, parallelizationFactor: 10, memoryMb: 1216 } } };
    const reply = await ask<WhatIfMessage>(panel, { type: 'whatIf', version: document.version, seq: 5, target: 'sessionize', overrides }, 'whatIfResult', (m) => m.seq === 5);
    const sessionize = reply.functions.find((f) => f.id === 'sessionize')!;
    assert.deepEqual([sessionize.before.cap, sessionize.after.cap], [4, 150]);
    assert.deepEqual([sessionize.before.perDayUsd, sessionize.after.perDayUsd], [513.02, 256.51]);
    assert.deepEqual(
      reply.findings.filter((f) => f.node === 'sessionize' && f.change === 'settled').map((f) => f.rule),
      ['throughput-exceeds-concurrency'],
    );
    assert.equal(reply.chart.lines.arm64.length > 0, true);
    assert.equal(document.getText(), original, 'a what-if does not touch the file');
  });

  it('ignores a malformed intent (no reply, no edit)', async () => {
    const replies: HostToWebview[] = [];
    const subscription = panel.onDidPost((m) => replies.push(m));
    await panel.receive({ type: 'applyWhatIf', version: document.version, overrides: { functions: { sessionize: { memoryMb: 64 } } } });
    subscription.dispose();
    assert.deepEqual(replies, []);
    assert.equal(document.getText(), original);
  });

  it('refuses to apply values computed on an older version of the file', async () => {
    const overrides = { functions: { sessionize: { memoryMb: 1024 } } };
    const reply = await ask<WhatIfAppliedMessage>(panel, { type: 'applyWhatIf', version: document.version + 1, overrides }, 'whatIfApplied');
    assert.equal(reply.ok, false);
    assert.match(reply.message, /changed/);
    assert.equal(document.getText(), original);
  });

  it('applies the values as one edit: the problem goes, and one undo restores the file', async () => {
    const overrides = { functions: { sessionize: { shards: 15, parallelizationFactor: 10, memoryMb: 1216, ratePerSecond: 0.5 } } };
    const reply = await ask<WhatIfAppliedMessage>(panel, { type: 'applyWhatIf', version: document.version, overrides }, 'whatIfApplied');
    assert.equal(reply.ok, true, reply.message);
    const text = document.getText();
    assert.match(text, /\n    memorySize: 1216\n/);
    assert.match(text, /ShardCount: 15\n/);
    assert.match(text, /parallelizationFactor: 10/);
    assert.match(text, /rate: 30\/minute/);
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => codeOf(x) === 'throughput-exceeds-concurrency'));
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original, 'one undo step restores the file');
  });
});
