// Builds the generated YAML with the `yaml` Document API (a new file, not a user edit) in one stable style:
// block collections, CloudFormation short tags, single quotes where a plain scalar would change type.
import { Document, Pair, Scalar, type Node as YamlNode, YAMLMap, YAMLSeq } from 'yaml';
import { CFN_CUSTOM_TAGS } from '../parse/cfnTags';

/** A CloudFormation intrinsic the writers print as a short tag (`!Ref X`, `!GetAtt X.Arn`, `!Sub ...`). */
export interface Intrinsic {
  intrinsic: 'Ref' | 'GetAtt' | 'Sub';
  value: string;
}

export const ref = (id: string): Intrinsic => ({ intrinsic: 'Ref', value: id });
export const getAtt = (id: string, attribute: string): Intrinsic => ({ intrinsic: 'GetAtt', value: `${id}.${attribute}` });
export const sub = (text: string): Intrinsic => ({ intrinsic: 'Sub', value: text });

export function isIntrinsic(value: unknown): value is Intrinsic {
  return typeof value === 'object' && value !== null && 'intrinsic' in value && 'value' in value;
}

/** A value in the generated file: scalars, intrinsics, lists and (ordered) records; undefined entries are dropped. */
export type YamlValue = string | number | boolean | Intrinsic | YamlValue[] | { [key: string]: YamlValue | undefined };

/** Plain strings YAML would read as something else (numbers, booleans, dates, null) or that need quotes. */
const AMBIGUOUS = /^(?:[-+]?(?:\d[\d_]*\.?\d*|\.\d+)(?:e[-+]?\d+)?|[-+]?\.(?:inf|nan)|\d{4}-\d\d-\d\d.*|0x[\da-f]+|0o[0-7]+|true|false|yes|no|on|off|y|n|null|~|)$/i;

export function toNode(value: YamlValue): YamlNode {
  if (isIntrinsic(value)) {
    const scalar = new Scalar(value.value);
    scalar.tag = `!${value.intrinsic}`;
    return scalar;
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    for (const item of value) seq.items.push(toNode(item));
    return seq;
  }
  if (typeof value === 'object') {
    const map = new YAMLMap();
    for (const [key, item] of Object.entries(value)) if (item !== undefined) map.items.push(pair(key, item));
    return map;
  }
  const scalar = new Scalar(value);
  if (typeof value === 'string' && AMBIGUOUS.test(value)) scalar.type = 'QUOTE_SINGLE';
  return scalar;
}

function pair(key: string, value: YamlValue): Pair<Scalar, YamlNode> {
  return new Pair(new Scalar(key), toNode(value));
}

/** The finished text: a header comment, then the top-level keys with a blank line between sections. */
export function render(header: string[], sections: Array<[string, YamlValue | undefined]>): string {
  const doc = new Document(undefined, { customTags: CFN_CUSTOM_TAGS });
  const root = new YAMLMap();
  for (const [key, value] of sections) {
    if (value === undefined) continue;
    const entry = pair(key, value);
    if (root.items.length > 0 && typeof value === 'object' && !isIntrinsic(value)) entry.key.spaceBefore = true;
    root.items.push(entry);
  }
  doc.contents = root;
  doc.commentBefore = header.map((line) => (line ? ` ${line}` : '')).join('\n');
  return doc.toString({ lineWidth: 0, singleQuote: true, indentSeq: true });
}

