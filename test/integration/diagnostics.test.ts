// Diagnostics as the user sees them in the Problems view: exact ranges, rule ids linked to their docs, severities,
// updates while typing, severity settings, and nothing on YAML that is not a pipeline.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { codeOf, codeTarget, extensionApi, rangeOfText, setSetting, writeWorkspaceFile } from './editorSupport';
import { openWorkspaceFile, waitForDiagnostics } from './support';

const DOCS = 'https://github.com/pipeline-lens/pipeline-lens/blob/main/docs/rules.md#';

function find(diagnostics: readonly vscode.Diagnostic[], rule: string, range: vscode.Range): vscode.Diagnostic | undefined {
  return diagnostics.find((d) => codeOf(d) === rule && d.range.isEqual(range));
}

describe('diagnostics', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await extensionApi();
    document = await openWorkspaceFile('clickstream/serverless.yml');
    await waitForDiagnostics(document.uri, (d) => d.length > 0);
  });

  it('puts each finding on its exact span with its rule id, docs link and severity', () => {
    const diagnostics = vscode.languages.getDiagnostics(document.uri);
    const sessionize = rangeOfText(document, 'sessionize', '\nfunctions:');
    const overCap = find(diagnostics, 'throughput-exceeds-concurrency', sessionize);
    assert.ok(overCap, `no throughput-exceeds-concurrency on sessionize; have ${JSON.stringify(diagnostics.map((d) => [codeOf(d), d.range]))}`);
    assert.equal(overCap.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(overCap.source, 'Pipeline Lens');
    assert.equal(codeTarget(overCap), `${DOCS}throughput-exceeds-concurrency`);
    assert.match(overCap.message, /150 concurrent/);
    const related = overCap.relatedInformation?.find((r) => r.message === 'expected rate 50/minute');
    assert.ok(related, JSON.stringify(overCap.relatedInformation));
    assert.equal(related.location.uri.toString(), document.uri.toString());
    assert.deepEqual(related.location.range.start, rangeOfText(document, '50/minute', 'sessionize:').start);

    const streamEvent = diagnostics.find((d) => codeOf(d) === 'stream-retry-unbounded');
    assert.ok(streamEvent);
    assert.equal(streamEvent.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(streamEvent.range.start, rangeOfText(document, 'stream:', '\n  sessionize:').start);

    const snsEvent = diagnostics.find((d) => codeOf(d) === 'async-without-buffer');
    assert.ok(snsEvent);
    assert.deepEqual(snsEvent.range.start, rangeOfText(document, 'sns:', '\n  notify:').start);
    assert.equal(snsEvent.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('follows typing: bounding the stream retries removes the finding, restoring the text brings it back', async () => {
    const original = document.getText();
    const batch = rangeOfText(document, 'batchSize: 100', '\n  sessionize:');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, batch.end, '\n          maximumRetryAttempts: 3');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(document.uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'stream-retry-unbounded'));
    const revert = new vscode.WorkspaceEdit();
    revert.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
    assert.ok(await vscode.workspace.applyEdit(revert));
    await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'stream-retry-unbounded'));
    assert.equal(document.getText(), original);
  });

  it('applies severity settings: a rule raised to error, then turned off', async () => {
    try {
      await setSetting('severities', { 'stream-retry-unbounded': 'error' });
      await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'stream-retry-unbounded' && x.severity === vscode.DiagnosticSeverity.Error));
      await setSetting('severities', { 'stream-retry-unbounded': 'off' });
      await waitForDiagnostics(document.uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'stream-retry-unbounded'));
    } finally {
      await setSetting('severities', undefined);
    }
    await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'stream-retry-unbounded' && x.severity === vscode.DiagnosticSeverity.Warning));
  });

  it('shows parse errors in a broken serverless.yml, and nothing on YAML that is not a pipeline', async () => {
    const api = await extensionApi();
    const broken = await vscode.workspace.openTextDocument(await writeWorkspaceFile('broken/serverless.yml', 'service: s\nprovider:\n  name: aws\nfunctions: [a, b\n'));
    await vscode.window.showTextDocument(broken);
    const errors = await waitForDiagnostics(broken.uri, (d) => d.some((x) => codeOf(x) === 'parse-error'));
    assert.ok(errors.every((d) => d.severity === vscode.DiagnosticSeverity.Error));

    const other = await vscode.workspace.openTextDocument(await writeWorkspaceFile('compose.yml', 'services:\n  web:\n    image: nginx\n'));
    await vscode.window.showTextDocument(other);
    assert.equal(await api.cache.get(other), undefined);
    assert.deepEqual(vscode.languages.getDiagnostics(other.uri), []);
  });

  it('clears a file\'s diagnostics when it is closed', async () => {
    const uri = await writeWorkspaceFile('closing/serverless.yml',
      'service: closing\nprovider:\n  name: aws\nfunctions:\n  onUpload:\n    handler: h.run\n    events:\n      - sns: uploads\n');
    const closing = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(closing);
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'async-without-buffer'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitForDiagnostics(uri, (d) => d.length === 0);
    // Shown again, it is analysed again (the document itself may never have been disposed).
    await vscode.window.showTextDocument(closing);
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'async-without-buffer'));
  });

  it('reports closed pipeline files through Analyze Workspace', async () => {
    const uri = await writeWorkspaceFile('closed/serverless.yml',
      'service: closed\nprovider:\n  name: aws\nfunctions:\n  onUpload:\n    handler: h.run\n    events:\n      - sns: uploads\n');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
    const summary = await vscode.commands.executeCommand<string>('pipelineLens.analyzeWorkspace');
    assert.match(summary ?? '', /^Pipeline Lens: \d+ pipeline files: \d+ errors, \d+ warnings, \d+ infos\.$/, 'the command returns its summary to the caller');
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'async-without-buffer'));
    assert.equal(diagnostics.find((x) => codeOf(x) === 'async-without-buffer')?.range.start.line, 7);
  });

  it('keeps a closed file\'s diagnostics current when it changes on disk', async () => {
    const text = 'service: ondisk\nprovider:\n  name: aws\nfunctions:\n  onUpload:\n    handler: h.run\n    events:\n      - sns: uploads\n';
    const uri = await writeWorkspaceFile('ondisk/serverless.yml', text);
    await vscode.commands.executeCommand('pipelineLens.analyzeWorkspace');
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'async-without-buffer'));
    // Another tool (git checkout, an editor outside VS Code) rewrites it: the SNS trigger becomes an SQS queue.
    fs.writeFileSync(uri.fsPath, text.replace('- sns: uploads', '- sqs:\n          arn: arn:aws:sqs:us-east-1:123456789012:uploads'));
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'async-without-buffer'), 30_000);
  });
});
