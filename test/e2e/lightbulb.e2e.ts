// The buffer-queue quick fix through the UI, as a person applies it: the warning squiggle on the S3 event of the
// SAM example, the lightbulb next to it, its menu, the fix applied and saved; then undo restores the file exactly.
// Screenshots of the open lightbulb menu and of the fixed template go to test-artifacts/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { EditorSession, openFile, screenshot, screenshotIfFailed, startEditorSession, waitUntil, UI_TIMEOUT_MS } from './harness';

const FILE = 's3-ingest/template.yaml';

async function goToLine(page: Page, line: number, column: number): Promise<void> {
  // Quick Open's ":line:column" (Ctrl+G is not reliably the go-to-line key in the browser workbench).
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
}

describe('quick fix through the lightbulb', () => {
  let session: EditorSession;
  let filePath: string;
  let original: string;

  before(async () => {
    session = await startEditorSession({ name: 'lightbulb' });
    filePath = path.join(session.workspace.dir, FILE);
    original = fs.readFileSync(filePath, 'utf8');
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, session?.page);
  });

  after(async () => {
    await session?.close();
  });

  it('inserts the SQS buffer queue from the lightbulb menu, and undo restores the template', async () => {
    const page = session.page;
    await openFile(page, FILE);
    // The S3 event of IngestFunction carries the async-without-buffer warning.
    const line = original.split('\n').findIndex((l) => /^\s+Type: S3\s*$/.test(l)) + 1;
    assert.ok(line > 0, 'the example has no S3 event');
    await page.locator('.editor-instance .squiggly-warning').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await goToLine(page, line, 13);

    const bulb = page.locator('.editor-instance .lightBulbWidget');
    await bulb.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await bulb.click();
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Insert an SQS buffer queue' }).first();
    await fix.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'lightbulb-menu');
    await fix.click();

    await page.keyboard.press('Control+S');
    const saved = await waitUntil(async () => fs.readFileSync(filePath, 'utf8'), (text) => text !== original, 'the fixed template on disk');
    assert.match(saved, /IngestFunctionBufferQueue:\n {4}Type: AWS::SQS::Queue\n/);
    assert.match(saved, /\n {10}Type: SQS\n/);
    assert.ok(!/\n {10}Type: S3\n/.test(saved), 'the S3 event is now an SQS event');
    await screenshot(page, 'lightbulb-fixed');

    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+S');
    await waitUntil(async () => fs.readFileSync(filePath, 'utf8'), (text) => text === original, 'the original template after undo');
  });
});
