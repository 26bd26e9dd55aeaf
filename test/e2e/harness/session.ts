// One call for an e2e test: code-server + chromium + a workbench on a temp copy of examples/ with our extension.
import { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { CodeServer, startCodeServer } from './codeServer';
import { repoRoot } from './paths';
import { openWorkbench } from './workbench';
import { createWorkspace, TempWorkspace } from './workspace';

export interface EditorSession {
  readonly server: CodeServer;
  readonly browser: Browser;
  readonly page: Page;
  readonly workspace: TempWorkspace;
  /** Browser console lines (errors from the workbench and webviews), for assertions and debugging. */
  readonly consoleLines: string[];
  close(): Promise<void>;
}

export interface SessionOptions {
  name: string;
  /** Load the extension from this repo (dist/ must be built); false when it was installed from a VSIX. */
  developmentExtension?: boolean;
  extensionsDir?: string;
  fixtures?: boolean;
  viewport?: { width: number; height: number };
}

export async function startEditorSession(options: SessionOptions): Promise<EditorSession> {
  const workspace = createWorkspace({ fixtures: options.fixtures });
  const cleanups: (() => Promise<void> | void)[] = [() => workspace.dispose()];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  };
  try {
    const server = await startCodeServer({ name: options.name, extensionsDir: options.extensionsDir });
    cleanups.push(() => server.stop());
    const browser = await launchBrowser();
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    const payload = options.developmentExtension === false ? undefined : { extensionDevelopmentPath: repoRoot };
    await openWorkbench(page, server.workbenchUrl(workspace.dir, payload));
    return { server, browser, page, workspace, consoleLines, close };
  } catch (error) {
    await close();
    throw error;
  }
}
