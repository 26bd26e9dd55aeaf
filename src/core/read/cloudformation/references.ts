// Resolves a value (Ref, GetAtt, Sub, Join, ImportValue, If, a plain ARN or name) to the model node it points at.
// Never throws: a reference the file does not define becomes an unresolved-reference problem and a raw value.
import type { Node as YamlNode } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';
import type { Span } from '../../model';
import { intrinsicOf } from '../../parse/intrinsics';
import { asMap, items, pairs, keyText, scalarText, spanOf, deref } from '../../parse/nodes';
import type { Template } from './template';
import { parseArn, queueUrlName, serviceOf } from './arn';

export { parseArn, type ArnParts } from './arn';

export interface ResolvedRef {
  /** Model node id the value points at (a resource of this file, or a node the caller maps via nodeIdFor). */
  id?: string;
  /** The text of the reference when it does not resolve to a node (ARN, import name, parameter without default). */
  raw?: string;
  /** GetAtt attribute (`Arn`, `StreamArn`...), `ImportValue` or `Parameter`. */
  attribute?: string;
  /** Condition name when the value is one branch of Fn::If. */
  condition?: string;
  /** True when the value names something the file does not define (a problem was reported). */
  unresolved?: boolean;
}

export type ProblemSink = (message: string, span: Span) => void;

const ATTRIBUTE_NODE_SUFFIX: Record<string, string> = { StreamArn: 'Stream' };

/**
 * Resolves any value node to the references it can take: usually one; both branches of an Fn::If; every item of a
 * list. Values that are not references at all (numbers, plain words) resolve to `{ raw }`.
 */
export function resolveAll(node: unknown, template: Template, report?: ProblemSink, condition?: string): ResolvedRef[] {
  return guarded(template, [], () => resolveValue(node, template, report, condition));
}

/**
 * Cycles (a parameter defaulting to itself, an alias inside its own anchor) end at a fixed depth instead of
 * overflowing, and alias bombs (`&a [*a, *a]`) at a fixed number of steps per top-level resolution.
 */
const MAX_DEPTH = 40;
const MAX_STEPS = 10_000;

function guarded<T>(template: Template, fallback: T, work: () => T): T {
  if (template.resolveDepth === 0) template.resolveSteps = 0;
  if (template.resolveDepth >= MAX_DEPTH || ++template.resolveSteps > MAX_STEPS) return fallback;
  template.resolveDepth++;
  try {
    return work();
  } finally {
    template.resolveDepth--;
  }
}

function resolveValue(node: unknown, template: Template, report?: ProblemSink, condition?: string): ResolvedRef[] {
  const value = deref(template.doc, node);
  if (value === undefined || value === null) return [];
  const with_ = (refs: ResolvedRef[]) => (condition ? refs.map((r) => ({ condition, ...r })) : refs);
  const intrinsic = intrinsicOf(value, template.doc);
  if (intrinsic) return with_(resolveIntrinsic(intrinsic.fn, intrinsic.arg, value, template, report));
  if (isSeq(value)) return items(value, template.doc).flatMap((item) => resolveAll(item, template, report, condition));
  if (isScalar(value)) {
    const text = scalarText(value);
    return text === undefined ? [] : with_([matchText(applyResolveString(text, template), template)]);
  }
  return [];
}

/** The first reference a value takes (the `true` branch of an Fn::If). */
export function resolveRef(node: unknown, template: Template, report?: ProblemSink): ResolvedRef | undefined {
  return resolveAll(node, template, report)[0];
}

function applyResolveString(text: string, template: Template): string {
  return template.options.resolveString ? template.options.resolveString(text) : text;
}

function resolveIntrinsic(fn: string, arg: YamlNode | undefined, node: YamlNode, template: Template, report?: ProblemSink): ResolvedRef[] {
  const span = spanOf(node);
  switch (fn) {
    case 'Ref':
      return resolveName(scalarText(arg) ?? '', undefined, template, span, report);
    case 'Fn::GetAtt': {
      const [logicalId, attribute] = getAttParts(arg, template);
      if (!logicalId) return [];
      return resolveName(logicalId, attribute ?? 'Arn', template, span, report);
    }
    case 'Fn::If': {
      const [cond, whenTrue, whenFalse] = items(arg, template.doc);
      const name = scalarText(cond);
      return [...resolveAll(whenTrue, template, report, name), ...resolveAll(whenFalse, template, report, name)];
    }
    case 'Fn::Sub':
    case 'Fn::Join':
      return resolveComposite(fn, arg, template, span, report);
    case 'Fn::ImportValue': {
      const name = textOf(arg, template) ?? '?';
      return [{ raw: `ImportValue ${name}`, attribute: 'ImportValue' }];
    }
    case 'Fn::FindInMap': {
      const [map, top, second] = items(arg, template.doc).map((n) => textOf(n, template));
      const found = map && top && second ? template.findInMap(map, top, second) : undefined;
      return found ? resolveAll(found, template, report) : [];
    }
    default: {
      const text = textOf(node, template);
      return text ? [matchText(text, template)] : [];
    }
  }
}

