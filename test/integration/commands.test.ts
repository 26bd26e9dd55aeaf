// Commands from the palette: Export Report (an untitled Markdown summary) and Open Example Pipeline.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, extensionApi } from './editorSupport';
import { openWorkspaceFile, waitFor, waitForDiagnostics } from './support';

describe('commands', () => {
  before(async () => {
    await extensionApi();
  });

  it('Export Report opens a Markdown summary of costs and findings', async () => {
    await openWorkspaceFile('clickstream/serverless.yml');
    await vscode.commands.executeCommand('pipelineLens.exportReport');
    const report = await waitFor(() => vscode.window.activeTextEditor?.document, (d) => d?.languageId === 'markdown', 20_000, 'the report');
    const text = report!.getText();
    assert.equal(report!.isUntitled, true);
    assert.match(text, /^# Pipeline Lens report\n/);
    assert.match(text, /## clickstream\/serverless\.yml \(serverless\)/);
    assert.match(text, /\| sessionize \(clickstream-dev-sessionize\) \| 2432 MB \| 50\/minute × 3 min \| \$513\.02 \| \$15,604\.\d\d \| \$0\.00713 \| ~150 \(cap 4: 4 shards x PF 1\) \|/);
    assert.match(text, /- \*\*error\*\* `throughput-exceeds-concurrency` \(line \d+\): /);
    assert.match(text, /## s3-ingest\/template\.yaml \(sam\)/);
  });

  it('Open Example Pipeline opens an untitled copy that is analysed like a file', async () => {
    await vscode.commands.executeCommand('pipelineLens.openExample', 'examples/clickstream/serverless.yml');
    const example = await waitFor(() => vscode.window.activeTextEditor?.document, (d) => d?.isUntitled === true && d.languageId === 'yaml', 20_000, 'the example');
    const original = await openWorkspaceFile('clickstream/serverless.yml');
    assert.equal(example!.getText(), original.getText());
    const diagnostics = await waitForDiagnostics(example!.uri, (d) => d.some((x) => codeOf(x) === 'throughput-exceeds-concurrency'));
    assert.ok(diagnostics.length > 0);
    await vscode.window.showTextDocument(example!);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
