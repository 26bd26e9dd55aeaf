// CloudFormation JSON templates in the editor: diagnostics on exact ranges, hovers, and quick fixes that edit the
// file as JSON (the result still parses as JSON); no "ignore" comment is offered, JSON has none.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, extensionApi, rangeOfText } from './editorSupport';
import { openWorkspaceFile, waitFor, waitForDiagnostics } from './support';

describe('CloudFormation JSON templates', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await extensionApi();
    document = await openWorkspaceFile('fixtures/cloudformation/queue-pipeline.template.json');
  });

  it('shows findings on the exact JSON ranges', async () => {
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'visibility-timeout-too-short'));
    const visibility = diagnostics.find((d) => codeOf(d) === 'visibility-timeout-too-short')!;
    assert.equal(visibility.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(visibility.range.start, rangeOfText(document, '10', '"VisibilityTimeout": ').start);
    const throughput = diagnostics.find((d) => codeOf(d) === 'throughput-exceeds-concurrency');
    assert.ok(throughput, JSON.stringify(diagnostics.map(codeOf)));
    assert.deepEqual(throughput.range.start, rangeOfText(document, '"Enrich"', '\n    "Enrich": {').start);
  });

  it('offers JSON quick fixes; applying one keeps the file valid JSON and settles the finding', async () => {
    const diagnostics = vscode.languages.getDiagnostics(document.uri);
    const dlq = diagnostics.find((d) => codeOf(d) === 'queue-without-dlq')!;
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, dlq.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const titles = actions.map((a) => a.title);
    assert.ok(!titles.some((t) => /pipeline-lens-ignore/.test(t)), titles.join(' | '));
    // A quick fix is a command: the worker computes its edits for the version it was offered on.
    const add = actions.find((a) => /dead-letter queue/.test(a.title) && a.command);
    assert.ok(add, titles.join(' | '));
    const before = document.getText();
    assert.equal(await vscode.commands.executeCommand(add.command!.command, ...(add.command!.arguments ?? [])), true);
    await waitFor(() => document.getText(), (text) => text !== before, 20_000, 'the JSON fix');
    JSON.parse(document.getText());
    assert.match(document.getText(), /"RedrivePolicy": \{\n\s+"deadLetterTargetArn": \{ "Fn::GetAtt": \["JobsDLQ", "Arn"\] \}/);
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => codeOf(x) === 'queue-without-dlq'));
    await vscode.commands.executeCommand('undo');
  });

  it('shows the cost and concurrency hover on a function', async () => {
    const at = rangeOfText(document, 'Enrich', '\n    "Enrich": {').start;
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at)) ?? [];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /concurren/i, text);
  });
});
