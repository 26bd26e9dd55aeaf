// `npm start` without desktop VS Code: the server script it runs prints a URL, and that URL is the workbench with
// our extension loaded and the clickstream example open, its hints drawn. (The install steps before it are
// proven by running the README's commands on a bare clone; this proves what the user then sees.)
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { createWorkspace, freePort, launchBrowser, openWorkbench, repoRoot, screenshot, trackProcessGroup, waitUntil, type TempWorkspace } from './harness';

describe('npm start (code-server)', () => {
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let workspace: TempWorkspace | undefined;
  let output = '';

  after(async () => {
    await browser?.close().catch(() => undefined);
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGINT'); // the script stops the code-server it started
      } catch {
        // already gone
      }
    }
    workspace?.dispose();
  });

  it('prints a URL that opens the workbench on the clickstream example with its hints', async () => {
    workspace = createWorkspace();
    const port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', 'test/e2e/harness/serveForDevelopment.ts', workspace.dir], {
      cwd: repoRoot,
      env: { ...process.env, PIPELINE_LENS_PORT: String(port) },
      detached: true,
    });
    if (server.pid) trackProcessGroup(server.pid);
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await waitUntil(async () => /http:\/\/127\.0\.0\.1:\d+\/\?\S+/.exec(output)?.[0], (found) => found !== undefined, 'the URL printed by npm start');
    assert.ok(url?.startsWith(`http://127.0.0.1:${port}/`), `printed ${url}`);

    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openWorkbench(page, url!);
    await page.locator('.tabs-container .tab.active[data-resource-name="serverless.yml"]').first().waitFor({ timeout: 120_000 });
    const lenses = page.locator('.monaco-editor .codelens-decoration');
    await waitUntil(() => lenses.allInnerTexts(), (texts) => texts.some((t) => /\$[\d,.]+\/day/.test(t)), 'cost hints on the example');
    await screenshot(page, 'npm-start');
  });
});
