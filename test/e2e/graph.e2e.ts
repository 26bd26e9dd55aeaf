// The graph panel in the real workbench, as a person uses it: open it from the palette, click a node and see the
// YAML selected, move the cursor and see the node selected, edit and see the graph follow, fix from the graph,
// export an SVG. Screenshots of the graph (dark, light) go to test-artifacts/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { EditorSession, findWebviewFrame, openFile, runCommand, screenshot, showWholeGraph, startEditorSession, waitUntil, UI_TIMEOUT_MS } from './harness';

const OPEN_GRAPH = 'Pipeline Lens: Open Graph';
const MARKUP_NAME = '<img src=x onerror=alert(1)>';

/** Sets the workbench colour theme through the workspace settings file, as a person editing settings.json would. */
function setTheme(workspaceDir: string, theme: string): void {
  fs.mkdirSync(path.join(workspaceDir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspaceDir, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.colorTheme': theme }, null, 2));
}

async function waitForTheme(frame: Frame, kind: 'vscode-dark' | 'vscode-light'): Promise<void> {
  await waitUntil(() => frame.getAttribute('body', 'class').then((c) => c ?? ''), (c) => c.includes(kind), `the ${kind} theme in the graph`);
}

async function openGraph(page: Page, waitForNode: string): Promise<Frame> {
  await runCommand(page, OPEN_GRAPH);
  return findWebviewFrame(page, `[data-node-id="${waitForNode}"]`);
}

/** "Ln 40, Col 3 (10 selected)" from the status bar: what a person reads to know the selection. */
async function editorSelection(page: Page): Promise<string> {
  const item = page.locator('#status\\.editor\\.selection');
  return (await item.innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
}

/** Quick Open's ":line:column" (the browser keeps Ctrl+G for itself). */
async function goToLine(page: Page, line: number, column = 1): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  await waitUntil(() => editorSelection(page), (s) => s.startsWith(`Ln ${line}, Col ${column}`), `the cursor on line ${line}`);
}

function lineOf(text: string, pattern: RegExp): number {
  const index = text.split('\n').findIndex((line) => pattern.test(line));
  assert.ok(index >= 0, `no line matches ${pattern}`);
  return index + 1;
}

/** Texts of SVG elements (innerText does not exist on SVG). */
async function svgTexts(frame: Frame, selector: string): Promise<string[]> {
  return frame.$$eval(selector, (elements) => elements.map((e) => e.textContent ?? ''));
}

/** Keyboard focus back to the YAML (the graph keeps it after a click), without moving the editor's selection. */
async function focusYamlEditor(page: Page): Promise<void> {
  await runCommand(page, 'View: Focus First Editor Group');
}

/** Whether every stage lies wholly inside the graph's canvas. */
async function nodeClasses(frame: Frame, id: string): Promise<string> {
  return (await frame.getAttribute(`[data-node-id="${id}"]`, 'class')) ?? '';
}

describe('graph panel in the workbench', () => {
  let session: EditorSession;
  let frame: Frame;
  let clickstreamText: string;

  const dialogs: string[] = [];

  before(async () => {
    session = await startEditorSession({ name: 'graph', viewport: { width: 1600, height: 900 } });
    session.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    setTheme(session.workspace.dir, 'Default Dark Modern');
    clickstreamText = fs.readFileSync(path.join(session.workspace.dir, 'clickstream', 'serverless.yml'), 'utf8');
    // Written early so Quick Open has indexed it by the time the last test opens it.
    const dir = path.join(session.workspace.dir, 'markup');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'markup-names.yml'),
      [
        'service: markup-names',
        'provider:',
        '  name: aws',
        '  runtime: nodejs20.x',
        'functions:',
        `  "${MARKUP_NAME}":`,
        '    handler: index.handler',
        '    events:',
        '      - sqs:',
        '          arn: !GetAtt JobsQueue.Arn',
        'resources:',
        '  Resources:',
        '    JobsQueue:',
        '      Type: AWS::SQS::Queue',
        '',
      ].join('\n'),
    );
  });

  after(async () => {
    await session?.close();
  });

  it('opens beside the editor and draws the clickstream stages, labelled', async () => {
    await openFile(session.page, 'clickstream/serverless.yml');
    frame = await openGraph(session.page, 'sessionize');
    const labels = await svgTexts(frame, '.pl-edge-label');
    assert.ok(labels.some((l) => l.startsWith('batch 100')), `edge labels: ${JSON.stringify(labels)}`);
    assert.match(await nodeClasses(frame, 'sessionize'), /pl-sev-error/, 'the over-capacity function is coloured as an error');
    await waitUntil(() => frame.locator('.pl-finding').count(), (n) => n > 0, 'the findings list');
    await waitForTheme(frame, 'vscode-dark');
    // This suite drives the left-to-right layout (arrow keys below); the panel's own choice (top to bottom) is
    // covered by graphSidePanel.e2e.ts.
    await frame.click('.pl-layout-toggle');
    await waitUntil(() => frame.getAttribute('body', 'data-layout'), (d) => d === 'RIGHT', 'the left-to-right layout');
    await showWholeGraph(frame);
    await screenshot(session.page, 'graph-dark');
  });

  it('selects the function key in the editor when its node is clicked', async () => {
    await showWholeGraph(frame);
    await frame.click('[data-node-id="sessionize"]');
    const line = lineOf(clickstreamText, /^ {2}sessionize:/);
    await focusYamlEditor(session.page);
    // The key `sessionize` (columns 3 to 12) is selected; the status bar shows where the selection ends.
    await waitUntil(() => editorSelection(session.page), (s) => s === `Ln ${line}, Col 13 (10 selected)`, 'the key selected in the editor');
    assert.match(await nodeClasses(frame, 'sessionize'), /pl-selected/);
  });

  it('moves between nodes with the arrow keys and reveals the focused one with Enter', async () => {
    await frame.click('[data-node-id="sessionize"]');
    await frame.press('[data-node-id="sessionize"]', 'ArrowRight');
    await waitUntil(() => nodeClasses(frame, 'SessionsTopic'), (c) => c.includes('pl-selected'), 'the next stage to the right selected');
    await frame.press('[data-node-id="SessionsTopic"]', 'Enter');
    const line = lineOf(clickstreamText, /^ {4}SessionsTopic:/);
    await waitUntil(() => editorSelection(session.page), (s) => s === `Ln ${line}, Col 18 (13 selected)`, 'the topic key selected in the editor');
  });

  it('selects the node of the YAML under the cursor', async () => {
    await focusYamlEditor(session.page);
    await goToLine(session.page, lineOf(clickstreamText, /^ {4}handler: src\/enrich\.handler/), 5);
    await waitUntil(() => nodeClasses(frame, 'enrich'), (c) => c.includes('pl-selected'), 'enrich selected in the graph');
    assert.doesNotMatch(await nodeClasses(frame, 'sessionize'), /pl-selected/);
  });

  it('follows an edit of the YAML without losing the selection', async () => {
    const page = session.page;
    await focusYamlEditor(page);
    await goToLine(page, lineOf(clickstreamText, /^ {10}batchSize: 100$/), 11);
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('batchSize: 250');
    await waitUntil(() => svgTexts(frame, '.pl-edge-label'), (l) => l.some((t) => t.startsWith('batch 250')), 'the new batch size');
    assert.match(await nodeClasses(frame, 'sessionize'), /pl-selected/, 'the cursor, now in sessionize, keeps it selected');
  });

  it('shows an error banner and keeps the last good graph while the YAML is broken', async () => {
    const page = session.page;
    await goToLine(page, lineOf(clickstreamText, /^service: clickstream/), 1);
    await page.keyboard.type('x: y: ');
    await waitUntil(() => frame.locator('.pl-banner').innerText().catch(() => ''), (t) => t.includes('YAML has errors'), 'the error banner');
    assert.equal(await frame.locator('[data-node-id="sessionize"]').count(), 1, 'the last good graph stays');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('service: clickstream');
    await waitUntil(() => frame.locator('.pl-banner').isHidden(), (hidden) => hidden, 'the banner to go once the YAML parses');
  });

  it('applies a quick fix from the side panel: the buffer queue appears in the graph', async () => {
    const page = session.page;
    await openFile(page, 's3-ingest/template.yaml');
    frame = await openGraph(page, 'IngestFunction');
    await showWholeGraph(frame);
    await frame.click('[data-node-id="IngestFunction"]');
    const fix = frame.locator('vscode-button', { hasText: 'Insert an SQS buffer queue' }).first();
    await fix.waitFor({ timeout: UI_TIMEOUT_MS });
    const queuesBefore = await frame.locator('.pl-node.pl-kind-queue').count();
    await fix.click();
    await waitUntil(() => frame.locator('.pl-node.pl-kind-queue').count(), (n) => n > queuesBefore, 'a queue node after the fix');
    const rules = await frame.locator('.pl-finding-head').allInnerTexts();
    assert.ok(!rules.some((r) => r.includes('async-without-buffer')), `async-without-buffer is gone: ${JSON.stringify(rules)}`);
  });

  it('exports the graph as an SVG file through the save dialog', async () => {
    const page = session.page;
    const target = path.join(session.workspace.dir, 's3-ingest', 'template.graph.svg');
    await frame.click('vscode-button:has-text("Export SVG")');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await waitUntil(() => input.inputValue(), (value) => value.endsWith('s3-ingest/template.graph.svg'), 'the proposed file name beside the template');
    await page.keyboard.press('Enter');
    await waitUntil(async () => fs.existsSync(target), (exists) => exists, 'the exported file');
    const svg = await waitUntil(async () => fs.readFileSync(target, 'utf8'), (text) => text.includes('</svg>'), 'the whole SVG');
    assert.match(svg, /data-node-id="IngestFunction"/);
    assert.match(svg, /<style>/, 'the export carries its own styles');
  });

  it('redraws in the light theme', async () => {
    setTheme(session.workspace.dir, 'Default Light Modern');
    await waitForTheme(frame, 'vscode-light');
    await screenshot(session.page, 'graph-light');
  });

  it('renders a resource named like markup as text, running nothing', async () => {
    const page = session.page;
    await openFile(page, 'markup/markup-names.yml');
    const markupFrame = await openGraph(page, MARKUP_NAME);
    await markupFrame.click(`[data-node-id="${MARKUP_NAME}"]`);
    const labels = await svgTexts(markupFrame, '.pl-label');
    assert.ok(labels.includes(fitted(MARKUP_NAME)), `the name is drawn as text: ${JSON.stringify(labels)}`);
    assert.equal(await markupFrame.locator('img').count(), 0, 'no <img> element was created');
    await waitUntil(() => markupFrame.locator('.pl-title').innerText(), (t) => t === MARKUP_NAME, 'the side panel title, as text');
    assert.deepEqual(dialogs, [], 'no alert ran');
    await screenshot(page, 'graph-markup-name');
  });
});

/** The node label as the renderer shortens it (30 characters). */
function fitted(name: string): string {
  const chars = [...name];
  return chars.length <= 30 ? name : `${chars.slice(0, 29).join('')}…`;
}
