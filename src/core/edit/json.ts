// Edits in CloudFormation JSON templates, written as JSON: quoted keys, commas, intrinsics in long form
// (`{ "Fn::GetAtt": ["X", "Arn"] }`), new entries on their own lines at the file's indentation. A JSON file has
// no comments, so nothing here ever writes one.
import type { YAMLMap, YAMLSeq } from 'yaml';
import type { TextEdit } from '../findings';
import { rangeOf } from './locate';
import { Intrinsic, Verbatim, type YamlMapping, type YamlValue } from './render';
import { columnOf } from './style';

export { isJsonText } from '../text/jsonText';

/** The indent unit of a JSON file: the column of the first nested key (2 when it cannot tell). */
export function jsonIndentUnit(text: string): number {
  const match = /\{[ \t]*\r?\n([ \t]+)"/.exec(text);
  return match ? match[1].length : 2;
}

function longForm(value: Intrinsic): YamlMapping {
  if (value.fn === 'Ref') return { Ref: value.arg };
  if (value.fn === 'GetAtt') return { 'Fn::GetAtt': value.arg.split('.', 2) };
  return { 'Fn::Sub': value.arg };
}

/** A value as JSON text; nested collections go on new lines at `column` + the unit. */
export function jsonValue(raw: YamlValue, column: number, unit: number, eol: string): string {
  const value = raw instanceof Intrinsic ? longForm(raw) : raw;
  if (value instanceof Verbatim) return /^["\d\-tfn[{]/.test(value.text) ? value.text : JSON.stringify(value.text);
  if (typeof value !== 'object') return JSON.stringify(value);
  const inner = ' '.repeat(column + unit);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[${eol}${value.map((v) => inner + jsonValue(v, column + unit, unit, eol)).join(`,${eol}`)}${eol}${' '.repeat(column)}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  if (keys.length === 1 && /^(Ref|Fn::\w+)$/.test(keys[0])) return `{ ${JSON.stringify(keys[0])}: ${jsonValue(value[keys[0]], column, unit, eol)} }`;
  const lines = keys.map((k) => `${inner}${JSON.stringify(k)}: ${jsonValue(value[k], column + unit, unit, eol)}`);
  return `{${eol}${lines.join(`,${eol}`)}${eol}${' '.repeat(column)}}`;
}

interface JsonContext {
  text: string;
  eol: string;
}

/** Appends entries to a JSON object: after its last entry (a comma, then each on its own line), or into `{}`. */
export function jsonInsertPairs(ctx: JsonContext, map: YAMLMap, entries: YamlMapping): TextEdit[] | undefined {
  const range = rangeOf(map);
  if (!range || ctx.text[range[0]] !== '{') return undefined;
  const close = ctx.text.lastIndexOf('}', range[1] - 1);
  if (close < range[0]) return undefined;
  const unit = jsonIndentUnit(ctx.text);
  const openColumn = columnOf(ctx.text, range[0]);
  const lineIndent = /^[ \t]*/.exec(ctx.text.slice(ctx.text.lastIndexOf('\n', range[0] - 1) + 1))?.[0].length ?? openColumn;
  const last = map.items[map.items.length - 1];
  const firstKey = rangeOf(map.items[0]?.key);
  const column = firstKey ? columnOf(ctx.text, firstKey[0] - (ctx.text[firstKey[0]] === '"' ? 0 : 1)) : lineIndent + unit;
  const pad = ' '.repeat(column);
  const body = Object.entries(entries).map(([k, v]) => `${pad}${JSON.stringify(k)}: ${jsonValue(v, column, unit, ctx.eol)}`);
  if (!last) return [{ start: range[0] + 1, end: close, newText: `${ctx.eol}${body.join(`,${ctx.eol}`)}${ctx.eol}${' '.repeat(lineIndent)}` }];
  const end = rangeOf(last.value)?.[1] ?? rangeOf(last.key)?.[1];
  if (end === undefined) return undefined;
  const valueEnd = ctx.text.slice(0, end).trimEnd().length;
  return [{ start: valueEnd, end: valueEnd, newText: `,${ctx.eol}${body.join(`,${ctx.eol}`)}` }];
}

/** Appends items to a JSON array: inline after the last item when the array is on one line, else on new lines. */
export function jsonInsertItems(ctx: JsonContext, seq: YAMLSeq, values: YamlValue[]): TextEdit[] | undefined {
  const range = rangeOf(seq);
  if (!range || ctx.text[range[0]] !== '[') return undefined;
  const unit = jsonIndentUnit(ctx.text);
  const close = ctx.text.lastIndexOf(']', range[1] - 1);
  const before = ctx.text.slice(range[0] + 1, close);
  const oneLine = !before.includes('\n');
  if (oneLine) {
    const rendered = values.map((v) => jsonValue(v, columnOf(ctx.text, range[0]), unit, ctx.eol));
    const at = range[0] + 1 + before.trimEnd().length;
    return [{ start: at, end: at, newText: `${before.trim() === '' ? '' : ', '}${rendered.join(', ')}` }];
  }
  const lastItem = seq.items[seq.items.length - 1];
  const lastRange = rangeOf(lastItem);
  if (!lastRange) return undefined;
  const column = columnOf(ctx.text, lastRange[0]);
  const at = ctx.text.slice(0, lastRange[1]).trimEnd().length;
  const items = values.map((v) => ' '.repeat(column) + jsonValue(v, column, unit, ctx.eol));
  return [{ start: at, end: at, newText: `,${ctx.eol}${items.join(`,${ctx.eol}`)}` }];
}

/** Replaces a JSON value (scalar or collection) in place, nested lines at the value's line indentation. */
export function jsonReplaceValue(ctx: JsonContext, node: unknown, value: YamlValue): TextEdit[] | undefined {
  const range = rangeOf(node);
  if (!range) return undefined;
  const end = ctx.text.slice(0, range[1]).trimEnd().length;
  const lineStart = ctx.text.lastIndexOf('\n', range[0] - 1) + 1;
  const indent = /^[ \t]*/.exec(ctx.text.slice(lineStart))?.[0].length ?? 0;
  return [{ start: range[0], end, newText: jsonValue(value, indent, jsonIndentUnit(ctx.text), ctx.eol) }];
}
