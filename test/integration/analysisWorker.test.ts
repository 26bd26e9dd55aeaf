// The analysis worker as the user meets it: diagnostics right after fast typing (superseded versions dropped), a
// quick fix offered for an older version refused, files over the size limit and binary files not analysed (with
// the reason in the status bar and a message), and analyses running off the extension host thread.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, extensionApi, setSetting, writeWorkspaceFile } from './editorSupport';
import { waitFor, waitForDiagnostics } from './support';
import { applyFindingFix, insertBufferQueue, type FixSource } from '../../src/extension/graph/fixActions';

const SNS_FUNCTION = 'service: typing\nprovider:\n  name: aws\nfunctions:\n  onUpload:\n    handler: h.run\n    events:\n      - sns: uploads\n';

async function open(relativePath: string, text: string | Uint8Array): Promise<vscode.TextDocument> {
  const uri = typeof text === 'string' ? await writeWorkspaceFile(relativePath, text) : await writeBytes(relativePath, text);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

async function writeBytes(relativePath: string, bytes: Uint8Array): Promise<vscode.Uri> {
  const uri = await writeWorkspaceFile(relativePath, '');
  await vscode.workspace.fs.writeFile(uri, bytes);
  return uri;
}

describe('analysis off the extension host thread', () => {
  it('runs in a worker thread (in-thread when PIPELINE_LENS_NO_WORKER=1 tests the fallback)', async () => {
    const api = await extensionApi();
    assert.equal(api.cache.mode, process.env.PIPELINE_LENS_NO_WORKER === '1' ? 'in-thread' : 'worker');
  });

  it('shows the diagnostics of the last version after fast typing, analysing fewer versions than were typed', async () => {
    const api = await extensionApi();
    const document = await open('typing/serverless.yml', SNS_FUNCTION);
    await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'async-without-buffer'));
    const runsBefore = api.cache.runsOf(document.uri);
    // 30 keystrokes without waiting: rename the topic letter by letter, then give the function a DLQ.
    const at = document.getText().indexOf('uploads');
    for (const letter of 'incomingfiles') {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, document.positionAt(at), letter);
      assert.ok(await vscode.workspace.applyEdit(edit));
    }
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(document.getText().indexOf('    events:')), '    onError: arn:aws:sqs:us-east-1:123456789012:dlq\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const typed = 'incomingfiles'.length + 1;
    const final = await waitForDiagnostics(document.uri, (d) => !d.some((x) => codeOf(x) === 'async-without-buffer'));
    assert.equal(await api.cache.get(document).then((a) => a?.version), document.version);
    assert.ok(final.every((d) => d.range.end.line < document.lineCount));
    const runs = api.cache.runsOf(document.uri) - runsBefore;
    assert.ok(runs >= 1 && runs < typed, `analyses for ${typed} edits: ${runs}`);
  });

  it('refuses a quick fix offered for a version the document has left, and leaves the text alone', async () => {
    await extensionApi();
    const document = await open('stale/serverless.yml', SNS_FUNCTION);
    const [finding] = (await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'async-without-buffer'))).filter((x) => codeOf(x) === 'async-without-buffer');
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const fix = actions.find((a) => a.isPreferred && a.command);
    assert.ok(fix?.command, `a preferred fix with a command; have ${JSON.stringify(actions.map((a) => a.title))}`);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), '# changed after the light bulb opened\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const changed = document.getText();
    const applied = await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.equal(applied, false);
    assert.equal(document.getText(), changed, 'the stale fix must not touch the file');
    // The same fix offered for the current version applies.
    const fresh = await waitFor(
      async () => ((await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding.range.with(finding.range.start.translate(1), finding.range.end.translate(1)), vscode.CodeActionKind.QuickFix.value)) ?? []).find((a) => a.title === fix.title),
      (a) => a !== undefined,
      20_000,
      'the fix offered again',
    );
    assert.equal(await vscode.commands.executeCommand(fresh!.command!.command, ...(fresh!.command!.arguments ?? [])), true);
    assert.notEqual(document.getText(), changed);
  });

  it('does not analyse a file above pipelineLens.maxFileSizeMB, and says why in the status bar', async () => {
    const api = await extensionApi();
    const padding = `# ${'x'.repeat(100)}\n`.repeat(1500); // about 150 KB of comments
    try {
      await setSetting('maxFileSizeMB', 0.1);
      const document = await open('large/serverless.yml', SNS_FUNCTION + padding);
      assert.equal(await api.cache.get(document), undefined);
      assert.match(api.cache.skipped(document) ?? '', /above the 0\.1 MB limit \(setting pipelineLens\.maxFileSizeMB\)/);
      assert.match(api.statusText() ?? '', /not analysed/);
      assert.deepEqual(vscode.languages.getDiagnostics(document.uri), []);
      // Under a higher limit the same file is analysed: the notice was about the size, nothing else.
      await setSetting('maxFileSizeMB', undefined);
      await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'async-without-buffer'));
      assert.equal(api.cache.skipped(document), undefined);
    } finally {
      // Only when a failure left it set: a second, needless change would re-analyse every open file later.
      if (vscode.workspace.getConfiguration('pipelineLens').inspect('maxFileSizeMB')?.workspaceValue !== undefined) await setSetting('maxFileSizeMB', undefined);
    }
  });

  it('skips a binary file named like a pipeline file', async () => {
    const api = await extensionApi();
    // VS Code itself refuses files with a NUL in their first 512 bytes; ours probes the first 8 KB.
    const bytes = new Uint8Array([...new TextEncoder().encode(SNS_FUNCTION + `#${'-'.repeat(1000)}\n`), 0, 0, 1, 2, 0xff, 0]);
    const document = await open('binary/serverless.yml', bytes);
    await waitFor(() => api.cache.get(document).then(() => api.cache.skipped(document)), (reason) => reason !== undefined, 20_000, 'the binary notice');
    assert.match(api.cache.skipped(document) ?? '', /binary/);
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri), []);
  });
});

