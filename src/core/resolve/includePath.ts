// Where a `${file(...)}` include points, as a path string (no `path` module: the core also runs in vscode.dev).
// Only relative YAML/JSON paths are followed; the readFile callback keeps reads inside the workspace.

export type IncludeTarget = { ok: true; path: string; format: 'yaml' | 'json' } | { ok: false; reason: string };

const YAML_EXT = /\.(ya?ml)$/i;
const JSON_EXT = /\.json$/i;

/** Resolves `include` against the directory of `from` (the analysed file's path), or refuses it with a reason. */
export function includeTarget(from: string | undefined, include: string): IncludeTarget {
  const cleaned = include.trim().replace(/^['"]|['"]$/g, '');
  if (cleaned === '') return { ok: false, reason: 'the file path is empty' };
  if (/^(\/|\\|~|[a-zA-Z]:[\\/])/.test(cleaned)) {
    return { ok: false, reason: `"${cleaned}" is not a path relative to this file` };
  }
  const format = YAML_EXT.test(cleaned) ? 'yaml' : JSON_EXT.test(cleaned) ? 'json' : undefined;
  if (!format) return { ok: false, reason: `"${cleaned}" is not a YAML or JSON file, and other files are never run` };
  const base = from ? directoryOf(from) : '';
  return { ok: true, path: normalize(base ? `${base}/${cleaned}` : cleaned), format };
}

function directoryOf(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash === -1 ? '' : path.slice(0, slash);
}

/** Collapses `.` and `..` segments; keeps a leading `/` or drive letter and any leading `..` that cannot collapse. */
export function normalize(path: string): string {
  const unified = path.replace(/\\/g, '/');
  const absolute = unified.startsWith('/');
  const out: string[] = [];
  for (const part of unified.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && !/^[a-zA-Z]:$/.test(out[out.length - 1])) out.pop();
    else out.push(part);
  }
  return (absolute ? '/' : '') + out.join('/');
}
