// Runs the same integration suite in desktop VS Code via @vscode/test-electron (downloads VS Code: needs internet).
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from '../../e2e/harness/paths';
import { createWorkspace } from '../../e2e/harness/workspace';

async function main(): Promise<void> {
  const workspace = createWorkspace({ fixtures: true });
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'integration', 'index.js'),
      launchArgs: [workspace.dir, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    workspace.dispose();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
