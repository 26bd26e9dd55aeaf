// Functions under `functions:` (a mapping, or a list of mappings / includes): one `function` node each, with the
// provider defaults applied, then what it reaches (environment, IAM, destinations) once every node exists.
import { isMap, isSeq, Scalar } from 'yaml';
import type { FunctionFacts, PipelineNode } from '../../model';
import type { ServerlessContext } from './context';
import { boolOf, textOf, type Entry, type View } from '../../resolve/view';
import { architectureOf, DEFAULT_EPHEMERAL_MB, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S, numberSetting, type ProviderDefaults } from './provider';
import { mergeEnvironment, readEnvironment, readStatement } from './access';
import { located, readAsyncConfig } from './destinations';
import { roleStatements } from '../cloudformation/iam';

/** Function entries in source order; a list form merges its mappings (later keys win, as Serverless does). */
export function functionEntries(context: ServerlessContext, functions: View | undefined): Entry[] {
  if (!functions) return [];
  if (functions.unresolved.length > 0) {
    context.unresolved(functions, 'functions');
    return [];
  }
  const blocks = isSeq(functions.node) ? context.resolver.items(functions) : [functions];
  const byKey = new Map<string, Entry>();
  for (const block of blocks) {
    if (block.unresolved.length > 0) context.unresolved(block, 'An included functions file');
    for (const entry of context.resolver.entries(block)) {
      // A function is a mapping (or still empty while being typed); a scalar or list there is not one.
      if (isMap(entry.value.node) || entry.value.text === undefined && !isSeq(entry.value.node)) byKey.set(entry.key, entry);
    }
  }
  return [...byKey.values()];
}

export function addFunctionNode(context: ServerlessContext, entry: Entry, provider: ProviderDefaults): PipelineNode {
  const { resolver } = context;
  const fn = entry.value;
  const key = entry.key;
  if (fn.unresolved.length > 0) context.unresolved(fn, `The definition of ${key}`, key);
  const get = (name: string) => resolver.get(fn, name);
  const facts: FunctionFacts = {
    name: textOf(get('name')) ?? `${context.service}-${context.stage}-${key}`,
    handler: textOf(get('handler')) ?? (get('image') ? 'container image' : undefined),
    runtime: textOf(get('runtime')) ?? provider.runtime,
    memoryMb: numberSetting(context, get('memorySize') ?? provider.memory, DEFAULT_MEMORY_MB, `The memorySize of ${key}`, key),
    timeoutS: numberSetting(context, get('timeout') ?? provider.timeout, DEFAULT_TIMEOUT_S, `The timeout of ${key}`, key),
    architecture: architectureOf(get('architecture') ?? provider.architecture),
    architectureDeclared: (get('architecture') ?? provider.architecture) !== undefined,
    ephemeralStorageMb: numberSetting(context, get('ephemeralStorageSize'), DEFAULT_EPHEMERAL_MB, `The ephemeralStorageSize of ${key}`, key),
    reservedConcurrency: located(reported(context, get('reservedConcurrency'), `The reservedConcurrency of ${key}`, key)),
    environment: [],
    iamStatements: [],
    async: {},
    propertiesSpan: isMap(fn.node) ? fn.span : undefined,
  };
  if (!facts.handler) delete facts.handler;
  if (!facts.runtime) delete facts.runtime;
  if (!facts.reservedConcurrency) delete facts.reservedConcurrency;
  context.functionKeys.add(key);
  context.functionNames.set(facts.name, key);
  return context.builder.addNode({
    id: key,
    kind: 'function',
    label: key,
    span: entry.keySpan,
    blockSpan: fn.span,
    defined: true,
    resourceType: 'AWS::Lambda::Function',
    fn: facts,
  });
}

/** Passes a value through, telling the user when it stays unresolved (it caps concurrency, so it matters). */
function reported(context: ServerlessContext, view: View | undefined, what: string, node: string): View | undefined {
  if (view && view.unresolved.length > 0) context.unresolved(view, what, node);
  return view;
}

/** Environment, IAM statements and destinations (their edges are drawn by completeModel). */
export function readFunctionLinks(context: ServerlessContext, entry: Entry, provider: ProviderDefaults, node: PipelineNode): void {
  const { resolver } = context;
  const fn = entry.value;
  const facts = node.fn as FunctionFacts;
  const providerEnv = readEnvironment(context, provider.environment);
  facts.environment = mergeEnvironment(providerEnv, readEnvironment(context, resolver.entries(resolver.get(fn, 'environment'))));
  const own = resolver.items(resolver.get(fn, 'iamRoleStatements')).map((s) => readStatement(context, s));
  const shared = inheritsProviderRole(context, fn, own.length > 0) ? provider.iamStatements.map((s) => readStatement(context, s)) : [];
  facts.iamStatements = [...own, ...shared, ...ownRoleStatements(context, resolver.get(fn, 'role'), entry.key)];
  facts.async = readAsyncConfig(context, entry.key, fn);
}

/** Per-function statements (serverless-iam-roles-per-function) replace the provider's unless they inherit them. */
function inheritsProviderRole(context: ServerlessContext, fn: View, hasOwn: boolean): boolean {
  const { resolver } = context;
  if (resolver.get(fn, 'role')) return false;
  if (!hasOwn) return true;
  const inherit = boolOf(resolver.get(fn, 'iamRoleStatementsInherit'));
  const pluginDefault = boolOf(resolver.getIn(resolver.root(), ['custom', 'serverless-iam-roles-per-function', 'defaultInherit']));
  return inherit ?? pluginDefault ?? false;
}

/**
 * `role: SessionizeRole` (a logical id under resources.Resources, or `!GetAtt SessionizeRole.Arn`): what that role's
 * policies allow is what the function may do. Roles outside the file (ARN strings) stay unknown.
 */
function ownRoleStatements(context: ServerlessContext, role: View | undefined, key: string) {
  if (!role) return [];
  const template = context.templateFor(role.doc);
  const text = textOf(role);
  let value = role.node;
  if (text !== undefined && template.resource(text)?.type === 'AWS::IAM::Role') {
    value = new Scalar(text);
    (value as Scalar).tag = '!Ref';
  }
  return roleStatements({ builder: context.builder, template, doc: role.doc }, value as never, key);
}
