// Collects the edits of one what-if apply so they combine into one non-overlapping set: scalars replaced in place,
// new keys gathered per mapping (one insertion each, so two knobs never create the same key twice), missing
// parents created once along a key path.
import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { TextEdit } from '../findings';
import type { Span } from '../model';
import { ancestorsAt, insertPairs, mergeEdits, ownPair, rangeOf, replaceScalar, setEmptyValue, type EditContext, type YamlMapping, type YamlValue } from '../edit';

export class EditPlan {
  private readonly replaced: TextEdit[] = [];
  private readonly inserts = new Map<YAMLMap, YamlMapping>();
  readonly skipped: string[] = [];
  readonly written: string[] = [];

  constructor(readonly ctx: EditContext) {}

  /** Replaces the plain scalar starting at `span` (no tag, no `${...}` variable we would flatten). */
  replaceAt(span: Span, value: YamlValue, what: string): boolean {
    const chain = ancestorsAt(this.ctx.doc, span.start);
    const node = chain[chain.length - 1];
    if (!isScalar(node) || rangeOf(node)?.[0] !== span.start) return this.skip(what, 'its value is not written as a plain value here');
    return this.replaceScalarNode(node, value, what);
  }

  /** Sets `key` in `map`: replaces a plain scalar, fills an empty value, or queues the new key. */
  setKey(map: YAMLMap, key: string, value: YamlValue, what: string): boolean {
    const pair = ownPair(map, key);
    if (!pair) return this.insert(map, { [key]: value }, what);
    if (pair.value === null || (isScalar(pair.value) && pair.value.value === null && !pair.value.tag)) {
      const edits = setEmptyValue(this.ctx, pair, value);
      return edits ? this.done(edits, what) : this.skip(what, 'its key cannot be edited safely');
    }
    if (!isScalar(pair.value)) return this.skip(what, `${key} is not a single value`);
    return this.replaceScalarNode(pair.value, value, what);
  }

  /** Adds nested entries under `map`, descending through keys that exist and creating the rest. */
  setPath(map: YAMLMap, tree: YamlMapping, what: string): boolean {
    for (const [key, value] of Object.entries(tree)) {
      const pair = ownPair(map, key);
      const isTree = typeof value === 'object' && !Array.isArray(value) && value !== null && value.constructor === Object;
      if (!pair) this.insert(map, { [key]: value }, what);
      else if (isTree && isMap(pair.value) && !pair.value.flow) this.setPath(pair.value, value as YamlMapping, what);
      else if (isTree) return this.skip(what, `${key} is not a mapping it can be added to`);
      else this.setKey(map, key, value, what);
    }
    return true;
  }

  /** All edits, insertions into inner mappings before outer ones at the same offset. */
  edits(): TextEdit[] {
    const out = [...this.replaced];
    const maps = [...this.inserts.entries()].sort((a, b) => (rangeOf(b[0])?.[0] ?? 0) - (rangeOf(a[0])?.[0] ?? 0));
    for (const [map, entries] of maps) {
      const edits = insertPairs(this.ctx, map, entries);
      if (edits) out.push(...edits);
      else this.skipped.push(`${Object.keys(entries).join(', ')}: the mapping cannot take new keys safely`);
    }
    return mergeEdits(out);
  }

  skip(what: string, why: string): false {
    this.skipped.push(`${what}: ${why}`);
    return false;
  }

  private insert(map: YAMLMap, entries: YamlMapping, what: string): boolean {
    this.inserts.set(map, deepMerge(this.inserts.get(map) ?? {}, entries));
    this.written.push(what);
    return true;
  }

  private replaceScalarNode(node: Parameters<typeof replaceScalar>[1], value: YamlValue, what: string): boolean {
    if (!isScalar(node) || node.tag || (typeof node.value === 'string' && node.value.includes('${'))) {
      return this.skip(what, 'the file computes it (a tag or variable), which a literal would replace');
    }
    const edits = replaceScalar(this.ctx, node, value);
    return edits ? this.done(edits.map((e) => this.keepCommentColumn(e)), what) : this.skip(what, 'its value cannot be replaced safely');
  }

  /** A trailing comment stays in its column when the value's length changes (one space at least). */
  private keepCommentColumn(edit: TextEdit): TextEdit {
    const gap = / +(?=#)/y;
    gap.lastIndex = edit.end;
    const spaces = gap.exec(this.ctx.text)?.[0].length;
    if (spaces === undefined) return edit;
    const keep = Math.max(1, spaces - (edit.newText.length - (edit.end - edit.start)));
    return { start: edit.start, end: edit.end + spaces, newText: edit.newText + ' '.repeat(keep) };
  }

  private done(edits: TextEdit[], what: string): true {
    this.replaced.push(...edits);
    this.written.push(what);
    return true;
  }
}

function deepMerge(into: YamlMapping, from: YamlMapping): YamlMapping {
  const out: YamlMapping = { ...into };
  for (const [key, value] of Object.entries(from)) {
    const old = out[key];
    const both = [old, value].every((v) => typeof v === 'object' && v !== null && !Array.isArray(v) && v.constructor === Object);
    out[key] = both ? deepMerge(old as YamlMapping, value as YamlMapping) : value;
  }
  return out;
}
