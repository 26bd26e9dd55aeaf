// Runs the integration suite (out/integration/index.js) inside code-server's real extension host, offline:
// code-server on loopback + headless chromium; the workbench reads extensionDevelopmentPath/extensionTestsPath from
// the `payload` query (smoke-test driver), streams mocha's output through codeAutomationLog and reports the result
// through codeAutomationExit. Exit code = the suite's (0 = all passed). Server and temp dirs are always cleaned up.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import { launchBrowser } from '../../e2e/harness/browser';
import { startCodeServer } from '../../e2e/harness/codeServer';
import { repoRoot } from '../../e2e/harness/paths';
import { createWorkspace } from '../../e2e/harness/workspace';

const SUITE_TIMEOUT_MS = Number(process.env.PIPELINE_LENS_SUITE_TIMEOUT_MS ?? 15 * 60_000);
const testsIndex = path.join(repoRoot, 'out', 'integration', 'index.js');

// The workbench logs through the same channel as mocha; index.ts marks mocha's lines so the rest goes to a file.
const OUTPUT_MARKER = '\u2063pipeline-lens-test\u2063';

async function main(): Promise<number> {
  if (!fs.existsSync(testsIndex)) throw new Error(`${testsIndex} is missing: run node build/integration.mjs first`);
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run npm run build first');
  const workspace = createWorkspace({ fixtures: true });
  const server = await startCodeServer({ name: 'integration' }).catch((error) => {
    workspace.dispose();
    throw error;
  });
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage();
    let finish: (code: number) => void = () => undefined;
    const finished = new Promise<number>((resolve) => (finish = resolve));
    const workbenchLog = fs.createWriteStream(server.logFile.replace(/\.log$/, '-workbench.log'));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const text = Array.isArray(args) ? util.format(...args) : String(args);
      const marked = text.indexOf(OUTPUT_MARKER);
      if (marked >= 0) console.log(text.slice(marked + OUTPUT_MARKER.length));
      else workbenchLog.write(`[${type}] ${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    page.on('pageerror', (error) => console.error(`[workbench] ${error.message}`));
    const url = server.workbenchUrl(workspace.dir, { extensionDevelopmentPath: repoRoot, extensionTestsPath: testsIndex, env: extensionEnvironment() });
    await page.goto(url);
    const timeout = new Promise<number>((resolve) => setTimeout(() => {
      console.error(`integration suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s`);
      resolve(1);
    }, SUITE_TIMEOUT_MS).unref());
    const code = await Promise.race([finished, timeout]);
    workbenchLog.end();
    if (code !== 0) console.error(`integration tests failed (exit ${code}); editor logs: ${server.logFile.replace(/\.log$/, '*.log')}`);
    return code;
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
    workspace.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
  },
);

/** Environment of the extension host: the output marker, PIPELINE_LENS_NO_WORKER=1 when set here (runs the suite
 * on the in-thread fallback of the analysis worker), and PIPELINE_LENS_TEST_GREP (only the matching tests). */
function extensionEnvironment(): Record<string, string> {
  const env: Record<string, string> = { PIPELINE_LENS_TEST_OUTPUT_MARKER: OUTPUT_MARKER };
  if (process.env.PIPELINE_LENS_NO_WORKER) env.PIPELINE_LENS_NO_WORKER = process.env.PIPELINE_LENS_NO_WORKER;
  if (process.env.PIPELINE_LENS_TEST_GREP) env.PIPELINE_LENS_TEST_GREP = process.env.PIPELINE_LENS_TEST_GREP;
  return env;
}
