// What one file offers to the workspace (names of what it defines, its stack name, Outputs, exports, SSM
// parameters) and what it asks of others (imports, `${cf:}`, `${ssm:}`, ARNs and names of things it does not define).
import type { Analysis } from '../analyze';
import type { NodeKind, PipelineModel, Span } from '../model';
import { Resolver } from '../resolve/resolver';
import type { View } from '../resolve/view';
import { PHYSICAL_NAME_KEYS } from '../read/cloudformation/template';
import { tableStreamId } from '../read/cloudformation/resources';
import { lambdaLogicalId } from '../read/serverless/naming';
import { patternOf, usesDeployStage, type NamePattern } from './patterns';
import { classifyReference, JOINABLE_KINDS, type ReferenceKey } from './references';
import { valueTarget, valueText, type ValueContext } from './templateValues';

export interface Definition {
  nodeId: string;
  kind: NodeKind;
  names: NamePattern[];
}

export interface NamedValue {
  name: NamePattern;
  nodeId: string;
}

export interface ReferenceUse {
  /** The text as written (an external node's id, an environment value, an IAM resource). */
  raw: string;
  key: ReferenceKey;
  /** The external node of this file that stands for it, when the reader made one. */
  nodeId?: string;
  span: Span;
}

export interface FileIndex {
  path: string;
  /** Names the deployed stack can have (serverless `${service}-${stage}`, CDK/SAM names when given). */
  stacks: NamePattern[];
  /** True when the stack name depends on `--stage` given at deploy time. */
  stageFromDeploy: boolean;
  definitions: Definition[];
  outputs: { output: string; nodeId: string }[];
  exports: NamedValue[];
  ssm: NamedValue[];
  references: ReferenceUse[];
}

export interface IndexOptions {
  /** The stack name when the deployment says (CDK manifest, samconfig). */
  stackName?: string;
  /** The stage to assume for `${opt:stage}` with no default; unset: any stage. */
  stage?: string;
  readFile?: (path: string) => string | undefined;
}

/** Model node id for a logical id (serverless functions are `<Name>LambdaFunction` in the template). */
function nodeIdResolver(model: PipelineModel): (logicalId: string, attribute?: string) => string | undefined {
  const ids = new Set(model.nodes.map((n) => n.id));
  const lambdas = new Map<string, string>();
  if (model.format === 'serverless') for (const n of model.nodes) if (n.kind === 'function') lambdas.set(lambdaLogicalId(n.id), n.id);
  return (logicalId, attribute) => {
    if (attribute === 'StreamArn' && ids.has(tableStreamId(logicalId))) return tableStreamId(logicalId);
    if (ids.has(logicalId)) return logicalId;
    return lambdas.get(logicalId);
  };
}

export function indexFile(path: string, analysis: Analysis, options: IndexOptions = {}): FileIndex {
  const model = analysis.model;
  const resolver = new Resolver({ doc: analysis.parsed.doc, path, readFile: options.readFile });
  const root = resolver.root();
  const serverless = model.format === 'serverless';
  const block = serverless ? resolver.get(root, 'resources') : root;
  let stageFromDeploy = false;
  let stackName = options.stackName;
  if (serverless && !stackName) {
    const stage = resolver.getIn(root, ['provider', 'stage']);
    const written = stage?.text ?? '${opt:stage}';
    stageFromDeploy = !stage || usesDeployStage(written) || stage.unresolved.length > 0;
    stackName = `${model.name ?? 'service'}-${stageFromDeploy ? (options.stage ?? '${opt:stage}') : written}`;
  }
  const parameters = new Map<string, string>();
  for (const entry of resolver.entries(resolver.get(block, 'Parameters'))) {
    const value = resolver.get(entry.value, 'Default')?.text;
    if (value !== undefined) parameters.set(entry.key, value);
  }
  const ctx: ValueContext = { resolver, stackName, parameters };
  const nodeOf = nodeIdResolver(model);
  const index: FileIndex = {
    path,
    stacks: stackName ? [patternOf(stackName, options.stage)] : [],
    stageFromDeploy,
    definitions: [],
    outputs: [],
    exports: [],
    ssm: [],
    references: [],
  };
  readResources(index, ctx, resolver.get(block, 'Resources'), nodeOf, options.stage);
  readOutputs(index, ctx, resolver.get(block, 'Outputs'), nodeOf, options.stage);
  addModelNames(index, model, options.stage);
  index.references = modelReferences(model, options.stage);
  return index;
}

