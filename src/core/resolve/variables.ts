// Serverless variable syntax, as text: find `${...}` expressions in a string and split one into its source,
// address and fallbacks. No resolution happens here (see resolver.ts), so this is safe on any input.

/** One `${...}` occurrence in a string. */
export interface VariableMatch {
  /** Offsets of `${` and just after the closing `}` in the string. */
  start: number;
  end: number;
  /** The text between `${` and `}` (may hold nested `${...}`). */
  body: string;
}

/** Sources the Serverless Framework knows; `${AWS::Region}` or `${Table.Arn}` are CloudFormation Sub placeholders. */
const SOURCE = /^\s*(?:[a-zA-Z][\w.-]*\(|[a-zA-Z][\w-]*:(?!:))/;

/** Finds the top-level Serverless variables in `text` (nested ones stay inside `body`). */
export function findVariables(text: string): VariableMatch[] {
  const found: VariableMatch[] = [];
  let index = text.indexOf('${');
  while (index !== -1) {
    const end = closingBrace(text, index + 2);
    if (end === -1) break;
    const body = text.slice(index + 2, end);
    if (SOURCE.test(body)) {
      found.push({ start: index, end: end + 1, body });
      index = text.indexOf('${', end + 1);
    } else {
      index = text.indexOf('${', index + 2);
    }
  }
  return found;
}

/** Offset of the `}` closing a `${` whose body starts at `from`, honouring nesting and quotes; -1 if none. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Splits a variable body at top-level commas: the primary reference, then fallbacks. */
export function splitFallbacks(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '$' && body[i + 1] === '{') depth++;
    else if (ch === '}' && depth > 0) depth--;
    else if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current.trim());
  return parts;
}

/** A parsed reference: `self:custom.a`, `file(./x.yml):key`, `opt:stage`... */
export interface Reference {
  source: string;
  /** Argument of a function-style source: the path in `file(./x.yml)`. */
  param?: string;
  /** Dotted address after the colon (may be empty: `${self:}`). */
  address: string;
}

/** Parses one reference with no nested variables left in it; undefined when it is not a reference. */
export function parseReference(text: string): Reference | undefined {
  const call = /^([a-zA-Z][\w.-]*)\((.*)\)(?::(.*))?$/s.exec(text.trim());
  if (call) return { source: call[1], param: call[2].trim(), address: (call[3] ?? '').trim() };
  const plain = /^([a-zA-Z][\w-]*):(?!:)(.*)$/s.exec(text.trim());
  if (plain) return { source: plain[1], address: plain[2].trim() };
  return undefined;
}

/** A fallback written as a literal: `'dev'`, `"dev"`, `10`, `true`. Undefined when it is a reference. */
export function literalFallback(text: string): string | number | boolean | null | undefined {
  const trimmed = text.trim();
  const quoted = /^(['"])(.*)\1$/s.exec(trimmed);
  if (quoted) return quoted[2];
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (trimmed === 'null') return null;
  if (parseReference(trimmed) || trimmed.startsWith('${')) return undefined;
  return trimmed;
}

/** Splits a dotted address (`custom.a.b`) into keys; `custom["a.b"]` style is not Serverless syntax. */
export function addressKeys(address: string): string[] {
  return address === '' ? [] : address.split('.').filter((k) => k !== '');
}
