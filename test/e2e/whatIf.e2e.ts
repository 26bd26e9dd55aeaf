// The what-if panel and compare chart in the real workbench, as a person uses them: open the graph, open What-if,
// pick a function, move its knobs and see the figures and findings follow, walk the chart with the keyboard,
// export it, and apply the values to the YAML. Screenshots go to test-artifacts/ (whatif-panel, whatif-chart).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { EditorSession, findWebviewFrame, openFile, runCommand, screenshot, screenshotIfFailed, showWholeGraph, startEditorSession, waitUntil, UI_TIMEOUT_MS } from './harness';
import { artifactsDir } from './harness/paths';

/** Rows of the file vs what-if table: "label | file | what-if". */
async function figures(frame: Frame): Promise<string[]> {
  return frame.locator('.pl-whatif-table tr').allInnerTexts().then((rows) => rows.map((r) => r.replace(/\s*\t\s*/g, ' | ').trim()));
}

async function focusedLabel(frame: Frame): Promise<string> {
  return frame.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
}

describe('what-if panel in the workbench', () => {
  let session: EditorSession;
  let frame: Frame;

  before(async () => {
    session = await startEditorSession({ name: 'whatif', viewport: { width: 1600, height: 1000 } });
  });
  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, session?.page);
  });
  after(async () => {
    await session?.close();
  });

  it('opens under the graph for the selected function, with the file\'s values beside each knob', async () => {
    const page = session.page;
    await openFile(page, 'clickstream/serverless.yml');
    await runCommand(page, 'Pipeline Lens: Open Graph');
    frame = await findWebviewFrame(page, '[data-node-id="sessionize"]');
    // Left to right, as the wide graph below will be (the narrow side panel's own choice is top to bottom, where
    // sessionize sits below the fold).
    await frame.click('.pl-layout-toggle');
    await waitUntil(() => frame.getAttribute('body', 'data-layout'), (d) => d === 'RIGHT', 'the left-to-right layout');
    await showWholeGraph(frame);
    await frame.click('[data-node-id="sessionize"]');
    await frame.click('vscode-button:has-text("What-if")');
    // The graph wide, as someone trying values would have it.
    await runCommand(page, 'View: Maximize Editor Group and Hide Side Bars');
    await frame.click('vscode-button:has-text("Fit")');
    await waitUntil(() => frame.locator('.pl-whatif-controls h3').textContent(), (t) => t === 'What-if: sessionize', 'the panel on sessionize');
    assert.equal(await frame.locator('[data-knob="shards"] .pl-control-file').innerText(), 'file: 4 shards');
    assert.equal(await frame.locator('[data-knob="memoryMb"] .pl-control-file').innerText(), 'file: 2,432 MB');
    const rows = await waitUntil(() => figures(frame), (r) => r.some((row) => row.startsWith('concurrency')), 'the figures');
    assert.ok(rows.includes('concurrency | 150 of 4 | 150 of 4'), JSON.stringify(rows));
    await frame.locator('.pl-chart [data-mark="today"]').waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('updates cost, concurrency and findings as the knobs move', async () => {
    const shards = frame.locator('[data-knob="shards"] vscode-text-field input');
    await shards.fill('15');
    await shards.press('Tab');
    await frame.focus('[data-knob="parallelizationFactor"] input[type="range"]');
    await frame.press('[data-knob="parallelizationFactor"] input[type="range"]', 'End');
    await frame.focus('[data-knob="memoryMb"] vscode-text-field input');
    const memory = frame.locator('[data-knob="memoryMb"] vscode-text-field input');
    await memory.fill('1216');
    await memory.press('Tab');
    const rows = await waitUntil(() => figures(frame), (r) => r.includes('concurrency | 150 of 4 | 150 of 150') && r.includes('cost/day | $513.02 | $256.51'), 'the tried figures');
    assert.ok(rows.some((r) => r.startsWith('cap set by | 4 shards x parallelization factor 1 | 15 shards x parallelization factor 10')), JSON.stringify(rows));
    const settled = await frame.locator('.pl-whatif-finding.pl-change-settled').allInnerTexts();
    assert.ok(settled.some((f) => f.includes('throughput-exceeds-concurrency')), JSON.stringify(settled));
    await screenshot(session.page, 'whatif-panel');
  });

  it('draws the compare chart, walkable with the keyboard, with a table for screen readers', async () => {
    const chart = frame.locator('.pl-chart');
    assert.match(await chart.locator('title').textContent() ?? '', /Cost per day of sessionize over load/);
    assert.match(await chart.locator('desc').textContent() ?? '', /Lambda costs more than the cluster above/);
    await frame.focus('.pl-chart-series[data-arch="x86_64"] .pl-chart-point[tabindex="0"]');
    const first = await focusedLabel(frame);
    await session.page.keyboard.press('ArrowRight');
    const second = await focusedLabel(frame);
    assert.match(first, /^x86_64: .* costs \$[\d.,]+ a day$/);
    assert.notEqual(second, first, 'the arrow key moved along the line');
    await session.page.keyboard.press('ArrowDown');
    assert.match(await focusedLabel(frame), /^arm64: /);
    await frame.focus('[data-mark="today"]');
    assert.match(await focusedLabel(frame), /^Today: 50\/minute costs \$256\.51 a day on x86_64$/);
    assert.equal(await frame.locator('.pl-chart-table tbody tr').count(), await frame.locator('.pl-chart-series[data-arch="arm64"] .pl-chart-point').count());
    fs.mkdirSync(artifactsDir, { recursive: true });
    await frame.locator('.pl-chart-figure').screenshot({ path: path.join(artifactsDir, 'whatif-chart.png') });
  });

  it('exports the chart as an SVG file', async () => {
    const page = session.page;
    const target = path.join(session.workspace.dir, 'clickstream', 'serverless.cost-chart.svg');
    await frame.click('vscode-button:has-text("Export chart SVG")');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await waitUntil(() => input.inputValue(), (value) => value.endsWith('clickstream/serverless.cost-chart.svg'), 'the proposed chart file name');
    await page.keyboard.press('Enter');
    const svg = await waitUntil(async () => (fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : ''), (text) => text.includes('</svg>'), 'the exported chart');
    assert.match(svg, /<title id="pl-chart-title">Cost per day of sessionize over load<\/title>/);
    assert.match(svg, /class="pl-chart-today"/);
    assert.match(svg, /\.pl-chart-x86_64/, 'the export carries its styles');
  });

  it('exports the chart as a PNG image', async () => {
    const page = session.page;
    const target = path.join(session.workspace.dir, 'clickstream', 'serverless.cost-chart.png');
    await frame.click('vscode-button:has-text("Export chart PNG")');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await waitUntil(() => input.inputValue(), (value) => value.endsWith('clickstream/serverless.cost-chart.png'), 'the proposed PNG name');
    await page.keyboard.press('Enter');
    const bytes = await waitUntil(async () => (fs.existsSync(target) ? fs.readFileSync(target) : Buffer.alloc(0)), (b) => b.length > 1000, 'the PNG file');
    assert.deepEqual([...bytes.subarray(1, 4)], [...Buffer.from('PNG')]);
    assert.equal(bytes.readUInt32BE(16), 1120, 'drawn at twice the chart\'s 560 px width');
  });

  it('follows the colour theme (dark)', async () => {
    fs.mkdirSync(path.join(session.workspace.dir, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(session.workspace.dir, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.colorTheme': 'Default Dark Modern' }));
    await waitUntil(() => frame.getAttribute('body', 'class').then((c) => c ?? ''), (c) => c.includes('vscode-dark'), 'the dark theme in the webview');
    const background = await frame.locator('.pl-chart-bg').evaluate((e) => getComputedStyle(e).fill);
    assert.notEqual(background, 'rgb(255, 255, 255)', 'the chart background follows the editor background');
    await frame.locator('.pl-chart-figure').screenshot({ path: path.join(artifactsDir, 'whatif-chart-dark.png') });
  });

  it('tries the whole pipeline when no function is selected: load scaled, every function\'s figures', async () => {
    await frame.press('[data-node-id="sessionize"]', 'Escape');
    await waitUntil(() => frame.locator('.pl-whatif-controls h3').textContent(), (t) => t === 'What-if: the pipeline', 'the panel on the pipeline');
    const scale = frame.locator('[data-knob="rateScale"] vscode-text-field input');
    await scale.fill('0.1');
    await scale.press('Tab');
    const rows = await waitUntil(() => figures(frame), (r) => r.some((row) => row.startsWith('sessionize: concurrency | 150 of 4 | 15 of 150')), 'the scaled figures, with sessionize\'s tried shards');
    assert.ok(rows.some((r) => r.startsWith('enrich: concurrency | 1.2 of 2 | 0.12 of 2')), JSON.stringify(rows));
    assert.match(await frame.locator('.pl-chart title').textContent() ?? '', /Cost per day of the pipeline over load/);
    await screenshot(session.page, 'whatif-pipeline');
    await frame.locator('[data-knob="rateScale"] vscode-text-field input').fill('1');
    await frame.locator('[data-knob="rateScale"] vscode-text-field input').press('Tab');
    await showWholeGraph(frame);
    await frame.click('[data-node-id="sessionize"]');
    await waitUntil(() => frame.locator('.pl-whatif-controls h3').textContent(), (t) => t === 'What-if: sessionize', 'back on sessionize');
  });

  it('applies the values to the YAML, and the graph follows', async () => {
    await frame.click('vscode-button:has-text("Apply to YAML")');
    const status = await waitUntil(() => frame.locator('.pl-whatif-status').innerText(), (t) => t.startsWith('Written'), 'the apply status');
    assert.match(status, /sessionize: memory 1216 MB/);
    assert.match(status, /sessionize: 15 shards/);
    await waitUntil(() => frame.getAttribute('[data-node-id="sessionize"]', 'class').then((c) => c ?? ''), (c) => !c.includes('pl-sev-error'), 'sessionize no longer over capacity');
    await waitUntil(() => figures(frame), (r) => r.includes('concurrency | 150 of 150 | 150 of 150'), 'the file now has the tried values');
  });
});
