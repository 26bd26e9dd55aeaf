// The workspace graph command in the extension host: it joins the workspace's files, and while it is open a
// reference joined to another file says how in its hover.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, extensionApi, rangeOfText } from './editorSupport';
import { openWorkspaceFile, waitFor, waitForDiagnostics } from './support';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

describe('workspace graph', () => {
  it('hovering a ${cf:} reference says which file and node it joined to, and how', async () => {
    await extensionApi();
    const document = await openWorkspaceFile('fixtures/workspace/cf-output/process/serverless.yml');
    await vscode.commands.executeCommand('pipelineLens.openWorkspaceGraph');
    const at = rangeOfText(document, '${cf:ingest-dev.ClickStreamArn}').start.translate(0, 3);
    const text = await waitFor(
      async () => hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at)) ?? []),
      (t) => t.includes('joined to'),
      30_000,
      'the join hover',
    );
    assert.match(text, /joined to `ClickStream` in `fixtures\/workspace\/cf-output\/ingest\/serverless\.yml` \(via cf-output\)/);
    const how = text.replace(/&nbsp;/g, ' ').replace(/\\/g, '');
    assert.match(how, /\$\{cf:\} output ClickStreamArn of stack ingest-dev/);
  });

  it('adds the findings only the joined model has to the Problems view, with related locations in the other file', async () => {
    const document = await openWorkspaceFile('fixtures/workspace/cf-output/process/serverless.yml');
    await vscode.commands.executeCommand('pipelineLens.openWorkspaceGraph');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => x.source === 'Pipeline Lens (workspace)'), 30_000);
    const joined = diagnostics.find((d) => d.source === 'Pipeline Lens (workspace)' && codeOf(d) === 'throughput-exceeds-concurrency');
    assert.ok(joined, JSON.stringify(diagnostics.map((d) => [d.source, codeOf(d)])));
    assert.deepEqual(joined.range.start, rangeOfText(document, 'sessionize', '\nfunctions:').start);
    const cap = joined.relatedInformation?.find((r) => r.message.startsWith('cap: 4 shards'));
    assert.ok(cap, JSON.stringify(joined.relatedInformation?.map((r) => r.message)));
    assert.match(cap.location.uri.path, /cf-output\/ingest\/serverless\.yml$/);
    assert.equal(cap.location.range.start.line, 21, 'ShardCount: 4');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('re-joins as the producer file is edited: unsaved shards in one file change the problems of the other', async () => {
    const consumer = await openWorkspaceFile('fixtures/workspace/cf-output/process/serverless.yml');
    const producer = await openWorkspaceFile('fixtures/workspace/cf-output/ingest/serverless.yml');
    await vscode.commands.executeCommand('pipelineLens.openWorkspaceGraph');
    const throughput = (d: readonly vscode.Diagnostic[]) => d.some((x) => x.source === 'Pipeline Lens (workspace)' && codeOf(x) === 'throughput-exceeds-concurrency');
    await waitForDiagnostics(consumer.uri, throughput, 30_000);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(producer.uri, rangeOfText(producer, 'ShardCount: 4'), 'ShardCount: 64');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(consumer.uri, (d) => !throughput(d), 30_000);
    const back = new vscode.WorkspaceEdit();
    back.replace(producer.uri, rangeOfText(producer, 'ShardCount: 64'), 'ShardCount: 4');
    assert.ok(await vscode.workspace.applyEdit(back));
    await waitForDiagnostics(consumer.uri, throughput, 30_000);
    await producer.save();
  });
});
