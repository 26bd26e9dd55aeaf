// Spans of things read from an included file point at the `${file(...)}` reference in the analysed text: the
// included text is not what the user is looking at, and offsets into it would be wrong here.
import type { Span } from '../../model';

const MAX_VISIT = 10_000;

/** Replaces every span-shaped object reachable from `value` with `site` (in place). */
export function pinSpans(value: unknown, site: Span, seen = new Set<unknown>()): void {
  if (!value || typeof value !== 'object' || seen.has(value) || seen.size > MAX_VISIT) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value) pinSpans(item, site, seen);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const [key, child] of Object.entries(record)) {
    if (isSpan(child)) record[key] = { ...site };
    else pinSpans(child, site, seen);
  }
}

function isSpan(value: unknown): value is Span {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as Span).start === 'number' && typeof (value as Span).end === 'number';
}
