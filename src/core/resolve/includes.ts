// `${file(...)}` includes: read through the caller's readFile callback (YAML/JSON only, never executed), parsed
// once per path. A missing or broken file is a reason, never an exception.
import { Document, parseDocument } from 'yaml';
import { CFN_CUSTOM_TAGS } from '../parse/cfnTags';
import { includeTarget } from './includePath';

export type Included = { ok: true; doc: Document; path: string } | { ok: false; reason: string };

/** Largest included file read (the analysed file itself has no such limit). */
const MAX_INCLUDE_CHARS = 5_000_000;

export class IncludeCache {
  private readonly cache = new Map<string, Included>();

  constructor(private readonly readFile: ((path: string) => string | undefined) | undefined) {}

  load(include: string): Included {
    const target = includeTarget(include);
    if (!target.ok) return { ok: false, reason: target.reason };
    const cached = this.cache.get(target.path);
    if (cached) return cached;
    const loaded = this.read(target.path);
    this.cache.set(target.path, loaded);
    return loaded;
  }

  private read(path: string): Included {
    if (!this.readFile) return { ok: false, reason: `included files cannot be read here (${path})` };
    let text: string | undefined;
    try {
      text = this.readFile(path);
    } catch {
      text = undefined;
    }
    if (text === undefined) return { ok: false, reason: `${path} was not found in the workspace` };
    if (text.length > MAX_INCLUDE_CHARS) return { ok: false, reason: `${path} is too large to include` };
    try {
      const doc = parseDocument(text, { customTags: CFN_CUSTOM_TAGS, uniqueKeys: false, strict: false, prettyErrors: false });
      if (doc.errors.length > 0) return { ok: false, reason: `${path} is not valid YAML/JSON: ${doc.errors[0].message.split('\n')[0]}` };
      return { ok: true, doc, path };
    } catch (error) {
      return { ok: false, reason: `${path} could not be read: ${String(error)}` };
    }
  }
}
