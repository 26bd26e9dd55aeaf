// Proves the harness: these run in the real extension host, against the real vscode API, on the examples workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openWorkspaceFile, waitFor } from '../support';

describe('extension host harness', () => {
  it('runs in a real VS Code with the examples workspace open', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    const names = vscode.workspace.workspaceFolders?.map((folder) => folder.name) ?? [];
    assert.deepEqual(names, ['workspace']);
  });

  it('activates the extension when a serverless.yml is opened', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded from the development path`);
    const document = await openWorkspaceFile('clickstream/serverless.yml');
    assert.equal(document.languageId, 'yaml');
    await waitFor(() => extension.isActive, (active) => active, 20_000, 'activation');
  });

  it('registers every command its manifest contributes', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    const declared: string[] = (extension.packageJSON.contributes?.commands ?? []).map((entry: { command: string }) => entry.command);
    assert.ok(declared.length > 0, 'the manifest declares no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(declared.filter((command) => !registered.has(command)), [], 'declared but not registered');
  });
});
