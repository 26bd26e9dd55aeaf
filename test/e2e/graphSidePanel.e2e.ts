// The graph in the editor's side panel (about 560 px wide), as most people first see it: every stage name must be
// readable (at least 10 px on screen) and on screen or reachable by scrolling. The screenshot taken here is the
// README's docs/images/graph-dark.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { EditorSession, findWebviewFrame, openFile, runCommand, screenshot, screenshotIfFailed, startEditorSession, waitUntil, WORKBENCH_TIMEOUT_MS } from './harness';

/** Explorer open, editor and graph side by side: the graph's group is about 560 px wide at this window size. */
const WINDOW = { width: 1480, height: 900 };
const MIN_LABEL_PX = 10;

interface LabelOnScreen {
  id: string;
  text: string;
  /** Font size times the drawing's current scale, in CSS pixels. */
  px: number;
  visible: boolean;
}

/** Each stage name's size on screen and whether its text box lies wholly inside the graph's canvas. */
async function stageLabels(frame: Frame): Promise<LabelOnScreen[]> {
  return frame.$$eval('[data-node-id] .pl-label', (elements) => {
    const host = document.querySelector('.pl-canvas-host')!.getBoundingClientRect();
    return elements.map((element) => {
      const box = element.getBoundingClientRect();
      const ctm = (element as SVGGraphicsElement).getScreenCTM();
      const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 0;
      return {
        id: element.closest('[data-node-id]')?.getAttribute('data-node-id') ?? '',
        text: element.textContent ?? '',
        px: Number.parseFloat(getComputedStyle(element).fontSize) * scale,
        visible: box.width > 0 && box.left >= host.left && box.right <= host.right && box.top >= host.top && box.bottom <= host.bottom,
      };
    });
  });
}

