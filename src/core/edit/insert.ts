// Edit builders: each returns the exact TextEdits that add or replace one thing, or undefined when it cannot be
// done safely (flow collections holding blocks, non-mapping values, aliases). Untouched text stays byte for byte.
import { isMap, isScalar, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../findings';
import type { ParsedYaml } from '../parse/parseYaml';
import { commentsIn } from './comments';
import { ownPair, rangeOf } from './locate';
import { inlineValue, joinLines, renderEntries, renderItems, type YamlMapping, type YamlValue } from './render';
import { columnOf, detectStyle, type YamlStyle } from './style';
import { isJsonText, jsonInsertItems, jsonInsertPairs, jsonReplaceValue } from './json';

export interface EditContext {
  text: string;
  doc: Document;
  style: YamlStyle;
  /** The file is JSON (a CloudFormation .template.json): edits are written as JSON, never as YAML or comments. */
  json?: boolean;
}

export function editContext(parsed: ParsedYaml): EditContext | undefined {
  // Any YAML error in the file (also in a later document, after `...`) leaves nothing to edit safely.
  if (!parsed.doc || parsed.docs.some((doc) => doc.errors.length > 0)) return undefined;
  return { text: parsed.text, doc: parsed.doc, style: detectStyle(parsed.text, parsed.doc), json: isJsonText(parsed.text) || undefined };
}

/** Where a new line can start after the text ending at `end`: the next line start (a newline is added at EOF). */
export function lineAfter(ctx: EditContext, end: number): { offset: number; prefix: string } {
  const { text } = ctx;
  if (end > 0 && text[end - 1] === '\n') return { offset: end, prefix: '' };
  const newline = text.indexOf('\n', end);
  if (newline < 0) return { offset: text.length, prefix: ctx.style.eol };
  return { offset: newline + 1, prefix: '' };
}

function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (!isScalar(value)) return false;
  return value.value === null && !value.tag;
}

/** Appends `entries` at the end of a mapping (block: on new lines at the keys' column; flow: inline values only). */
export function insertPairs(ctx: EditContext, map: YAMLMap, entries: YamlMapping): TextEdit[] | undefined {
  const range = rangeOf(map);
  if (!range || Object.keys(entries).length === 0) return undefined;
  if (ctx.json) return jsonInsertPairs({ text: ctx.text, eol: ctx.style.eol }, map, entries);
  if (map.flow) return insertFlowPairs(ctx, map, entries);
  const first = map.items[0];
  const firstKey = rangeOf(first?.key);
  if (!firstKey) return undefined;
  const column = columnOf(ctx.text, firstKey[0]);
  const last = map.items[map.items.length - 1];
  const end = rangeOf(last.value)?.[1] ?? rangeOf(last.key)?.[1] ?? range[1];
  const { offset, prefix } = lineAfter(ctx, end);
  return [{ start: offset, end: offset, newText: prefix + joinLines(renderEntries(entries, column, ctx.style), ctx.style) }];
}

function insertFlowPairs(ctx: EditContext, map: YAMLMap, entries: YamlMapping): TextEdit[] | undefined {
  const range = rangeOf(map)!;
  const close = ctx.text.lastIndexOf('}', range[1]);
  if (close < range[0]) return undefined;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(entries)) {
    const inline = inlineValue(value, ctx.style);
    if (inline === undefined || inline.startsWith('!')) return undefined; // a block or a tag inside braces: decline
    parts.push(`${key}: ${inline}`);
  }
  const before = ctx.text.slice(range[0] + 1, close);
  const empty = before.trim() === '';
  const trailingComma = before.trimEnd().endsWith(',');
  const text = empty ? ` ${parts.join(', ')} ` : `${trailingComma ? ' ' : ', '}${parts.join(', ')}`;
  const at = empty ? range[0] + 1 : range[0] + 1 + before.trimEnd().length;
  return [{ start: at, end: empty ? close : at, newText: text }];
}

