// `npm run bench`: runs every bench/*.bench.ts (each exports `run()` and prints its own figures), in name order.
// `npm run bench -- analyze` runs only the files whose name contains "analyze".
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
    .sort();
  if (files.length === 0) throw new Error(`no bench/*.bench.ts matches "${filter}"`);
  for (const file of files) {
    console.log(`\n## ${file}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bench = require(join(__dirname, file)) as { run?: () => unknown };
    if (typeof bench.run !== 'function') throw new Error(`${file} exports no run()`);
    await bench.run();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
