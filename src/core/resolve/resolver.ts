// Safe Serverless variable resolution (CONTRACT.md section 1): `${self:}`, `${opt:x, default}`, `${sls:stage}`,
// `${env:X, default}` (the default only), `${aws:region}` and `${file()}` of workspace YAML/JSON. Everything else
// (ssm, cf, s3, file(x.js), ...) stays unresolved. Depth, work and string length are capped: never hangs.
import { isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Scalar } from 'yaml';
import type { Span } from '../model';
import { asMap, deref, getPair, keySpan, keyText, pairs, spanOf } from '../parse/nodes';
import { IncludeCache } from './includes';
import { addressKeys, findVariables, literalFallback, parseReference, splitFallbacks, type Reference } from './variables';
import type { Entry, Unresolved, View } from './view';

export interface ResolverOptions {
  doc: Document | undefined;
  path?: string;
  readFile?: (path: string) => string | undefined;
}

const MAX_DEPTH = 32;
const MAX_STEPS = 200_000;
const MAX_TEXT = 100_000;

type Outcome = View | Unresolved;

const isView = (outcome: Outcome): outcome is View => 'unresolved' in outcome;

export class Resolver {
  private readonly includes: IncludeCache;
  private readonly active = new Set<string>();
  /** Resolved scalars by node and include site: each variable is worked out once (and bombs stay linear). */
  private readonly memo = new Map<YamlNode, Map<number, View>>();
  private steps = 0;
  private depth = 0;
  private stageValue?: string;
  private computingStage = false;

  constructor(private readonly options: ResolverOptions) {
    this.includes = new IncludeCache(options.readFile);
  }

  /** The root mapping of the analysed file. */
  root(): View {
    return this.view(this.options.doc?.contents ?? undefined, this.options.doc, undefined);
  }

  /** The value under `key` of a mapping View (or index of a sequence View). */
  get(view: View | undefined, key: string): View | undefined {
    if (!view) return undefined;
    const seq = isSeq(view.node) ? view.node : undefined;
    if (seq) {
      const index = Number(key);
      const item = Number.isInteger(index) ? seq.items[index] : undefined;
      return item === undefined ? undefined : this.view(item, view.doc, view.included);
    }
    const pair = getPair(asMap(view.node), key, view.doc);
    return pair ? this.view(pair.value, view.doc, view.included) : undefined;
  }

  getIn(view: View | undefined, path: string[]): View | undefined {
    let current = view;
    for (const key of path) current = this.get(current, key);
    return current;
  }

  entries(view: View | undefined): Entry[] {
    if (!view || !isMap(view.node)) return [];
    return pairs(asMap(view.node), view.doc).map((pair) => {
      const rawKey = keyText(pair) ?? '';
      const key = rawKey.includes('${') ? this.resolveText(rawKey, view.included ?? keySpan(pair)).text : rawKey;
      const value = this.view(pair.value, view.doc, view.included);
      const kSpan = view.included ?? keySpan(pair);
      const pairSpan = view.included ?? { start: kSpan.start, end: Math.max(kSpan.end, spanOf(deref(view.doc, pair.value), kSpan.end).end) };
      return { key, keySpan: kSpan, value, pairSpan };
    });
  }

  items(view: View | undefined): View[] {
    if (!view || !isSeq(view.node)) return [];
    return view.node.items.map((item) => this.view(item, view.doc, view.included));
  }

  /** Resolves a node into a View. `included` is the include site when the node lives in an included file. */
  view(raw: unknown, doc: Document | undefined, included: Span | undefined): View {
    const node = deref(doc, raw);
    const span = included ?? spanOf(node);
    if (!isScalar(node)) return { node, doc, span, included, unresolved: [] };
    const value = (node as Scalar).value;
    if (typeof value !== 'string' || !value.includes('${')) {
      return { node, doc, span, included, text: value === null || value === undefined ? undefined : String(value), unresolved: [] };
    }
    const site = included?.start ?? -1;
    const known = this.memo.get(node)?.get(site);
    if (known) return known;
    const resolved = this.resolveScalar(node, value, doc, span, included);
    if (!this.memo.has(node)) this.memo.set(node, new Map());
    this.memo.get(node)?.set(site, resolved);
    return resolved;
  }