function getAttParts(arg: YamlNode | undefined, template: Template): [string | undefined, string | undefined] {
  if (isSeq(arg)) {
    const [id, attribute] = items(arg, template.doc).map((n) => scalarText(n));
    return [id, attribute];
  }
  const text = scalarText(arg) ?? '';
  const dot = text.indexOf('.');
  return dot < 0 ? [text || undefined, undefined] : [text.slice(0, dot), text.slice(dot + 1)];
}

/** A Ref/GetAtt target by name: a resource, a parameter (its Default), a pseudo parameter, or unresolved. */
function resolveName(name: string, attribute: string | undefined, template: Template, span: Span, report?: ProblemSink): ResolvedRef[] {
  if (name === 'AWS::NoValue') return [];
  const id = template.nodeId(name);
  if (id !== undefined) return [{ id: nodeIdWithAttribute(id, name, attribute, template), attribute }];
  if (attribute === undefined && template.isParameter(name)) {
    const fallback = template.parameters.get(name);
    if (fallback === undefined) return [{ raw: name, attribute: 'Parameter' }];
    return resolveAll(fallback, template, report).map((r) => (r.id ? r : { ...r, attribute: r.attribute ?? 'Parameter' }));
  }
  if (attribute === undefined && template.isPseudo(name)) return [{ raw: template.pseudoValue(name), attribute: 'Pseudo' }];
  report?.(`"${name}" is referenced here but not defined in this file (no resource or parameter of that name).`, span);
  return [{ raw: name, attribute, unresolved: true }];
}

function nodeIdWithAttribute(id: string, logicalId: string, attribute: string | undefined, template: Template): string {
  const entry = template.resource(logicalId);
  const suffix = attribute ? ATTRIBUTE_NODE_SUFFIX[attribute] : undefined;
  if (suffix && entry && /DynamoDB::Table|SimpleTable/.test(entry.type)) return id + suffix;
  return id;
}

interface CompositeRef {
  name: string;
  attribute?: string;
  span: Span;
}

/**
 * Sub / Join: when the text embeds exactly one resource of this file (`arn:...:${Queue.Arn}`, `${Table.Arn}/index/*`,
 * Join of ARN parts around `!Ref Stream`), the value points at it; otherwise the text (parameters and pseudo
 * parameters substituted) is matched as an ARN or name.
 */
function resolveComposite(fn: string, arg: YamlNode | undefined, template: Template, span: Span, report?: ProblemSink): ResolvedRef[] {
  const refs: CompositeRef[] = [];
  const text = fn === 'Fn::Sub' ? subText(arg, template, refs) : joinText(arg, template, refs);
  const resources = refs.filter((r) => template.nodeId(r.name) !== undefined);
  for (const missing of refs.filter((r) => template.nodeId(r.name) === undefined)) {
    report?.(`"${missing.name}" is referenced here but not defined in this file (no resource or parameter of that name).`, missing.span);
  }
  if (resources.length > 0) {
    const arn = text ? parseArn(text) : undefined;
    const chosen = resources[0];
    const attribute = arn?.tableStream ? 'StreamArn' : chosen.attribute;
    const id = nodeIdWithAttribute(template.nodeId(chosen.name) as string, chosen.name, attribute, template);
    return [{ id, attribute }];
  }
  if (text === undefined) return [];
  const matched = matchText(applyResolveString(text, template), template);
  if (refs.length > 0) matched.unresolved = true;
  return [matched];
}