function readResources(index: FileIndex, ctx: ValueContext, resources: View | undefined, nodeOf: ReturnType<typeof nodeIdResolver>, stage?: string): void {
  for (const entry of ctx.resolver.entries(resources)) {
    const type = ctx.resolver.get(entry.value, 'Type')?.text ?? '';
    const properties = ctx.resolver.get(entry.value, 'Properties');
    if (type === 'AWS::SSM::Parameter') {
      const name = valueText(ctx, ctx.resolver.get(properties, 'Name'));
      const target = valueTarget(ctx, ctx.resolver.get(properties, 'Value'));
      const nodeId = target && nodeOf(target.id, target.attribute);
      if (name && nodeId) index.ssm.push({ name: patternOf(name, stage), nodeId });
      continue;
    }
    const nameKey = PHYSICAL_NAME_KEYS[type];
    const nodeId = nodeOf(entry.key);
    if (!nameKey || !nodeId) continue;
    const name = valueText(ctx, ctx.resolver.get(properties, nameKey));
    if (!name) continue;
    addName(index, nodeId, patternOf(name, stage));
  }
}

function readOutputs(index: FileIndex, ctx: ValueContext, outputs: View | undefined, nodeOf: ReturnType<typeof nodeIdResolver>, stage?: string): void {
  for (const entry of ctx.resolver.entries(outputs)) {
    const target = valueTarget(ctx, ctx.resolver.get(entry.value, 'Value'));
    const nodeId = target && nodeOf(target.id, target.attribute);
    if (!nodeId) continue;
    index.outputs.push({ output: entry.key, nodeId });
    const exportName = valueText(ctx, ctx.resolver.getIn(entry.value, ['Export', 'Name']));
    if (exportName) index.exports.push({ name: patternOf(exportName, stage), nodeId });
  }
}

/** Names the model itself knows: deployed function names, and a table's stream by its table's name. */
function addModelNames(index: FileIndex, model: PipelineModel, stage?: string): void {
  for (const node of model.nodes) {
    if (node.kind === 'function' && node.fn && node.defined && node.fn.name !== node.id) addName(index, node.id, patternOf(node.fn.name, stage));
  }
  const kinds = new Map(model.nodes.map((n) => [n.id, n.kind]));
  for (const def of [...index.definitions]) {
    const streamId = tableStreamId(def.nodeId);
    if (kinds.get(def.nodeId) === 'table' && kinds.get(streamId) === 'table-stream') {
      index.definitions.push({ nodeId: streamId, kind: 'table-stream', names: def.names });
    }
  }
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  index.definitions = index.definitions.filter((d) => {
    const node = byId.get(d.nodeId);
    if (!node || !node.defined) return false;
    d.kind = node.kind;
    return true;
  });
}

function addName(index: FileIndex, nodeId: string, name: NamePattern): void {
  const known = index.definitions.find((d) => d.nodeId === nodeId);
  if (known) known.names.push(name);
  else index.definitions.push({ nodeId, kind: 'external', names: [name] });
}

/** What the file refers to outside itself: external nodes, and environment values / IAM resources it cannot resolve. */
function modelReferences(model: PipelineModel, stage?: string): ReferenceUse[] {
  const out: ReferenceUse[] = [];
  const seen = new Set<string>();
  const add = (raw: string, span: Span, kindHint?: NodeKind, nodeId?: string) => {
    if (seen.has(raw)) return;
    const key = classifyReference(raw, kindHint, stage);
    if (!key) return;
    seen.add(raw);
    out.push({ raw, key, nodeId, span });
  };
  for (const node of model.nodes) {
    if (!node.defined && (JOINABLE_KINDS.has(node.kind) || node.kind === 'external')) add(node.id, node.span, node.kind, node.id);
  }
  for (const node of model.nodes) {
    for (const env of node.fn?.environment ?? []) if (env.refs.length === 0) add(env.value, env.span);
    for (const statement of node.fn?.iamStatements ?? []) for (const raw of statement.rawResources) add(raw, statement.span);
  }
  return out;
}
