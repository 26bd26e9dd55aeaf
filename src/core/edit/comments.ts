// Comments inside a node's source, so an edit that replaces the node can keep them (quick fixes never drop one).
// They are read from the node's concrete syntax tokens (the document is parsed with keepSourceTokens).

export interface SourceComment {
  offset: number;
  /** The comment as written, from `#` to the end of its line. */
  text: string;
}

/** Comments of `node` that start in [start, end), in source order. */
export function commentsIn(node: unknown, start: number, end: number): SourceComment[] {
  const out: SourceComment[] = [];
  collect((node as { srcToken?: unknown } | null | undefined)?.srcToken, out, 0);
  return out.filter((c) => c.offset >= start && c.offset < end).sort((a, b) => a.offset - b.offset);
}

function collect(token: unknown, out: SourceComment[], depth: number): void {
  if (!token || typeof token !== 'object' || depth > 200) return;
  if (Array.isArray(token)) {
    for (const t of token) collect(t, out, depth + 1);
    return;
  }
  const t = token as { type?: unknown; offset?: unknown; source?: unknown };
  if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string') {
    out.push({ offset: t.offset, text: t.source.trimEnd() });
    return;
  }
  for (const value of Object.values(token)) if (value && typeof value === 'object') collect(value, out, depth + 1);
}
