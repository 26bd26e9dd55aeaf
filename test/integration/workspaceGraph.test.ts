// The workspace graph command in the extension host: it joins the workspace's files, and while it is open a
// reference joined to another file says how in its hover.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, extensionApi, rangeOfText, setSetting } from './editorSupport';
import { openWorkspaceFile, waitFor, waitForDiagnostics } from './support';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

describe('workspace graph', () => {
  it('joins the workspace in the background: the consumer is capped by its producer in another file without opening the graph', async () => {
    await extensionApi();
    const document = await openWorkspaceFile('fixtures/workspace/cf-output/process/serverless.yml');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => x.source === 'Pipeline Lens (workspace)' && codeOf(x) === 'throughput-exceeds-concurrency'), 30_000);
    const joined = diagnostics.find((d) => d.source === 'Pipeline Lens (workspace)' && codeOf(d) === 'throughput-exceeds-concurrency');
    assert.match(joined?.message ?? '', /4 shards/);
    // The file's own note that ${cf:} cannot be resolved goes: the joined workspace resolved it.
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => codeOf(x) === 'unresolved-reference' && x.message.includes('${cf:ingest-dev.ClickStreamArn}')), 30_000);
    // The hint over the function says the same cap as the problem: the producer's 4 shards, not the account limit.
    const lenses = await waitFor(
      async () => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100)) ?? []).map((l) => l.command?.title ?? ''),
      (titles) => titles.some((t) => /cap 4: 4 shards/.test(t)),
      30_000,
      'the joined cap in the hint',
    );
    assert.ok(!lenses.some((t) => /1,000/.test(t)), lenses.join('\n'));
  });

  it('Export Report lists the pipeline across files and the consumer capped by its producer', async () => {
    await openWorkspaceFile('fixtures/workspace/cf-output/process/serverless.yml');
    await vscode.commands.executeCommand('pipelineLens.exportReport');
    const report = await waitFor(() => vscode.window.activeTextEditor?.document, (d) => d?.languageId === 'markdown', 20_000, 'the report');
    const text = report!.getText();
    assert.match(text, /## Pipelines across files\n\n(- .*\n)*- \*\*Pipeline \d+ · 2 files, 2 functions\*\*: \$[\d.,]+\/day \(\+1 function\(s\) with unknown load\); Busiest: fixtures\/workspace\/cf-output\/process\/serverless\.yml sessionize at 8\.333 of 4 concurrent/);
    const process = text.slice(text.indexOf('## fixtures/workspace/cf-output/process/serverless.yml'));
    assert.match(process, /\| sessionize \(process-dev-sessionize\) \| 1024 MB \| 50\/minute × 10 s \|[^\n]*\| ~8\.3 \(cap 4: 4 shards x PF 1\) \|/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

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

  it('with the background join turned off, joins only while the workspace graph is open', async () => {
    const document = await openWorkspaceFile('fixtures/workspace/cf-output/process/serverless.yml');
    const joinedProblems = (d: readonly vscode.Diagnostic[]) => d.some((x) => x.source === 'Pipeline Lens (workspace)');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    try {
      await setSetting('workspace.joinFiles', false);
      await waitForDiagnostics(document.uri, (d) => !joinedProblems(d), 30_000);
      const alone = async () => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100)) ?? []).map((l) => l.command?.title ?? '');
      await waitFor(alone, (titles) => titles.some((t) => /cap 1,000/.test(t)), 30_000, 'the account limit once the files stand alone');
      await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'unresolved-reference'), 30_000);
      await vscode.commands.executeCommand('pipelineLens.openWorkspaceGraph');
      await waitForDiagnostics(document.uri, joinedProblems, 30_000);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await waitForDiagnostics(document.uri, (d) => !joinedProblems(d), 30_000);
    } finally {
      await setSetting('workspace.joinFiles', undefined);
    }
    await waitForDiagnostics(document.uri, joinedProblems, 30_000);
  });
});
