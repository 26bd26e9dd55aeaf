// Finding the YAML nodes a fix edits: by key path (own keys only, never through merge keys or aliases) and by
// the offsets the model keeps.
import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';

/** The pair written directly in this mapping for `key` (merge keys and aliases are not followed: we edit text). */
export function ownPair(map: YAMLMap | undefined, key: string): Pair | undefined {
  if (!map) return undefined;
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item;
  }
  return undefined;
}

export function ownMap(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
  const value = ownPair(map, key)?.value;
  return isMap(value) ? value : undefined;
}

export function mapAtPath(root: unknown, path: string[]): YAMLMap | undefined {
  let current: YAMLMap | undefined = isMap(root) ? root : undefined;
  for (const key of path) current = ownMap(current, key);
  return current;
}

export function rangeOf(node: unknown): [number, number, number] | undefined {
  return (node as { range?: [number, number, number] } | null | undefined)?.range ?? undefined;
}

/** The chain of nodes and pairs that contain `offset`, outermost first. */
export function ancestorsAt(doc: Document, offset: number): (YamlNode | Pair)[] {
  const chain: (YamlNode | Pair)[] = [];
  visit(doc, {
    Node(_key, node) {
      const range = rangeOf(node);
      if (!range || offset < range[0] || offset >= Math.max(range[1], range[0] + 1)) return visit.SKIP;
      chain.push(node);
      return undefined;
    },
    Pair(_key, pair) {
      const start = rangeOf(pair.key)?.[0];
      const end = rangeOf(pair.value)?.[1] ?? rangeOf(pair.key)?.[1];
      if (start === undefined || end === undefined || offset < start || offset >= Math.max(end, start + 1)) return visit.SKIP;
      chain.push(pair);
      return undefined;
    },
  });
  return chain;
}

/** The innermost block-sequence item holding `offset` (e.g. the `- s3:` event entry), with its sequence. */
export function seqItemAt(doc: Document, offset: number): { seq: YamlNode & { items: unknown[] }; item: YamlNode; index: number } | undefined {
  const chain = ancestorsAt(doc, offset);
  for (let i = chain.length - 1; i > 0; i--) {
    const parent = chain[i - 1];
    if (isSeq(parent)) {
      const index = parent.items.indexOf(chain[i] as never);
      if (index >= 0) return { seq: parent, item: chain[i] as YamlNode, index };
    }
  }
  return undefined;
}

/** The innermost pair holding `offset` whose key is one of `keys`. */
export function pairAt(doc: Document, offset: number, keys?: string[]): Pair | undefined {
  const chain = ancestorsAt(doc, offset);
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i];
    if (isPair(node) && isScalar(node.key) && (!keys || keys.includes(String(node.key.value)))) return node;
  }
  return undefined;
}

/**
 * A plain copy of a node's value (mappings, lists, scalars) to re-emit elsewhere, or undefined when it holds tags,
 * aliases or anchors that a copy could change the meaning of.
 */
export function plainCopy(node: unknown): unknown {
  let safe = true;
  if (!node || typeof node !== 'object') return undefined;
  visit(node as YamlNode, {
    Node(_key, n) {
      if (isAlias(n) || n.tag || (n as { anchor?: string }).anchor) safe = false;
    },
  });
  if (!safe) return undefined;
  return (node as { toJSON(): unknown }).toJSON();
}
