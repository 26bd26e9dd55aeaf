// Small, typed accessors over the yaml AST: every reader uses these so spans are taken the same way everywhere.
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, Pair, Scalar, visit, YAMLMap, YAMLSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { Span } from '../model';

export type AnyNode = YamlNode | Pair | null | undefined;

/** Span of a node's value (range[0]..range[1]); a missing node gives an empty span at `fallback`. */
export function spanOf(node: unknown, fallback = 0): Span {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range ? { start: range[0], end: range[1] } : { start: fallback, end: fallback };
}

/** Span of a pair's key (where findings about the entry point). */
export function keySpan(pair: Pair): Span {
  return spanOf(pair.key);
}

/** Follow an alias to its anchored node (one hop, so alias bombs cannot blow up). */
export function deref(doc: Document | undefined, node: unknown): YamlNode | undefined {
  if (isAlias(node)) return doc ? aliasTargets(doc).get(node as Alias) : undefined;
  return (node ?? undefined) as YamlNode | undefined;
}

const targetsByDoc = new WeakMap<Document, Map<Alias, YamlNode>>();

/**
 * Every alias of a document and its anchored node, found in one walk. `Alias.resolve` walks the whole document on
 * each call, which made an alias bomb take seconds even with a step limit; the target is the same (the last node
 * with that anchor before the alias, in document order).
 */
function aliasTargets(doc: Document): Map<Alias, YamlNode> {
  let targets = targetsByDoc.get(doc);
  if (targets) return targets;
  targets = new Map();
  const anchors = new Map<string, YamlNode>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) targets!.set(node, target);
      } else if (node.anchor) {
        anchors.set(node.anchor, node);
      }
    },
  });
  targetsByDoc.set(doc, targets);
  return targets;
}

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? (node as YAMLMap) : undefined;
}

export function asSeq(node: unknown): YAMLSeq | undefined {
  return isSeq(node) ? (node as YAMLSeq) : undefined;
}

export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return key.value === null || key.value === undefined ? undefined : String(key.value);
  return undefined;
}

/** Pairs of a mapping with scalar keys, in source order. Merge keys (`<<`) are expanded one level. */
export function pairs(map: YAMLMap | undefined, doc?: Document): Pair<Scalar, unknown>[] {
  if (!map) return [];
  const out: Pair<Scalar, unknown>[] = [];
  for (const item of map.items) {
    if (!isPair(item)) continue;
    if (keyText(item) === '<<' && doc) {
      const merged = deref(doc, item.value);
      const sources = isSeq(merged) ? merged.items.map((i) => deref(doc, i)) : [merged];
      for (const source of sources) if (isMap(source)) out.push(...pairs(source as YAMLMap));
      continue;
    }
    out.push(item as Pair<Scalar, unknown>);
  }
  return out;
}

/**
 * The pair for `key` in a mapping (exact key text): the first in the order of pairs(). Scans in place instead of
 * building pairs(): readers look keys up thousands of times per file, and the arrays were a large share of the GC.
 */
export function getPair(map: YAMLMap | undefined, key: string, doc?: Document): Pair<Scalar, unknown> | undefined {
  if (!map) return undefined;
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const text = keyText(item);
    // A merge key: fall back to the expanded pairs (rare; keeps the exact order of pairs()).
    if (text === '<<' && doc) return pairs(map, doc).find((p) => keyText(p) === key);
    if (text === key) return item as Pair<Scalar, unknown>;
  }
  return undefined;
}

/** The (alias-resolved) value for `key`. */
export function get(map: YAMLMap | undefined, key: string, doc?: Document): YamlNode | undefined {
  const pair = getPair(map, key, doc);
  return pair ? deref(doc, pair.value) : undefined;
}

/** Case-insensitive key lookup (serverless accepts some keys in several spellings). */
export function getPairCI(map: YAMLMap | undefined, key: string, doc?: Document): Pair<Scalar, unknown> | undefined {
  const lower = key.toLowerCase();
  return pairs(map, doc).find((p) => keyText(p)?.toLowerCase() === lower);
}

/** Follow a path of keys through nested mappings. */
export function getIn(map: YAMLMap | undefined, path: string[], doc?: Document): YamlNode | undefined {
  let current: YamlNode | undefined = map;
  for (const key of path) {
    current = get(asMap(current), key, doc);
    if (current === undefined) return undefined;
  }
  return current;
}

/** Scalar value as a string (numbers and booleans stringified); undefined for collections and tagged intrinsics. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = (node as Scalar).value;
  if (value === null || value === undefined) return undefined;
  return String(value);
}

export function scalarNumber(node: unknown): number | undefined {
  if (!isScalar(node)) return undefined;
  const value = (node as Scalar).value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

export function scalarBool(node: unknown): boolean | undefined {
  if (!isScalar(node)) return undefined;
  const value = (node as Scalar).value;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True') return true;
  if (value === 'false' || value === 'False') return false;
  return undefined;
}

/** Items of a sequence (alias-resolved); a single non-sequence node is treated as a one-item list. */
export function items(node: unknown, doc?: Document): YamlNode[] {
  const seq = asSeq(node);
  if (seq) return seq.items.map((i) => deref(doc, i)).filter((i): i is YamlNode => i !== undefined);
  return node === undefined || node === null ? [] : [node as YamlNode];
}
