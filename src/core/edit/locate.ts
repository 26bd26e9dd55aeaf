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

/**
 * The chain of nodes and pairs that contain `offset`, outermost first. Descends by binary search over each
 * collection's items (they are in source order), so a fix per finding stays cheap on a file with thousands of keys.
 */
export function ancestorsAt(doc: Document, offset: number): (YamlNode | Pair)[] {
  const chain: (YamlNode | Pair)[] = [];
  let node: unknown = doc.contents;
  while (node && holds(rangeOf(node), offset)) {
    chain.push(node as YamlNode);
    if (!isMap(node) && !isSeq(node)) break;
    const item = itemAt(node.items as unknown[], offset);
    if (!item) break;
    if (!isPair(item)) {
      node = item;
      continue;
    }
    chain.push(item);
    node = holds(rangeOf(item.key), offset) ? item.key : item.value;
  }
  return chain;
}

/** Zero-length nodes count as one character, as the cursor can stand on them. */
function holds(range: [number, number, number?] | undefined, offset: number): boolean {
  return range !== undefined && offset >= range[0] && offset < Math.max(range[1], range[0] + 1);
}

function itemSpan(item: unknown): [number, number] | undefined {
  if (!isPair(item)) {
    const range = rangeOf(item);
    return range ? [range[0], range[1]] : undefined;
  }
  const start = rangeOf(item.key)?.[0] ?? rangeOf(item.value)?.[0];
  const end = rangeOf(item.value)?.[1] ?? rangeOf(item.key)?.[1];
  return start === undefined || end === undefined ? undefined : [start, end];
}

/** The item of a collection containing `offset`: binary search on start offsets, linear when a span is missing. */
function itemAt(items: unknown[], offset: number): unknown {
  let lo = 0;
  let hi = items.length - 1;
  let candidate = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = itemSpan(items[mid]);
    if (!span) return items.find((item) => holds(itemSpan(item) as [number, number] | undefined, offset));
    if (span[0] <= offset) {
      candidate = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const span = candidate >= 0 ? itemSpan(items[candidate]) : undefined;
  return span && holds(span, offset) ? items[candidate] : undefined;
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

/** The innermost mapping whose text starts at `offset`. */
export function mapStartingAt(ctx: { doc: Document }, offset: number): YAMLMap | undefined {
  const chain = ancestorsAt(ctx.doc, offset);
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i];
    if (isMap(node) && rangeOf(node)?.[0] === offset) return node;
  }
  return undefined;
}
