// The Getting Started walkthrough as a person meets it: opened from the palette, its steps listed, a step's button
// opens the example beside it and the step is ticked. (Every step's buttons are run in the extension host by
// test/integration/walkthrough.test.ts.)
import * as assert from 'node:assert/strict';
import { chooseQuickPick, EditorSession, runCommand, screenshot, screenshotIfFailed, startEditorSession, waitUntil, UI_TIMEOUT_MS } from './harness';

const TITLE = 'Get Started with Pipeline Lens';
const STEPS = ['Open an example pipeline', 'See the stage graph', 'Add a buffer queue', 'Declare a load, see its cost'];

describe('Getting Started walkthrough in the workbench', () => {
  let session: EditorSession;

  before(async () => {
    session = await startEditorSession({ name: 'walkthrough', viewport: { width: 1480, height: 900 } });
  });
  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, session?.page);
  });
  after(async () => {
    await session?.close();
  });

  it('lists its four steps, and the first step\'s button opens the example and ticks the step', async () => {
    const page = session.page;
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await chooseQuickPick(page, TITLE);
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.getByText(TITLE).first().waitFor({ timeout: UI_TIMEOUT_MS });
    for (const step of STEPS) await walkthrough.getByText(step, { exact: true }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'walkthrough');

    const first = walkthrough.locator('.getting-started-step', { hasText: STEPS[0] }).first();
    await first.click();
    await walkthrough.getByRole('button', { name: 'Open the Clickstream Example' }).click();
    await waitUntil(() => page.locator('.tabs-container .tab', { hasText: 'Untitled' }).count(), (n) => n > 0, 'the example in an editor');
    // The example opens beside the walkthrough, which may keep the focus: read the editor that shows it.
    const example = page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'Clickstream sessionization' });
    await example.first().waitFor({ timeout: UI_TIMEOUT_MS });
    // The step's circle turns into a tick (its icon gets the `complete` class).
    await waitUntil(() => first.locator('.complete').count(), (n) => n > 0, 'the first step ticked');
    assert.equal(await walkthrough.locator('.getting-started-step', { hasText: STEPS[1] }).first().locator('.complete').count(), 0, 'the next step is not ticked');
    assert.ok(await walkthrough.isVisible(), 'the walkthrough stays in view beside the example');
    await screenshot(page, 'walkthrough-step-done');
  });
});
