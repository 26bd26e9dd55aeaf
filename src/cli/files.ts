// Which files `check` reads: the named files, and recognisable YAML/JSON files under named directories.
import * as fs from 'node:fs';
import * as path from 'node:path';

const SKIPPED_DIRS = new Set(['node_modules', '.serverless', '.aws-sam', '.git']);
const CANDIDATE = /\.(ya?ml|json|template)$/i;
/** Larger files are not pipeline definitions; reading them would only slow CI down. */
export const MAX_FILE_BYTES = 10_000_000;

/** Expands directories recursively (sorted, so output is stable); throws when a path does not exist. */
export function collectFiles(paths: string[], cwd: string): string[] {
  const out: string[] = [];
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    const stat = fs.statSync(full);
    if (stat.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return [...new Set(out)];
}

function walk(dir: string, out: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(full, out);
    } else if (entry.isFile() && CANDIDATE.test(entry.name) && !/^package(-lock)?\.json$|^tsconfig.*\.json$/.test(entry.name)) {
      out.push(full);
    }
  }
}

/**
 * The readFile given to the analysis for `${file()}` includes: YAML/JSON files inside the analysed file's folder
 * tree only (symlinks resolved), never executed.
 */
export function includeReader(analysedFile: string): (includePath: string) => string | undefined {
  const root = fs.realpathSync(path.dirname(analysedFile));
  return (includePath) => {
    try {
      const real = fs.realpathSync(path.resolve(path.dirname(analysedFile), includePath));
      const inside = real === root || real.startsWith(root + path.sep);
      if (!inside || !/\.(ya?ml|json)$/i.test(real)) return undefined;
      const stat = fs.statSync(real);
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
      return fs.readFileSync(real, 'utf8');
    } catch {
      return undefined;
    }
  };
}
