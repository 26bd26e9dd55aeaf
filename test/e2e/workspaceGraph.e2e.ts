// The workspace graph in the real workbench: *Pipeline Lens: Open Workspace Graph* draws every pipeline file of
// the folder as one graph, each file a group, the cross-file edge labelled with its join; clicking a stage opens
// its file at its key; a fix from the side panel edits the consumer; editing the producer on disk updates its cap. Screenshot: workspace-graph.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { EditorSession, findWebviewFrame, runCommand, screenshot, screenshotIfFailed, startEditorSession, waitUntil } from './harness';
import { fixturesDir } from './harness/paths';

const SESSIONIZE = 'shop/process/serverless.yml#sessionize';
const CLICKSTREAM = 'shop/ingest/serverless.yml#ClickStream';

async function svgTexts(frame: Frame, selector: string): Promise<string[]> {
  return frame.$$eval(selector, (elements) => elements.map((e) => e.textContent ?? ''));
}

describe('workspace graph in the workbench', () => {
  let session: EditorSession;
  let frame: Frame;
  let ingestPath: string;

  before(async () => {
    session = await startEditorSession({ name: 'workspace-graph', viewport: { width: 1600, height: 900 } });
    for (const service of ['ingest', 'process']) {
      const target = path.join(session.workspace.dir, 'shop', service);
      fs.mkdirSync(target, { recursive: true });
      fs.copyFileSync(path.join(fixturesDir, 'workspace', 'cf-output', service, 'serverless.yml'), path.join(target, 'serverless.yml'));
    }
    ingestPath = path.join(session.workspace.dir, 'shop', 'ingest', 'serverless.yml');
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, session?.page);
    if (this.currentTest?.state === 'failed') console.log(session?.consoleLines.filter((l) => /error|warn/i.test(l)).slice(-20).join('\n'));
  });

  after(async () => {
    await session?.close();
  });

  it('draws the files as groups with the cross-file edge labelled by its join', async () => {
    await runCommand(session.page, 'Pipeline Lens: Open Workspace Graph');
    frame = await findWebviewFrame(session.page, `[data-node-id="${SESSIONIZE}"]`);
    const groups = await svgTexts(frame, '.pl-group-label');
    assert.ok(groups.includes('shop/ingest/serverless.yml') && groups.includes('shop/process/serverless.yml'), JSON.stringify(groups));
    assert.ok(groups.includes('clickstream/serverless.yml'), 'the examples are groups too');
    const labels = await svgTexts(frame, '.pl-edge-label');
    assert.ok(labels.some((l) => l.includes('via cf-output')), JSON.stringify(labels));
    assert.ok(await frame.$(`[data-node-id="${CLICKSTREAM}"]`), 'the producer stream is drawn once, in its own file');
    const subtitle = await frame.textContent(`[data-node-id="${SESSIONIZE}"]`);
    assert.match(subtitle ?? '', /8\.3\/4/, 'the consumer is capped by the producer stream (4 shards)');
    // With nothing selected, the side panel lists each connected pipeline; ours spans both files.
    const pipeline = frame.locator('.pl-pipeline', { hasText: 'shop/process/serverless.yml' }).first();
    await pipeline.waitFor();
    const words = (await pipeline.textContent()) ?? '';
    assert.match(words, /2 files, 2 functions/);
    assert.match(words, /\$[\d.,]+\/day \(\+1 function\(s\) with unknown load\)/);
    assert.match(words, /Busiest: shop\/process\/serverless\.yml sessionize at 8\.333 of 4 concurrent/);
    await pipeline.locator('vscode-button', { hasText: 'Select busiest stage' }).click();
    await waitUntil(() => frame.getAttribute(`[data-node-id="${SESSIONIZE}"]`, 'class').then((c) => c ?? ''), (c) => c.includes('pl-selected'), 'the busiest stage selected');
    await frame.click('vscode-button:has-text("Fit")');
    await screenshot(session.page, 'workspace-graph');
    // Then the joined pair itself, as a person finds it: search a stage beside the consumer (the examples have their
    // own `sessionize`), Enter selects it and brings it into view.
    await frame.click('vscode-text-field');
    await session.page.keyboard.type('process-dev-failed');
    await session.page.keyboard.press('Enter');
    const failed = '[data-node-id*="process-dev-failed"]';
    await waitUntil(() => frame.getAttribute(failed, 'class').then((c) => c ?? ''), (c) => c.includes('pl-selected'), 'the stage beside the consumer selected');
    await screenshot(session.page, 'workspace-graph-joined');
  });

  it('opens the stage file at its key when a stage is clicked', async () => {
    // The click goes to the node itself: after Fit, the selection panel may overlap it in this window size.
    await frame.dispatchEvent(`[data-node-id="${SESSIONIZE}"]`, 'click');
    const tab = session.page.locator('.tabs-container .tab[data-resource-name="serverless.yml"]').first();
    await tab.waitFor();
    // The graph keeps the focus after a click: activate the editor beside it to read its selection in the status bar.
    await tab.click();
    const selection = session.page.locator('#status\\.editor\\.selection');
    // `sessionize` is on line 11 of process/serverless.yml, columns 3 to 12.
    await waitUntil(() => selection.innerText().catch(() => ''), (s) => s.replace(/\s+/g, ' ').trim() === 'Ln 11, Col 13 (10 selected)', 'the key selected');
  });

  it('applies a fix from the side panel in the file it belongs to: the consumer gets more parallelization', async () => {
    // sessionize is still selected from the click above: the side panel lists its finding and fixes.
    const fix = frame.locator('vscode-button', { hasText: 'parallelizationFactor' }).first();
    await fix.waitFor({ timeout: 60_000 });
    await fix.click();
    await waitUntil(() => frame.textContent(`[data-node-id="${SESSIONIZE}"]`).then((t) => t ?? ''), (t) => /8\.3\/(?!4\b)\d+/.test(t), 'a higher cap after the fix');
    await runCommand(session.page, 'File: Save');
  });

  it('follows a change to another file: more shards in the producer raise the consumer cap', async () => {
    fs.writeFileSync(ingestPath, fs.readFileSync(ingestPath, 'utf8').replace('ShardCount: 4', 'ShardCount: 16'));
    await waitUntil(() => frame.textContent(`[data-node-id="${SESSIONIZE}"]`).then((t) => t ?? ''), (t) => /8\.3\/(16|32|48|64|80|96|112|128|144|160)\b/.test(t), 'the cap from 16 shards');
  });
});
