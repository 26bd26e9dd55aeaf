// Applying and combining text edits (offsets into the original text; edits of one fix never overlap).
import type { TextEdit } from '../findings';

/** Applies non-overlapping edits; insertions at one offset keep their given order. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.index - b.index);
  let out = '';
  let cursor = 0;
  for (const { edit } of ordered) {
    if (edit.start < cursor) throw new Error(`overlapping edits at offset ${edit.start}`);
    out += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/** Merges insertions at the same offset into one edit (in order) so editors that reject such pairs accept them. */
export function mergeEdits(edits: TextEdit[]): TextEdit[] {
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.index - b.index);
  const out: TextEdit[] = [];
  for (const { edit } of ordered) {
    const last = out[out.length - 1];
    if (last && last.start === last.end && edit.start === last.start) {
      out[out.length - 1] = { start: last.start, end: edit.end, newText: last.newText + edit.newText };
    } else {
      out.push({ ...edit });
    }
  }
  return out;
}
