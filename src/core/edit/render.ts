// Renders the small YAML snippets a fix inserts (never the user's file) in the file's own style.
import type { YamlStyle } from './style';

/** A CloudFormation intrinsic, written `!Ref X` or `Ref: X` as the file does. */
export class Intrinsic {
  constructor(
    readonly fn: 'Ref' | 'GetAtt' | 'Sub',
    readonly arg: string,
  ) {}
}

/** Scalar text copied verbatim from the user's file (already valid YAML in a value position). */
export class Verbatim {
  constructor(readonly text: string) {}
}

export type YamlValue = string | number | boolean | Intrinsic | Verbatim | YamlValue[] | YamlMapping;
export interface YamlMapping {
  [key: string]: YamlValue;
}

export const ref = (id: string): Intrinsic => new Intrinsic('Ref', id);
export const getAtt = (id: string, attribute: string): Intrinsic => new Intrinsic('GetAtt', `${id}.${attribute}`);
export const sub = (template: string): Intrinsic => new Intrinsic('Sub', template);

function isMapping(value: YamlValue): value is YamlMapping {
  return typeof value === 'object' && !Array.isArray(value) && !(value instanceof Intrinsic) && !(value instanceof Verbatim);
}

/** Long form of an intrinsic as a mapping (`Fn::GetAtt: [X, Arn]`). */
function longForm(value: Intrinsic): YamlMapping {
  if (value.fn === 'Ref') return { Ref: value.arg };
  if (value.fn === 'GetAtt') return { 'Fn::GetAtt': value.arg.split('.', 2) };
  return { 'Fn::Sub': value.arg };
}

/** Longer lists of strings are written one item a line, as people do. */
const MAX_INLINE_LIST = 60;

const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;
const NUMBER_LIKE = /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^0[xo][0-9a-f]+$|^\d{4}-\d\d-\d\d/i;
const PLAIN_SAFE = /^[A-Za-z0-9_./$][^\n#]*$/;

/** A string as a YAML scalar: plain when it reads back as the same string, else quoted in the file's quote style. */
export function scalar(text: string, style: YamlStyle): string {
  const plain =
    text !== '' &&
    PLAIN_SAFE.test(text) &&
    !RESERVED.test(text) &&
    !NUMBER_LIKE.test(text) &&
    !/: |:$|\s$|[{}[\],]/.test(text.replace(/\$\{[^}]*\}/g, 'v'));
  if (plain) return text;
  if (style.quote === '"') return JSON.stringify(text);
  return `'${text.replace(/'/g, "''")}'`;
}

/** A value that fits on one line after `key: ` or `- `, or undefined for a block collection. */
export function inlineValue(value: YamlValue, style: YamlStyle): string | undefined {
  if (typeof value === 'string') return scalar(value, style);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Verbatim) return value.text;
  if (value instanceof Intrinsic) {
    if (style.intrinsics === 'short') return `!${value.fn} ${scalar(value.arg, style)}`;
    return undefined;
  }
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (isMapping(value) && Object.keys(value).length === 0) return '{}';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' && !v.includes(','))) {
    const flow = `[${value.map((v) => scalar(v as string, style)).join(', ')}]`;
    if (flow.length <= MAX_INLINE_LIST) return flow;
  }
  return undefined;
}

/** Lines of `key: value` entries with their keys at `column`. */
export function renderEntries(entries: YamlMapping, column: number, style: YamlStyle): string[] {
  const pad = ' '.repeat(column);
  const lines: string[] = [];
  for (const [key, raw] of Object.entries(entries)) {
    const value = raw instanceof Intrinsic && style.intrinsics === 'long' ? longForm(raw) : raw;
    const inline = inlineValue(value, style);
    if (inline !== undefined) {
      lines.push(`${pad}${scalar(key, style)}: ${inline}`);
    } else if (Array.isArray(value)) {
      lines.push(`${pad}${scalar(key, style)}:`, ...renderItems(value, column + style.seqIndent, style));
    } else {
      lines.push(`${pad}${scalar(key, style)}:`, ...renderEntries(value as YamlMapping, column + style.indent, style));
    }
  }
  return lines;
}

/** Lines of `- item` entries with their dashes at `column`. */
export function renderItems(values: YamlValue[], column: number, style: YamlStyle): string[] {
  const pad = ' '.repeat(column);
  const lines: string[] = [];
  for (const raw of values) {
    const value = raw instanceof Intrinsic && style.intrinsics === 'long' ? longForm(raw) : raw;
    const inline = inlineValue(value, style);
    if (inline !== undefined) {
      lines.push(`${pad}- ${inline}`);
      continue;
    }
    const inner = Array.isArray(value)
      ? renderItems(value, column + 2, style)
      : renderEntries(value as YamlMapping, column + 2, style);
    lines.push(`${pad}- ${inner[0].slice(column + 2)}`, ...inner.slice(1));
  }
  return lines;
}

export function joinLines(lines: string[], style: YamlStyle): string {
  return lines.map((line) => line + style.eol).join('');
}