/** Sub text with parameters, pseudo parameters and its own variables substituted; resources are collected. */
function subText(arg: YamlNode | undefined, template: Template, refs: CompositeRef[]): string | undefined {
  const [source, varsNode] = isSeq(arg) ? items(arg, template.doc) : [arg, undefined];
  const raw = scalarText(source);
  if (raw === undefined) return undefined;
  const vars = new Map<string, YamlNode | undefined>();
  for (const pair of pairs(asMap(varsNode), template.doc)) {
    const key = keyText(pair);
    if (key) vars.set(key, deref(template.doc, pair.value));
  }
  const span = spanOf(source);
  return raw.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    if (inner.startsWith('!')) return '${' + inner.slice(1) + '}';
    if (vars.has(inner)) {
      const varNode = vars.get(inner);
      const resolved = resolveAll(varNode, template)[0];
      if (resolved?.id) refs.push({ name: resolved.id, attribute: resolved.attribute, span: spanOf(varNode) });
      return textOf(varNode, template) ?? whole;
    }
    const dot = inner.indexOf('.');
    const name = dot < 0 ? inner : inner.slice(0, dot);
    const attribute = dot < 0 ? undefined : inner.slice(dot + 1);
    if (!attribute && template.isPseudo(name)) return template.pseudoValue(name);
    if (!attribute && template.isParameter(name)) return textOf(template.parameters.get(name), template) ?? whole;
    if (/^[A-Za-z0-9]+$/.test(name)) refs.push({ name, attribute, span });
    return whole;
  });
}

function joinText(arg: YamlNode | undefined, template: Template, refs: CompositeRef[]): string | undefined {
  const [delimiterNode, listNode] = items(arg, template.doc);
  const delimiter = scalarText(delimiterNode) ?? '';
  const parts = items(listNode, template.doc).map((part) => {
    const intrinsic = intrinsicOf(part, template.doc);
    if (intrinsic && (intrinsic.fn === 'Ref' || intrinsic.fn === 'Fn::GetAtt')) {
      const [name, attribute] = intrinsic.fn === 'Ref' ? [scalarText(intrinsic.arg), undefined] : getAttParts(intrinsic.arg, template);
      if (name && !template.isParameter(name) && !template.isPseudo(name)) {
        refs.push({ name, attribute, span: spanOf(part) });
        return '${' + name + (attribute ? '.' + attribute : '') + '}';
      }
    }
    return textOf(part, template) ?? '${?}';
  });
  return parts.join(delimiter);
}

/**
 * A value's text where it can be known: plain scalars, parameter defaults, pseudo parameters, Sub and Join of those.
 * Resources stay as `${Name}` placeholders. Undefined for values that have no text (lists, maps, ImportValue).
 */
export function textOf(node: unknown, template: Template): string | undefined {
  return guarded(template, undefined, () => textValue(node, template));
}

function textValue(node: unknown, template: Template): string | undefined {
  const value = deref(template.doc, node);
  if (value === undefined || value === null) return undefined;
  const intrinsic = intrinsicOf(value, template.doc);
  if (!intrinsic) return isScalar(value) ? scalarText(value) : undefined;
  const ignored: CompositeRef[] = [];
  switch (intrinsic.fn) {
    case 'Ref': {
      const name = scalarText(intrinsic.arg) ?? '';
      if (template.isPseudo(name)) return template.pseudoValue(name);
      if (template.isParameter(name)) return textOf(template.parameters.get(name), template) ?? '${' + name + '}';
      return '${' + name + '}';
    }
    case 'Fn::Sub':
      return subText(intrinsic.arg, template, ignored);
    case 'Fn::Join':
      return joinText(intrinsic.arg, template, ignored);
    case 'Fn::If':
      return textOf(items(intrinsic.arg, template.doc)[1], template);
    case 'Fn::FindInMap': {
      const [map, top, second] = items(intrinsic.arg, template.doc).map((n) => textOf(n, template));
      return map && top && second ? textOf(template.findInMap(map, top, second), template) : undefined;
    }
    default:
      return isMap(value) ? undefined : scalarText(value);
  }
}

/** Resolves text found outside YAML nodes (e.g. an ARN inside a JSON-string RedrivePolicy). */
export function resolveText(text: string, template: Template): ResolvedRef {
  return matchText(applyResolveString(text, template), template);
}

/** A plain ARN, queue URL or name, matched to a resource of this file by physical name when it defines one. */
function matchText(text: string, template: Template): ResolvedRef {
  const nameOf = (n: YamlNode | undefined) => textOf(n, template);
  const arn = parseArn(text);
  const name = arn?.name ?? queueUrlName(text) ?? text;
  const candidates = name && !name.includes('*') ? template.byPhysicalName(name, nameOf) : [];
  const service = arn?.service;
  const preferred = candidates.find((id) => serviceOf(template.resource(id)?.type) === service) ?? candidates[0];
  if (preferred) {
    const attribute = arn?.tableStream ? 'StreamArn' : undefined;
    return { id: nodeIdWithAttribute(template.nodeId(preferred) ?? preferred, preferred, attribute, template), attribute };
  }
  return { raw: text };
}
