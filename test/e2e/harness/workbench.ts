// Drives the VS Code workbench in the browser as a person would: keyboard, quick input, editors, webviews, screenshots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Frame, Page } from 'playwright-core';
import { artifactsDir } from './paths';

export const WORKBENCH_TIMEOUT_MS = 60_000;

/** Loads a workbench URL and waits until the workbench has restored (editors, views, extension host started). */
export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: WORKBENCH_TIMEOUT_MS });
  // The smoke-test driver (enabled by --vscode-option enable-smoke-test-driver) says when restore has finished.
  await page.waitForFunction(() => typeof (window as unknown as { driver?: unknown }).driver === 'object', undefined, { timeout: WORKBENCH_TIMEOUT_MS });
  await page.evaluate(() => (window as unknown as { driver: { whenWorkbenchRestored(): Promise<void> } }).driver.whenWorkbenchRestored());
}

async function quickInput(page: Page, opener: string, text: string, rowText: string | RegExp): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 }, force: true }).catch(() => undefined);
  await page.keyboard.press(opener);
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(text);
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: rowText }).first();
  await row.waitFor({ state: 'visible', timeout: 20_000 });
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

/** Runs a command through F1 by its palette title (e.g. "Pipeline Lens: Show Graph"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await quickInput(page, 'F1', `>${title}`, title);
}

/** Lists what the command palette offers for a query (titles of the visible rows), then closes it. */
export async function paletteEntries(page: Page, query: string): Promise<string[]> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${query}`);
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row .label-name');
  await rows.first().waitFor({ state: 'visible', timeout: 20_000 }).catch(() => undefined);
  const titles = await rows.allInnerTexts();
  await page.keyboard.press('Escape');
  return titles.map((title) => title.replace(/\s+/g, ' ').trim());
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor tab to be active. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  await quickInput(page, 'Control+P', relativePath, path.basename(relativePath));
  await page.locator('.tabs-container .tab.active', { hasText: path.basename(relativePath) }).waitFor({ timeout: 20_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
}

/**
 * A webview's content sits in an iframe nested in another iframe; page.frames() lists both levels.
 * Returns the first frame holding `selector`, polling until the deadline.
 */
export async function findWebviewFrame(page: Page, selector: string, timeoutMs = 30_000): Promise<Frame> {
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
