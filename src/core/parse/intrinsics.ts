// CloudFormation intrinsic functions in either form: `{ Ref: X }` / `{ "Fn::GetAtt": [A, Arn] }` or `!Ref X`.
import type { Document, Node as YamlNode } from 'yaml';
import { isMap, isNode } from 'yaml';
import { SHORT_TAGS } from './cfnTags';
import { asMap, deref, keyText, pairs } from './nodes';

export interface Intrinsic {
  /** Long-form name: 'Ref', 'Fn::GetAtt', 'Fn::Sub', ... */
  fn: string;
  /** The argument node (scalar, sequence or mapping). */
  arg: YamlNode | undefined;
  /** The whole intrinsic node. */
  node: YamlNode;
}

export function intrinsicOf(node: unknown, doc?: Document): Intrinsic | undefined {
  const resolved = deref(doc, node);
  if (!resolved || !isNode(resolved)) return undefined;
  const tag = resolved.tag;
  if (tag && SHORT_TAGS[tag]) return { fn: SHORT_TAGS[tag], arg: resolved, node: resolved };
  if (isMap(resolved)) {
    const entries = pairs(asMap(resolved), doc);
    if (entries.length !== 1) return undefined;
    const name = keyText(entries[0]);
    if (name === 'Ref' || name === 'Condition' || (name && name.startsWith('Fn::'))) {
      return { fn: name, arg: deref(doc, entries[0].value), node: resolved };
    }
  }
  return undefined;
}
