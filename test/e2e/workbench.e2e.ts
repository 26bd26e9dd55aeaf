// The extension in the real workbench, from source: the examples open, our commands are in the palette.
import * as assert from 'node:assert/strict';
import { EditorSession, manifestCommandTitles, openFile, paletteEntries, screenshot, screenshotIfFailed, startEditorSession, waitUntil } from './harness';

describe('workbench with the extension (development path)', () => {
  let session: EditorSession;

  before(async () => {
    session = await startEditorSession({ name: 'workbench' });
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, session?.page);
  });

  after(async () => {
    await session?.close();
  });

  it('opens examples/clickstream/serverless.yml in an editor', async () => {
    await openFile(session.page, 'clickstream/serverless.yml');
    const text = await session.page.locator('.editor-instance .monaco-editor .view-lines').first().innerText();
    assert.match(text, /service:/);
    await screenshot(session.page, 'workbench-serverless');
  });

  it('offers the Pipeline Lens commands in the command palette', async () => {
    const expected = manifestCommandTitles().filter((title) => /Open Graph|Open Example Pipeline/.test(title));
    assert.equal(expected.length, 2, 'the manifest lacks Open Graph or Open Example Pipeline');
    const page = session.page;
    await waitUntil(() => paletteEntries(page, 'Pipeline Lens:'), (titles) => expected.every((title) => titles.includes(title)), 'Pipeline Lens commands in the palette');
  });
});
