// Text sizing without a DOM: a conservative average glyph width, so boxes fit in the CLI and the webview alike.

/** Average advance of a glyph (12px semibold labels, 11px small text), a little generous so text rarely overflows. */
const CHAR_WIDTH = { label: 7, small: 6.2 } as const;
export const LABEL_MAX_CHARS = 30;
export const SUBTITLE_MAX_CHARS = 34;

export function textWidth(text: string, size: keyof typeof CHAR_WIDTH = 'label'): number {
  return Math.ceil([...text].length * CHAR_WIDTH[size]);
}

/** Shortens to `max` characters with an ellipsis; counts code points so no surrogate pair is split. */
export function fitText(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Money per day with enough digits to compare stages: $0.0042, $3.18, $513. */
export function formatUsd(value: number): string {
  if (value === 0) return '$0';
  if (value < 0.01) return `$${value.toPrecision(2)}`;
  if (value < 100) return `$${value.toFixed(2)}`;
  return `$${Math.round(value).toLocaleString('en-US')}`;
}

export function formatCount(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  if (value >= 10) return value.toFixed(0);
  return String(Math.round(value * 10) / 10);
}

/** `1 shard`, `4 shards`, `? shards` (unknown): the same words as the hints and messages. */
export function countOf(value: number | undefined, singular: string, plural = `${singular}s`): string {
  return value === undefined ? `? ${plural}` : `${value} ${value === 1 ? singular : plural}`;
}

/** Edge labels wrap at their " · " separators so long ones stack instead of widening the gap between layers. */
export const EDGE_LABEL_LINE_CHARS = 22;
/** Height of one line of an edge label. */
export const EDGE_LABEL_LINE_HEIGHT = 14;

export function wrapLabel(label: string, maxChars = EDGE_LABEL_LINE_CHARS): string[] {
  const lines: string[] = [];
  for (const part of label.split(' · ')) {
    const last = lines.length - 1;
    if (last >= 0 && [...lines[last]].length + 3 + [...part].length <= maxChars) lines[last] = `${lines[last]} · ${part}`;
    else lines.push(part);
  }
  return lines.filter((line) => line !== '');
}