/** Page coordinates of the canvas centre (the webview iframe's offset plus the canvas inside it). */
async function canvasCentre(frame: Frame): Promise<{ x: number; y: number }> {
  const iframe = await frame.frameElement();
  const outer = (await iframe.boundingBox())!;
  const inner = await frame.$eval('.pl-canvas-host', (e) => {
    const r = e.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  return { x: outer.x + inner.x, y: outer.y + inner.y };
}

/**
 * Scrolls the canvas with the mouse wheel (down, or right) from where Fit left it, and returns the ids of the stages
 * whose names were wholly on screen at some point, with their smallest on-screen size.
 */
async function labelsReachedByScrolling(page: Page, frame: Frame, direction: 'down' | 'right'): Promise<Map<string, number>> {
  await frame.click('vscode-button:has-text("Fit")');
  const seen = new Map<string, number>();
  const centre = await canvasCentre(frame);
  await page.mouse.move(centre.x, centre.y);
  for (let step = 0; step < 40; step++) {
    const labels = await stageLabels(frame);
    for (const label of labels.filter((l) => l.visible)) seen.set(label.id, Math.min(label.px, seen.get(label.id) ?? Infinity));
    if (seen.size === labels.length) break;
    const before = await frame.getAttribute('.pl-canvas > g', 'transform');
    await page.mouse.wheel(direction === 'right' ? 120 : 0, direction === 'down' ? 120 : 0);
    await waitUntil(() => frame.getAttribute('.pl-canvas > g', 'transform'), (t) => t !== before, 'the drawing to scroll');
  }
  return seen;
}

function setDarkTheme(workspaceDir: string): void {
  fs.mkdirSync(path.join(workspaceDir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspaceDir, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.colorTheme': 'Default Dark Modern' }, null, 2));
}

describe('graph in a narrow side panel', () => {
  let session: EditorSession;
  let frame: Frame;

  before(async () => {
    session = await startEditorSession({ name: 'graph-side', viewport: WINDOW });
    setDarkTheme(session.workspace.dir);
  });
  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, session?.page);
  });
  after(async () => {
    await session?.close();
  });

  it('lays the clickstream pipeline out top to bottom in a ~560 px panel and keeps every stage name readable', async () => {
    const page = session.page;
    await openFile(page, 'clickstream/serverless.yml');
    await runCommand(page, 'Pipeline Lens: Open Graph');
    frame = await findWebviewFrame(page, '[data-node-id="sessionize"]');
    const panelWidth = await frame.evaluate(() => window.innerWidth);
    assert.ok(panelWidth >= 520 && panelWidth <= 600, `the graph panel is ${panelWidth} px wide`);
    await waitUntil(() => frame.getAttribute('body', 'data-layout'), (d) => d === 'DOWN', 'the top-to-bottom layout in a tall panel');
    await waitUntil(() => frame.getAttribute('body', 'class').then((c) => c ?? ''), (c) => c.includes('vscode-dark'), 'the dark theme');
    assert.equal((await frame.innerText('.pl-layout-toggle')).trim(), 'Layout: auto ↓');

    const labels = await stageLabels(frame);
    assert.equal(labels.length, 7, JSON.stringify(labels));
    const reached = await labelsReachedByScrolling(page, frame, 'down');
    for (const label of labels) {
      assert.ok(reached.has(label.id), `${label.text} never came into view: reached ${JSON.stringify([...reached.keys()])}`);
      assert.ok(reached.get(label.id)! >= MIN_LABEL_PX, `${label.text} is ${reached.get(label.id)!.toFixed(1)} px on screen`);
    }
    console.log(`      graph panel ${panelWidth} px wide; smallest stage name on screen ${Math.min(...reached.values()).toFixed(1)} px`);
    // As a person finds the stage that costs too much: search its name, Enter selects it and brings it into view.
    await frame.click('vscode-button:has-text("Fit")');
    await frame.click('vscode-text-field');
    await page.keyboard.type('sessionize');
    await page.keyboard.press('Enter');
    await waitUntil(() => frame.getAttribute('[data-node-id="sessionize"]', 'class'), (c) => (c ?? '').includes('pl-selected'), 'sessionize selected');
    assert.ok((await stageLabels(frame)).find((l) => l.id === 'sessionize')?.visible, 'sessionize is brought into view');
    await screenshot(page, 'graph-side-panel-dark');
  });

  it('switches to left to right from the toolbar, still readable (scrolling sideways), and remembers it across a reload', async () => {
    const page = session.page;
    await frame.click('.pl-layout-toggle');
    await waitUntil(() => frame.getAttribute('body', 'data-layout'), (d) => d === 'RIGHT', 'the left-to-right layout');
    assert.equal((await frame.innerText('.pl-layout-toggle')).trim(), 'Layout: →');
    const reached = await labelsReachedByScrolling(page, frame, 'right');
    const labels = await stageLabels(frame);
    for (const label of labels) {
      assert.ok(reached.has(label.id) && reached.get(label.id)! >= MIN_LABEL_PX, `${label.text}: ${reached.get(label.id)} px on screen`);
    }
    await screenshot(page, 'graph-side-panel-right');

    // Reload as a person would (the workbench saves its state first), then wait for it to be restored.
    const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: WORKBENCH_TIMEOUT_MS });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: WORKBENCH_TIMEOUT_MS });
    await page.waitForFunction(() => typeof (window as unknown as { driver?: unknown }).driver === 'object', undefined, { timeout: WORKBENCH_TIMEOUT_MS });
    await page.evaluate(() => (window as unknown as { driver: { whenWorkbenchRestored(): Promise<void> } }).driver.whenWorkbenchRestored());
    frame = await findWebviewFrame(page, '[data-node-id="sessionize"]');
    await waitUntil(() => frame.getAttribute('body', 'data-layout'), (d) => d === 'RIGHT', 'the remembered left-to-right layout after a reload');
    assert.equal((await frame.innerText('.pl-layout-toggle')).trim(), 'Layout: →');
  });
});
