// A YAML value seen through Serverless variable resolution, with the span the user sees for it in the analysed
// text. Readers walk Views instead of raw nodes so `${self:}` / `${file()}` values read like written ones.
import type { Document, Node as YamlNode } from 'yaml';
import type { Span } from '../model';

/** A variable that stayed unresolved, and why (shown to the user as such). */
export interface Unresolved {
  /** The expression as written, e.g. `${ssm:/app/stream-arn}`. */
  expression: string;
  reason: string;
}

export interface View {
  /** The YAML node behind the value (alias-followed, variable-resolved); undefined for literal fallbacks. */
  node: YamlNode | undefined;
  /** The document the node belongs to (the analysed file or an included one), for alias and merge-key lookups. */
  doc: Document | undefined;
  /** Where this value is in the analysed text: its own range, the `${...}` that produced it, or the include site. */
  span: Span;
  /** Set when the value came from an included file: every span beneath is this `${file()}` reference. */
  included?: Span;
  /** Scalar text after variable resolution (unresolved parts keep their `${...}` text); undefined for collections. */
  text?: string;
  /** Variables that could not be resolved while producing this value. */
  unresolved: Unresolved[];
}

/** One key of a mapping View. */
export interface Entry {
  key: string;
  /** The key's span (the include site for included files). */
  keySpan: Span;
  value: View;
  /** Span covering key and value, for edits that remove or replace the entry. */
  pairSpan: Span;
}

/** Scalar text of a resolved value; undefined for collections and values with unresolved variables. */
export function textOf(view: View | undefined): string | undefined {
  return view && view.unresolved.length === 0 ? view.text : undefined;
}

export function numberOf(view: View | undefined): number | undefined {
  const text = textOf(view);
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

export function boolOf(view: View | undefined): boolean | undefined {
  const text = textOf(view);
  if (text === 'true' || text === 'True') return true;
  if (text === 'false' || text === 'False') return false;
  return undefined;
}

/** One line for messages: `${ssm:/x} (read at deploy time, never fetched here)`. */
export function describeUnresolved(view: View): string {
  return view.unresolved.map((u) => `${u.expression} (${u.reason})`).join(', ');
}
