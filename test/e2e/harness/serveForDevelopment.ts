// `npm start` on a machine without desktop VS Code: serves our extension (from this repo) in code-server on
// loopback and prints the URL to open. The payload query loads the development extension, since code-server
// ignores --extensionDevelopmentPath. Runs until Ctrl-C, then stops the server it started.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { startCodeServer } from './codeServer';
import { repoRoot } from './paths';

async function main(): Promise<void> {
  const folder = path.resolve(process.argv[2] ?? path.join(repoRoot, 'examples'));
  const port = process.env.PIPELINE_LENS_PORT ? Number(process.env.PIPELINE_LENS_PORT) : undefined;
  const server = await startCodeServer({ name: 'start', port });
  // Open the clickstream example, the file that shows the most, when serving the examples folder.
  const example = path.join(folder, 'clickstream', 'serverless.yml');
  const url = server.workbenchUrl(folder, { extensionDevelopmentPath: repoRoot, openFile: existsSync(example) ? example : undefined });
  console.log(`\nPipeline Lens is running in VS Code (code-server ${server.baseUrl}, no auth, loopback only).`);
  console.log(`Open this URL in a browser (it loads the extension from ${repoRoot} on ${folder}):\n\n  ${url}\n`);
  console.log('Source changes rebuild automatically: run "Developer: Reload Window" to load them. Ctrl-C stops the server.');
  console.log(`Server log: ${server.logFile}`);
  const stop = () => {
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