  private resolveScalar(node: YamlNode, value: string, doc: Document | undefined, span: Span, included: Span | undefined): View {
    const matches = findVariables(value);
    if (matches.length === 1 && matches[0].start === 0 && matches[0].end === value.length) {
      const outcome = this.expression(matches[0].body, span);
      if (!isView(outcome)) return { node, doc, span, included, text: value, unresolved: [outcome] };
      // A scalar result is shown at its use site; a mapping or list keeps its own spans (or its include site).
      const useSite = isMap(outcome.node) || isSeq(outcome.node) ? outcome.span : span;
      return { ...outcome, span: outcome.included ?? useSite };
    }
    const resolved = this.resolveText(value, span);
    return { node, doc, span, included, text: resolved.text, unresolved: resolved.unresolved };
  }

  /** Interpolates every variable of a string; unresolved parts keep their `${...}` text. */
  resolveText(text: string, site: Span): { text: string; unresolved: Unresolved[] } {
    const unresolved: Unresolved[] = [];
    let out = '';
    let last = 0;
    for (const match of findVariables(text)) {
      out += text.slice(last, match.start);
      last = match.end;
      const outcome = this.expression(match.body, site);
      const piece = isView(outcome) ? outcome.text : undefined;
      if (isView(outcome) && piece !== undefined && outcome.unresolved.length === 0) out += piece;
      else {
        out += text.slice(match.start, match.end);
        unresolved.push(isView(outcome) ? (outcome.unresolved[0] ?? { expression: `\${${match.body}}`, reason: 'it is not a single value' }) : outcome);
      }
      if (out.length > MAX_TEXT) return { text, unresolved: [{ expression: text.slice(0, 60), reason: 'it expands to an overly long text' }] };
    }
    return { text: out + text.slice(last), unresolved };
  }

  /** The deployment stage: provider.stage when it resolves, else Serverless's default `dev`. */
  stage(): string {
    if (this.stageValue !== undefined) return this.stageValue;
    if (this.computingStage) return 'dev';
    this.computingStage = true;
    const provider = this.get(this.root(), 'provider');
    const stage = this.get(provider, 'stage');
    this.computingStage = false;
    this.stageValue = stage && stage.unresolved.length === 0 && stage.text ? stage.text : 'dev';
    return this.stageValue;
  }

  /** The deployment region: provider.region when it resolves, else us-east-1. */
  region(): string | undefined {
    const region = this.get(this.get(this.root(), 'provider'), 'region');
    return region && region.unresolved.length === 0 ? region.text : undefined;
  }

  private expression(body: string, site: Span): Outcome {
    const expression = `\${${body}}`;
    if (++this.steps > MAX_STEPS) return { expression, reason: 'too many variables to resolve in this file' };
    if (this.depth >= MAX_DEPTH) return { expression, reason: 'variables are nested too deeply' };
    this.depth++;
    try {
      const parts = splitFallbacks(body);
      let first: Unresolved | undefined;
      for (let i = 0; i < parts.length; i++) {
        const outcome = this.part(parts[i], i > 0, site, expression);
        if (isView(outcome) && outcome.unresolved.length === 0) return outcome;
        first ??= isView(outcome) ? outcome.unresolved[0] : outcome;
      }
      if (!first) return { expression, reason: 'it has no value' };
      // Name the innermost variable that failed: `${self:custom.arn}` (via ${ssm:/x}: ...).
      const nested = first.expression !== expression && !first.reason.startsWith('via ');
      return { expression, reason: nested ? `via ${first.expression}: ${first.reason}` : first.reason };
    } finally {
      this.depth--;
    }
  }

