// Command "Import Measured Load..." in the real editor: CloudWatch metrics written into the open serverless.yml as
// one undoable edit, and the hint then says the load is measured.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, undoUntil, writeWorkspaceFile } from './editorSupport';
import { waitFor, workspaceRoot } from './support';

describe('Import Measured Load', () => {
  it('writes CloudWatch rate and duration with source: measured, shows them as measured, and undoes in one step', async () => {
    const api = await extensionApi();
    const example = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), 'clickstream', 'serverless.yml'));
    const original = new TextDecoder().decode(example);
    const uri = await writeWorkspaceFile('measured/serverless.yml', original);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const metrics = vscode.Uri.joinPath(workspaceRoot(), 'fixtures', 'measured', 'cloudwatch-clickstream.json');

    await vscode.commands.executeCommand('pipelineLens.importMeasuredLoad', uri, metrics);
    const text = await waitFor(() => document.getText(), (t) => t !== original, 20_000, 'the import edit');
    assert.match(text, /      enrich:\n        rate: 10\/second       # batches of up to 500 clicks from 2 shards\n        duration: 120\.2ms\n        source: measured\n/);
    assert.match(text, /      sessionize:\n        rate: 50\/minute\n        duration: 150\.4s\n        stateful: true        # builds user sessions across batches\n        source: measured\n        measuredAt: '2026-11-30T18:00:00Z'\n/);
    const sessionize = await waitFor(() => api.cache.get(document)?.functions.find((f) => f.id === 'sessionize'), (f) => f?.load.source === 'measured', 20_000, 'the measured load analysed');
    assert.equal(sessionize!.load.durationMs, 150400);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.ok(lenses.some((lens) => / · measured 2026-11-30$/.test(lens.command?.title ?? '')), lenses.map((l) => l.command?.title).join('\n'));

    await undoUntil(document, original, 1);
    assert.equal(document.getText(), original, 'one undo restores the file');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
