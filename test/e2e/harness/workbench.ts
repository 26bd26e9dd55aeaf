// Drives the VS Code workbench in the browser as a person would: keyboard, quick input, editors, webviews, screenshots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Frame, Page } from 'playwright-core';
import { artifactsDir } from './paths';

// Generous: a loaded 2-core machine needs 5-40 s to restore a workbench. Deadlines only bound failures.
export const WORKBENCH_TIMEOUT_MS = 120_000;
export const UI_TIMEOUT_MS = 60_000;

/** Loads a workbench URL and waits until the workbench has restored (editors, views, extension host started). */
export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: WORKBENCH_TIMEOUT_MS });
  await page.locator('.monaco-workbench').waitFor({ timeout: WORKBENCH_TIMEOUT_MS });
  // The smoke-test driver (enabled by --vscode-option enable-smoke-test-driver) says when restore has finished.
  await page.waitForFunction(() => typeof (window as unknown as { driver?: unknown }).driver === 'object', undefined, { timeout: WORKBENCH_TIMEOUT_MS });
  await page.evaluate(() => (window as unknown as { driver: { whenWorkbenchRestored(): Promise<void> } }).driver.whenWorkbenchRestored());
}

/**
 * Opens a quick input (F1, Ctrl+P), types `text` and clicks the row showing `rowText`. Extensions register their
 * commands a while after the workbench restores, and an open palette does not refresh, so it retypes until found.
 */
async function quickInput(page: Page, opener: string, text: string, rowText: string | RegExp): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: rowText }).first();
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    await page.keyboard.press(opener);
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await input.fill(text);
    const found = await row.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    if (found) break;
    await page.keyboard.press('Escape');
    if (Date.now() > deadline) throw new Error(`quick input (${opener}) never offered ${rowText} for "${text}"`);
  }
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS }).catch(() => undefined);
}

/** Runs a command through F1 by its palette title (e.g. "Pipeline Lens: Show Graph"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await quickInput(page, 'F1', `>${title}`, title);
}

/** Lists what the command palette offers for a query (titles of the visible rows), then closes it; poll it with waitUntil. */
export async function paletteEntries(page: Page, query: string): Promise<string[]> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await input.fill(`>${query}`);
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row .label-name');
  await rows.first().waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
  const titles = await rows.allInnerTexts();
  await page.keyboard.press('Escape');
  return titles.map((title) => title.replace(/\s+/g, ' ').trim());
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor tab to be active. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  await quickInput(page, 'Control+P', relativePath, path.basename(relativePath));
  // By resource name: a webview tab titled after the file (e.g. "Graph: template.yaml") must not match too.
  await page.locator(`.tabs-container .tab.active[data-resource-name="${path.basename(relativePath)}"]`).first().waitFor({ timeout: UI_TIMEOUT_MS });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: UI_TIMEOUT_MS });
}

/**
 * A webview's content sits in an iframe nested in another iframe; page.frames() lists both levels.
 * Returns the first frame holding `selector`, polling until the deadline.
 */
export async function findWebviewFrame(page: Page, selector: string, timeoutMs = UI_TIMEOUT_MS): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const found = await frame.$(selector).catch(() => null);
      if (found) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview frame contains ${selector} after ${timeoutMs / 1000} s`);
}

/** Saves a PNG under test-artifacts/ (gitignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Picks an item in an open quick pick (e.g. one a command showed) by its visible label. */
export async function chooseQuickPick(page: Page, label: string | RegExp): Promise<void> {
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await row.click();
}

/** Text of the visible lines of the active editor (what a person sees; only the rendered viewport). */
export async function activeEditorText(page: Page): Promise<string> {
  const lines = page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-lines').first();
  await lines.waitFor({ timeout: UI_TIMEOUT_MS });
  return (await lines.innerText()).replace(/\u00a0/g, ' ');
}

/** Messages of the notification toasts currently shown (errors from commands surface here). */
export async function notifications(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
}

/** Polls `read` until `accept` holds (deadline UI_TIMEOUT_MS); for UI state that settles asynchronously. */
export async function waitUntil<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = UI_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await read();
  }
  return last;
}

/** For afterEach: a screenshot named after the failed test, so a red CI run shows what the page looked like. */
export async function screenshotIfFailed(test: Mocha.Test | undefined, page: Page | undefined): Promise<void> {
  if (!page || test?.state !== 'failed') return;
  const name = `failed-${test.fullTitle().replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 80)}`;
  await screenshot(page, name).catch(() => undefined);
}