  private part(text: string, isFallback: boolean, site: Span, expression: string): Outcome {
    if (isFallback) {
      const literal = literalFallback(text);
      if (literal !== undefined) return this.literal(literal, site);
    }
    const whole = findVariables(text);
    if (whole.length === 1 && whole[0].start === 0 && whole[0].end === text.length) return this.expression(whole[0].body, site);
    const inner = text.includes('${') ? this.resolveText(text, site) : { text, unresolved: [] };
    if (inner.unresolved.length > 0) return { expression, reason: inner.unresolved[0].reason };
    const reference = parseReference(inner.text);
    if (!reference) return { expression, reason: `"${inner.text}" is not a variable Pipeline Lens knows` };
    return this.reference(reference, site, expression);
  }

  private reference(ref: Reference, site: Span, expression: string): Outcome {
    switch (ref.source) {
      case 'self':
        return this.selfReference(ref.address, expression);
      case 'sls':
        return ref.address === 'stage' ? this.literal(this.stage(), site) : { expression, reason: `sls:${ref.address} is only known at deploy time` };
      case 'aws': {
        const region = ref.address === 'region' ? (this.region() ?? 'us-east-1') : undefined;
        return region ? this.literal(region, site) : { expression, reason: `aws:${ref.address} is only known at deploy time` };
      }
      case 'opt':
        return { expression, reason: `the command-line option --${ref.address} is not known here; add a default, e.g. \${opt:${ref.address}, 'dev'}` };
      case 'env':
        return { expression, reason: `environment variables are never read; add a default, e.g. \${env:${ref.address}, 'value'}` };
      case 'file':
        return this.fileReference(ref, site, expression);
      case 'param':
        return this.paramReference(ref.address, expression);
      default:
        return { expression, reason: `${ref.source}: values are fetched or run at deploy time, never by Pipeline Lens` };
    }
  }

  private selfReference(address: string, expression: string): Outcome {
    const key = `self:${address}`;
    if (this.active.has(key)) return { expression, reason: 'it refers to itself' };
    this.active.add(key);
    try {
      const target = this.walk(this.root(), addressKeys(address));
      if (target) return target;
      // The framework fills these in before resolving, so `${self:provider.stage}` works without a stage.
      if (address === 'provider.stage') return this.literal(this.stage(), spanOf(undefined));
      if (address === 'provider.region') return this.literal('us-east-1', spanOf(undefined));
      return { expression, reason: `self:${address} is not defined in this file` };
    } finally {
      this.active.delete(key);
    }
  }

  /** `${param:x}`: the stage's params (v3 `params.<stage>`, v4 `stages.<stage>.params`), then the `default` ones. */
  private paramReference(name: string, expression: string): Outcome {
    const root = this.root();
    for (const stage of [this.stage(), 'default']) {
      const found = this.getIn(root, ['params', stage, name]) ?? this.getIn(root, ['stages', stage, 'params', name]);
      if (found) return found;
    }
    return { expression, reason: `param:${name} is not set for stage ${this.stage()} in this file (Dashboard parameters are never fetched)` };
  }

  private fileReference(ref: Reference, site: Span, expression: string): Outcome {
    const loaded = this.includes.load(ref.param ?? '');
    if (!loaded.ok) return { expression, reason: loaded.reason };
    const fileRoot = this.view(loaded.doc.contents ?? undefined, loaded.doc, site);
    const target = this.walk(fileRoot, addressKeys(ref.address));
    return target ?? { expression, reason: `${ref.address} is not defined in ${loaded.path}` };
  }

  private walk(start: View, keys: string[]): View | undefined {
    let current: View | undefined = start;
    for (const key of keys) {
      if (current && current.unresolved.length > 0) return current;
      current = this.get(current, key);
    }
    return current;
  }

  private literal(value: string | number | boolean | null, site: Span): View {
    return { node: undefined as YamlNode | undefined, doc: undefined, span: site, text: value === null ? undefined : String(value), unresolved: [] };
  }
}
