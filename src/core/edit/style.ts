// The file's own writing style (indent unit, list indentation, quotes, intrinsic form, line ends), read from its
// AST so inserted YAML looks as if the author wrote it.
import { isMap, isPair, isSeq, visit, type Document, type Scalar } from 'yaml';

export interface YamlStyle {
  /** Spaces per nesting level of block mappings. */
  indent: number;
  /** Column of a block sequence's `-` relative to its parent key: 0 (`key:\n- a`) or the indent unit. */
  seqIndent: number;
  /** Quote character for strings that need quoting. */
  quote: "'" | '"';
  /** `!Ref X` (short) or `Ref: X` (long) for CloudFormation intrinsics. */
  intrinsics: 'short' | 'long';
  eol: '\n' | '\r\n';
}

export const DEFAULT_STYLE: YamlStyle = { indent: 2, seqIndent: 2, quote: "'", intrinsics: 'short', eol: '\n' };

export function columnOf(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  // A byte order mark before the first line takes no column: YAML does not count it as indentation.
  const bom = lineStart === 0 && text.charCodeAt(0) === 0xfeff && offset > 0 ? 1 : 0;
  return offset - lineStart - bom;
}

/** Most frequent value in a list (ties: the first seen), or undefined for an empty list. */
function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  for (const [v, c] of counts) if (best === undefined || c > (counts.get(best) ?? 0)) best = v;
  return best;
}

export function detectStyle(text: string, doc: Document | undefined): YamlStyle {
  const mapSteps: number[] = [];
  const seqSteps: number[] = [];
  let single = 0;
  let double = 0;
  if (doc) {
    visit(doc, {
      Pair(_key, pair) {
        const keyRange = (pair.key as { range?: number[] } | null)?.range;
        const value = pair.value as { range?: number[]; flow?: boolean } | null;
        if (!keyRange || !value?.range || value.flow) return;
        const keyCol = columnOf(text, keyRange[0]);
        if (isMap(value) && value.items.length > 0 && isPair(value.items[0])) {
          const childKey = (value.items[0].key as { range?: number[] } | null)?.range;
          if (childKey && onLaterLine(text, keyRange[0], childKey[0])) {
            const step = columnOf(text, childKey[0]) - keyCol;
            if (step > 0) mapSteps.push(step);
          }
        } else if (isSeq(value)) {
          const dash = text.lastIndexOf('-', value.range[0]);
          if (dash >= 0 && onLaterLine(text, keyRange[0], dash)) seqSteps.push(columnOf(text, dash) - keyCol);
        }
      },
      Scalar(_key, node: Scalar) {
        if (node.type === 'QUOTE_SINGLE') single++;
        else if (node.type === 'QUOTE_DOUBLE') double++;
      },
    });
  }
  const indent = mostCommon(mapSteps) ?? DEFAULT_STYLE.indent;
  const seqIndent = mostCommon(seqSteps.filter((s) => s >= 0)) ?? indent;
  const shortTags = /(^|[\s:[,-])!(Ref|GetAtt|Sub|Join)\b/m.test(text);
  const longTags = /(^|[\s{,])["']?(Ref|Fn::GetAtt|Fn::Sub)["']?\s*:/m.test(text);
  return {
    indent,
    seqIndent,
    quote: double > single ? '"' : "'",
    intrinsics: longTags && !shortTags ? 'long' : 'short',
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/** True when `later` sits on a line after the one holding `earlier`. */
function onLaterLine(text: string, earlier: number, later: number): boolean {
  const newline = text.indexOf('\n', earlier);
  return newline >= 0 && newline < later;
}