describe('graph panel fixes carry the version the graph was drawn from', () => {
  it('refuses a fix for an older version without asking the worker, and applies one for the current version', async () => {
    const api = await extensionApi();
    const document = await open('graph-stale/serverless.yml', SNS_FUNCTION);
    const drawn = await waitFor(() => api.cache.get(document), (a) => (a?.findings.length ?? 0) > 0, 20_000, 'the analysis');
    const index = drawn!.findings.findIndex((f) => f.rule === 'async-without-buffer');
    const asked: number[] = [];
    const source: FixSource = {
      fix: (doc, version, findingIndex, fixId) => {
        asked.push(version);
        return api.cache.fix(doc, version, findingIndex, fixId);
      },
      bufferQueue: (doc, version, edgeId) => {
        asked.push(version);
        return api.cache.bufferQueue(doc, version, edgeId);
      },
    };
    const shown = { analysis: drawn!, version: drawn!.version };
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), '# edited after the graph was drawn\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const edited = document.getText();
    await applyFindingFix(source, document, shown, drawn!.version, index, 'insert-buffer-queue');
    await insertBufferQueue(source, document, shown, drawn!.version, drawn!.findings[index].edge!);
    assert.deepEqual(asked, [], 'nothing computed for a version the document has left');
    assert.equal(document.getText(), edited);
    const current = await waitFor(() => api.cache.get(document), (a) => a?.version === document.version, 20_000, 'the new analysis');
    const now = current!.findings.findIndex((f) => f.rule === 'async-without-buffer');
    await applyFindingFix(source, document, { analysis: current!, version: current!.version }, current!.version, now, 'insert-buffer-queue');
    assert.deepEqual(asked, [current!.version]);
    assert.match(document.getText(), /AWS::SQS::Queue/);
  });
});
