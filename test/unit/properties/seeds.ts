// Real YAML to mutate: the repository's fixtures and examples, and the public corpus beside the repository when it
// is there (../shared/corpus, never copied in). Files above the size cap are left out to keep the suite fast.
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.join(__dirname, '..', '..', '..');
const ROOTS = [path.join(REPO, 'test', 'fixtures'), path.join(REPO, 'examples'), path.join(REPO, '..', 'shared', 'corpus')];
const MAX_SEED_BYTES = 12_000;

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

export interface SeedFile {
  name: string;
  text: string;
}

/** Seed files, sorted by path so a seed number means the same inputs on every machine with the same files. */
export const SEED_FILES: readonly SeedFile[] = ROOTS.flatMap(yamlFiles)
  .sort()
  .map((file) => ({ name: path.relative(path.join(REPO, '..'), file), text: fs.readFileSync(file, 'utf8') }))
  .filter((seed) => seed.text.length <= MAX_SEED_BYTES);
