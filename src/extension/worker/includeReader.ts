// The synchronous `readFile` the core uses for `${file(./x.yml)}`, inside the worker: the editor's text of open,
// changed documents first, then the disk, and only files inside a workspace folder (never anything executed,
// never outside the workspace). Returns undefined otherwise.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalyzeRequest } from './protocol';

const MAX_INCLUDE_BYTES = 2 * 1024 * 1024;

export function includeReader(request: AnalyzeRequest, workspaceFolders: readonly string[]): (file: string) => string | undefined {
  return (file: string) => {
    try {
      if (!request.onDisk) return request.openTexts[path.posix.resolve(path.posix.dirname(request.path), file)];
      const absolute = path.resolve(path.dirname(request.path), file);
      if (!workspaceFolders.some((folder) => isInside(absolute, folder))) return undefined;
      const open = request.openTexts[absolute];
      if (open !== undefined) return open;
      const stat = fs.statSync(absolute, { throwIfNoEntry: false });
      if (!stat || !stat.isFile() || stat.size > MAX_INCLUDE_BYTES) return undefined;
      return fs.readFileSync(absolute, 'utf8');
    } catch {
      return undefined;
    }
  };
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