/** Gives an empty `key:` a value (inline, or a block on the following lines). */
export function setEmptyValue(ctx: EditContext, pair: Pair, value: YamlValue): TextEdit[] | undefined {
  const keyRange = rangeOf(pair.key);
  if (!keyRange || !isEmptyValue(pair.value)) return undefined;
  if (ctx.json) return pair.value ? jsonReplaceValue({ text: ctx.text, eol: ctx.style.eol }, pair.value, value) : undefined;
  const inline = inlineValue(value, ctx.style);
  const explicit = rangeOf(pair.value);
  if (inline !== undefined) {
    if (explicit && explicit[1] > explicit[0]) return [{ start: explicit[0], end: explicit[1], newText: inline }];
    const colon = ctx.text.indexOf(':', keyRange[1]);
    return colon < 0 ? undefined : [{ start: colon + 1, end: colon + 1, newText: ` ${inline}` }];
  }
  const keyColumn = columnOf(ctx.text, keyRange[0]);
  const lines = Array.isArray(value)
    ? renderItems(value, keyColumn + ctx.style.seqIndent, ctx.style)
    : renderEntries(value as YamlMapping, keyColumn + ctx.style.indent, ctx.style);
  const edits: TextEdit[] = [];
  if (explicit && explicit[1] > explicit[0]) edits.push({ start: explicit[0], end: explicit[1], newText: '' }); // `~` / `null`
  const { offset, prefix } = lineAfter(ctx, explicit?.[1] ?? keyRange[1]);
  edits.push({ start: offset, end: offset, newText: prefix + joinLines(lines, ctx.style) });
  return edits;
}

/** Nests `entries` under `path` ({a: {b: entries}}). */
function nest(path: string[], entries: YamlMapping): YamlMapping {
  return path.reduceRight<YamlMapping>((inner, key) => ({ [key]: inner }), entries);
}

/** Adds entries to the mapping at `path` under `root`, creating the missing keys of the path. */
export function insertAtPath(ctx: EditContext, root: YAMLMap, path: string[], entries: YamlMapping): TextEdit[] | undefined {
  let map = root;
  for (let i = 0; i < path.length; i++) {
    const pair = ownPair(map, path[i]);
    if (!pair) return insertPairs(ctx, map, nest(path.slice(i), entries));
    if (isEmptyValue(pair.value)) return setEmptyValue(ctx, pair, nest(path.slice(i + 1), entries));
    if (!isMap(pair.value)) return undefined;
    map = pair.value;
  }
  return insertPairs(ctx, map, entries);
}

/** Adds CloudFormation resources: `Resources:` (SAM/CloudFormation) or `resources.Resources` (serverless). */
export function insertResources(ctx: EditContext, serverless: boolean, resources: YamlMapping): TextEdit[] | undefined {
  const root = ctx.doc.contents;
  if (!isMap(root)) return undefined;
  return insertAtPath(ctx, root, serverless ? ['resources', 'Resources'] : ['Resources'], resources);
}

/** Appends items to a sequence (block: at the dashes' column; flow: inline items only). */
export function insertItems(ctx: EditContext, seq: YAMLSeq, values: YamlValue[]): TextEdit[] | undefined {
  const range = rangeOf(seq);
  if (!range || values.length === 0) return undefined;
  if (ctx.json) return jsonInsertItems({ text: ctx.text, eol: ctx.style.eol }, seq, values);
  if (seq.flow) {
    const inline = values.map((v) => inlineValue(v, ctx.style));
    if (inline.some((v) => v === undefined || v.startsWith('!'))) return undefined;
    const close = ctx.text.lastIndexOf(']', range[1]);
    const before = ctx.text.slice(range[0] + 1, close).trimEnd();
    const at = range[0] + 1 + before.length;
    return [{ start: at, end: at, newText: `${before.trim() === '' ? '' : ', '}${inline.join(', ')}` }];
  }
  const firstStart = rangeOf(seq.items[0])?.[0];
  if (firstStart === undefined) return undefined;
  const dash = ctx.text.lastIndexOf('-', firstStart);
  const column = columnOf(ctx.text, dash);
  const end = rangeOf(seq.items[seq.items.length - 1])?.[1] ?? range[1];
  const { offset, prefix } = lineAfter(ctx, end);
  return [{ start: offset, end: offset, newText: prefix + joinLines(renderItems(values, column, ctx.style), ctx.style) }];
}

/** Replaces a block sequence item (e.g. one `- s3:` event) by a mapping, in place; see replaceBlockMap for comments. */
export function replaceItem(ctx: EditContext, seq: YAMLSeq, index: number, value: YamlMapping, carried?: ReadonlySet<number>): TextEdit[] | undefined {
  if (ctx.json) return replaceBlockMap(ctx, seq.items[index], value);
  if (seq.flow) return undefined;
  return replaceBlockMap(ctx, seq.items[index], value, carried);
}

/**
 * Replaces a block mapping (a list item's or a key's value whose first key sits on the line where the node starts,
 * e.g. a SAM event entry) by another mapping at the same column. Comments inside the old mapping are kept, as
 * whole-line comments above it, except those the caller carried elsewhere (`carried`: their offsets).
 */
