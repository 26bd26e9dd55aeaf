/*
 * Integration tests: mocha (BDD) inside the real VS Code extension host, with our extension loaded from this repo
 * and a temp copy of examples/ (plus test/fixtures as fixtures/) open as the workspace.
 *
 * To add tests, create test/integration/<name>.test.ts (any depth); nothing else to register:
 *
 *   import * as assert from 'node:assert/strict';
 *   import * as vscode from 'vscode';
 *   import { openWorkspaceFile, waitFor } from './support';
 *
 *   describe('diagnostics', () => {
 *     it('flags the stream without a retry bound', async () => {
 *       const doc = await openWorkspaceFile('serverless.yml');
 *       const diags = await waitFor(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.length > 0);
 *       assert.ok(diags.some((d) => d.code === 'stream-retry-unbounded'));
 *     });
 *   });
 *
 * Wait for results with vscode.languages.onDidChangeDiagnostics or waitFor() (polling with a deadline), never with
 * fixed sleeps. Tests may edit workspace files: the workspace is a throwaway copy.
 * Run: `npm run test:integration` (code-server + chromium, offline) or `npm run test:electron` (downloads VS Code);
 * PIPELINE_LENS_TEST_GREP=<text> runs only the tests whose title matches.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

/** The code-server runner shares one log channel with the workbench: it keeps only lines with this marker. */
function markReporterOutput(): void {
  const marker = process.env.PIPELINE_LENS_TEST_OUTPUT_MARKER;
  if (!marker) return;
  const print = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (...data: unknown[]) => print(`${marker}${util.format(...data)}`);
}

function findTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

/** Entry point called by the extension host (extensionTestsPath); resolves when every test passed. */
export function run(): Promise<void> {
  markReporterOutput();
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, forbidOnly: true });
  // PIPELINE_LENS_TEST_GREP runs only the matching tests (while working on one feature; CI runs them all).
  if (process.env.PIPELINE_LENS_TEST_GREP) mocha.grep(process.env.PIPELINE_LENS_TEST_GREP);
  for (const file of findTests(__dirname).sort()) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
    } catch (error) {
      reject(error);
    }
  });
}
