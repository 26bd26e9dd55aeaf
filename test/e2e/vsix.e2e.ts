// The packaged extension, as a user gets it: `npm run package` builds the VSIX offline, code-server's CLI installs
// it into a fresh extensions dir, and a command of the installed copy (not the dev folder) runs in the workbench.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import {
  activeEditorText, chooseQuickPick, EditorSession, installExtension, manifest, notifications, repoRoot, runCommand,
  screenshot, screenshotIfFailed, startEditorSession, trackTempDir, waitUntil, zipEntries,
} from './harness';

describe('packaged VSIX installed into code-server', () => {
  const { publisher, name, version } = manifest();
  const extensionId = `${publisher}.${name}`;
  let tempDir: string;
  let untrackTempDir: () => void;
  let vsix: string;
  let extensionsDir: string;
  let session: EditorSession | undefined;

  before(async () => {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-lens-vsix-'));
    untrackTempDir = trackTempDir(tempDir);
    extensionsDir = path.join(tempDir, 'extensions');
    fs.mkdirSync(extensionsDir);
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, session?.page);
  });

  after(async () => {
    await session?.close();
    fs.rmSync(tempDir, { recursive: true, force: true });
    untrackTempDir();
  });

  it('npm run package builds a VSIX holding only what runs', async () => {
    const built = path.join(repoRoot, 'pipeline-lens.vsix');
    fs.rmSync(built, { force: true });
    await promisify(execFile)('npm', ['run', 'package'], { cwd: repoRoot, timeout: 300_000 });
    vsix = path.join(tempDir, `${name}-${version}.vsix`);
    fs.copyFileSync(built, vsix);
    const files = zipEntries(vsix);
    assert.ok(files.includes('extension/dist/extension.js'));
    assert.ok(files.includes('extension/dist/analysisWorker.js'), 'the analysis worker is packaged');
    assert.ok(files.includes('extension/media/icon.png'));
    assert.ok(files.includes('extension/examples/clickstream/serverless.yml'), 'Open Example Pipeline reads this file');
    const strays = files.filter((file) => /^extension\/(src|test|node_modules|scripts|build|bench|\.cache|out)\//.test(file) || file.endsWith('.map'));
    assert.deepEqual(strays, []);
  });

  it('installs with code-server --install-extension', async () => {
    assert.ok(vsix, 'the VSIX was not built');
    const output = await installExtension(vsix, extensionsDir);
    assert.match(output, /successfully installed/i);
    const installed = fs.readdirSync(extensionsDir).filter((entry) => entry.startsWith(`${extensionId}-`));
    assert.deepEqual(installed, [`${extensionId}-${version}`]);
    assert.ok(fs.existsSync(path.join(extensionsDir, installed[0], 'dist', 'extension.js')));
  });

  it('runs "Open Example Pipeline" from the installed extension', async () => {
    assert.ok(fs.readdirSync(extensionsDir).some((entry) => entry.startsWith(`${extensionId}-`)), 'the VSIX was not installed');
    session = await startEditorSession({ name: 'vsix', developmentExtension: false, extensionsDir });
    await runCommand(session.page, 'Pipeline Lens: Open Example Pipeline');
    await chooseQuickPick(session.page, 'Kinesis clickstream');
    const page = session.page;
    const text = await waitUntil(() => activeEditorText(page), (shown) => shown.includes('service: clickstream'), 'the example in an editor');
    assert.match(text, /service: clickstream/);
    assert.deepEqual((await notifications(page)).filter((message) => /not found|failed|error/i.test(message)), []);
    await screenshot(page, 'vsix-open-example');
  });
});
