// Where a `${file(...)}` include points, as a path string (no `path` module: the core also runs in vscode.dev).
// Only relative YAML/JSON paths are followed; the readFile callback keeps reads inside the workspace.

export type IncludeTarget = { ok: true; path: string; format: 'yaml' | 'json' } | { ok: false; reason: string };

const YAML_EXT = /\.(ya?ml)$/i;
const JSON_EXT = /\.json$/i;

/**
 * The include's path relative to the analysed file (what ReadContext.readFile takes: each adapter resolves it
 * against the analysed file's folder and keeps reads inside the workspace), or a reason to refuse it.
 */
export function includeTarget(include: string): IncludeTarget {
  const cleaned = include.trim().replace(/^['"]|['"]$/g, '');
  if (cleaned === '') return { ok: false, reason: 'the file path is empty' };
  if (/^(\/|\\|~|[a-zA-Z]:[\\/])/.test(cleaned)) {
    return { ok: false, reason: `"${cleaned}" is not a path relative to this file` };
  }
  const format = YAML_EXT.test(cleaned) ? 'yaml' : JSON_EXT.test(cleaned) ? 'json' : undefined;
  if (!format) return { ok: false, reason: `"${cleaned}" is not a YAML or JSON file, and other files are never run` };
  return { ok: true, path: normalize(cleaned), format };
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
