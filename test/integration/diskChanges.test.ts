// Changes on disk that VS Code's watcher may miss (in code-server it missed about one in four here): the poll over
// the files the extension has read reports them, once, and a deleted file as deleted.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { DiskChanges } from '../../src/extension/diskChanges';
import { writeWorkspaceFile } from './editorSupport';

describe('changes on disk', () => {
  it('a poll reports a file read before that changed since, once; then its deletion', async () => {
    // No watcher and a long interval: only the polls this test runs count.
    const disk = new DiskChanges(3_600_000, false);
    const uri = await writeWorkspaceFile('polled/serverless.yml', 'service: polled\n');
    const changed: string[] = [];
    const deleted: string[] = [];
    disk.onDidChange((u) => u.toString() === uri.toString() && changed.push('changed'));
    disk.onDidDelete((u) => u.toString() === uri.toString() && deleted.push('deleted'));
    try {
      disk.track(uri, await vscode.workspace.fs.stat(uri));
      await disk.poll();
      assert.deepEqual(changed, [], 'unchanged since read: nothing to say');
      fs.writeFileSync(uri.fsPath, 'service: polled\nprovider:\n  name: aws\n');
      await disk.poll();
      await disk.poll();
      assert.deepEqual(changed, ['changed'], 'reported once');
      fs.rmSync(uri.fsPath);
      await disk.poll();
      assert.deepEqual(deleted, ['deleted']);
    } finally {
      disk.dispose();
    }
  });
});