export function replaceBlockMap(ctx: EditContext, node: unknown, value: YamlMapping, carried?: ReadonlySet<number>): TextEdit[] | undefined {
  const range = rangeOf(node);
  if (ctx.json) return isMap(node) ? jsonReplaceValue({ text: ctx.text, eol: ctx.style.eol }, node, value) : undefined;
  if (!range || (isMap(node) && node.flow) || (!isMap(node) && !isScalar(node))) return undefined;
  const column = columnOf(ctx.text, range[0]);
  const lines = renderEntries(value, column, ctx.style);
  lines[0] = lines[0].slice(column);
  const endsLine = range[1] > 0 && ctx.text[range[1] - 1] === '\n';
  const text = joinLines(lines, ctx.style);
  const replacement = endsLine ? text : text.slice(0, -ctx.style.eol.length);
  const kept = commentsIn(node, range[0], range[1]).filter((c) => !carried?.has(c.offset));
  if (kept.length === 0) return [{ start: range[0], end: range[1], newText: replacement }];
  const lineStart = ctx.text.lastIndexOf('\n', range[0] - 1) + 1;
  const lead = ctx.text.slice(lineStart, range[0]);
  if (!/^[ \t-]*$/.test(lead)) return undefined; // something else shares the line: no safe place for the comments
  const indent = /^[ \t]*/.exec(lead)![0];
  const comments = kept.map((c) => indent + c.text + ctx.style.eol).join('');
  return [{ start: lineStart, end: range[1], newText: comments + lead + replacement }];
}

/** Replaces a scalar's text, with its tag (`!GetAtt`, which the node's range leaves out); its comment stays. */
export function replaceScalar(ctx: EditContext, node: unknown, value: YamlValue): TextEdit[] | undefined {
  const range = rangeOf(node);
  if (ctx.json) return isScalar(node) ? jsonReplaceValue({ text: ctx.text, eol: ctx.style.eol }, node, value) : undefined;
  const inline = inlineValue(value, ctx.style);
  if (!range || !isScalar(node) || inline === undefined) return undefined;
  let start = range[0];
  if (node.tag) {
    const lineStart = ctx.text.lastIndexOf('\n', start - 1) + 1;
    const bang = ctx.text.lastIndexOf('!', start);
    if (bang < lineStart || /[^\s]/.test(ctx.text.slice(ctx.text.indexOf(' ', bang), start).trim())) return undefined;
    start = bang;
  }
  return [{ start, end: range[1], newText: inline }];
}

/**
 * Gives `key: scalar` a new value; a block value goes on the lines below the key (the old scalar and anything
 * between it and the colon are removed, a trailing comment stays on the key's line).
 */
export function replacePairValue(ctx: EditContext, pair: Pair, value: YamlValue): TextEdit[] | undefined {
  const keyRange = rangeOf(pair.key);
  const valueRange = rangeOf(pair.value);
  if (!keyRange || !valueRange || !isScalar(pair.value)) return undefined;
  if (ctx.json) return jsonReplaceValue({ text: ctx.text, eol: ctx.style.eol }, pair.value, value);
  if (inlineValue(value, ctx.style) !== undefined) return replaceScalar(ctx, pair.value, value);
  const colon = ctx.text.indexOf(':', keyRange[1]);
  if (colon < 0 || colon > valueRange[0] || ctx.text.slice(colon, valueRange[1]).includes('\n')) return undefined;
  const keyColumn = columnOf(ctx.text, keyRange[0]);
  const lines = Array.isArray(value)
    ? renderItems(value, keyColumn + ctx.style.seqIndent, ctx.style)
    : renderEntries(value as YamlMapping, keyColumn + ctx.style.indent, ctx.style);
  const { offset, prefix } = lineAfter(ctx, valueRange[1]);
  return [
    { start: colon + 1, end: valueRange[1], newText: '' },
    { start: offset, end: offset, newText: prefix + joinLines(lines, ctx.style) },
  ];
}

/** Sets `key` in a mapping: replaces its scalar value, or appends the entry when absent. */
export function setKey(ctx: EditContext, map: YAMLMap, key: string, value: YamlValue): TextEdit[] | undefined {
  const pair = ownPair(map, key);
  if (!pair) return insertPairs(ctx, map, { [key]: value });
  if (isEmptyValue(pair.value)) return setEmptyValue(ctx, pair, value);
  return replaceScalar(ctx, pair.value, value);
}

/** A whole comment line above the line holding `offset`, at that line's indentation. */
export function commentAbove(ctx: EditContext, offset: number, comment: string): TextEdit[] {
  if (ctx.json) return []; // JSON has no comments
  const lineStart = ctx.text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(ctx.text.slice(lineStart))?.[0] ?? '';
  return [{ start: lineStart, end: lineStart, newText: `${indent}# ${comment}${ctx.style.eol}` }];
}

