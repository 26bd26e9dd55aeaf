// AWS::Lambda::Function (and the shared part of AWS::Serverless::Function): the function node with its facts.
import type { YAMLMap } from 'yaml';
import type { Architecture, EnvVar, FunctionFacts, PipelineNode } from '../../model';
import { asMap, get, getIn, getPair, items, keyText, pairs, scalarText, spanOf, deref, keySpan } from '../../parse/nodes';
import { readAnnotation } from '../annotations';
import { type CfnContext, destinationOf, locatedNumber, numberOf, reporter } from './context';
import { roleStatements } from './iam';
import { resolveAll, textOf } from './references';
import type { ResourceEntry } from './template';

export const LAMBDA_DEFAULTS = { memoryMb: 128, timeoutS: 3, ephemeralStorageMb: 512 } as const;

/**
 * Reads a function resource. `globals` is SAM's Globals.Function (its keys apply when the function omits them;
 * Environment.Variables are merged, the function's own winning).
 */
export function readFunction(ctx: CfnContext, entry: ResourceEntry, globals?: YAMLMap): PipelineNode {
  const { doc } = ctx;
  const props = entry.properties;
  const id = entry.logicalId;
  const prop = (key: string) => get(props, key, doc) ?? get(globals, key, doc);
  const located = (key: string) => locatedNumber(ctx, props, key) ?? locatedNumber(ctx, globals, key);
  const name = textOf(get(props, 'FunctionName', doc), ctx.template);
  const architecture = scalarText(items(prop('Architectures'), doc)[0]) === 'arm64' ? 'arm64' : ('x86_64' as Architecture);
  const fn: FunctionFacts = {
    name: name && !name.includes('${') ? name : id,
    handler: scalarText(prop('Handler')),
    runtime: scalarText(prop('Runtime')),
    memoryMb: numberOf(ctx, prop('MemorySize')) ?? LAMBDA_DEFAULTS.memoryMb,
    timeoutS: numberOf(ctx, prop('Timeout')) ?? LAMBDA_DEFAULTS.timeoutS,
    architecture,
    architectureDeclared: prop('Architectures') !== undefined,
    ephemeralStorageMb: numberOf(ctx, get(asMap(prop('EphemeralStorage')), 'Size', doc)) ?? LAMBDA_DEFAULTS.ephemeralStorageMb,
    reservedConcurrency: located('ReservedConcurrentExecutions'),
    environment: readEnvironment(ctx, id, asMap(getIn(asMap(get(globals, 'Environment', doc)), ['Variables'], doc)), asMap(getIn(asMap(get(props, 'Environment', doc)), ['Variables'], doc))),
    iamStatements: roleStatements(ctx, get(props, 'Role', doc), id),
    async: {},
    propertiesSpan: props ? spanOf(props) : undefined,
  };
  const deadLetter = get(asMap(prop('DeadLetterConfig')), 'TargetArn', doc);
  if (deadLetter) fn.async.deadLetter = destinationOf(ctx, deadLetter, id);
  const annotationPair = getPair(asMap(get(entry.block, 'Metadata', doc)), 'PipelineLens', doc);
  if (annotationPair) fn.annotation = readAnnotation(asMap(deref(doc, annotationPair.value)), keySpan(annotationPair), ctx.builder, doc, id);
  return ctx.builder.addNode({
    id,
    kind: 'function',
    label: id,
    span: entry.keySpan,
    blockSpan: spanOf(entry.block),
    defined: true,
    resourceType: entry.type,
    condition: entry.condition,
    fn,
  });
}

function readEnvironment(ctx: CfnContext, nodeId: string, globals: YAMLMap | undefined, own: YAMLMap | undefined): EnvVar[] {
  const byName = new Map<string, EnvVar>();
  for (const map of [globals, own]) {
    for (const pair of pairs(map, ctx.doc)) {
      const name = keyText(pair);
      if (!name) continue;
      const value = deref(ctx.doc, pair.value);
      const refs = resolveAll(value, ctx.template, reporter(ctx, nodeId))
        .map((r) => r.id)
        .filter((r): r is string => r !== undefined);
      byName.set(name, { name, value: textOf(value, ctx.template) ?? '', refs: [...new Set(refs)], span: { start: keySpan(pair).start, end: spanOf(pair.value, keySpan(pair).end).end } }); // the alias, not its anchor elsewhere
    }
  }
  return [...byName.values()];
}

/** The function a FunctionName / function ARN value names; follows AWS::Lambda::Alias and Version to their function. */
export function functionTarget(ctx: CfnContext, value: unknown, hops = 0): string | undefined {
  const ref = resolveAll(value, ctx.template)[0];
  if (!ref) return undefined;
  if (ref.id) {
    const entry = ctx.template.resource(ref.id);
    // An alias of a version of a function: two hops at most in a sound template; more means a cycle.
    if (entry && /AWS::Lambda::(Alias|Version)/.test(entry.type)) {
      return hops < 4 ? functionTarget(ctx, get(entry.properties, 'FunctionName', ctx.doc), hops + 1) : undefined;
    }
    return ref.id;
  }
  return ref.raw;
}
