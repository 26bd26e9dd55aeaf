// add-state-table (stateful-without-store): a DynamoDB table (on-demand, with a TTL attribute so old state expires)
// for a stateful step, its name in an environment variable and read/write permission for the function.
// Serverless: provider IAM statements; SAM: a DynamoDBCrudPolicy. Plain CloudFormation roles are not edited.
import { isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { getAtt, insertAtPath, insertItems, insertPairs, insertResources, mapAtPath, ownPair, ref, type YamlMapping } from '../edit';
import type { TextEdit } from '../findings';
import { findingNode, freshIds, idPrefix, resourceMap, type FixContext, type FixDefinition } from './context';

const STATE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query'];

export function stateTable(): YamlMapping {
  return {
    Type: 'AWS::DynamoDB::Table',
    Properties: {
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    },
  };
}

/** An environment variable name the function does not use yet. */
function envName(ctx: FixContext): string {
  const used = new Set(findingNode(ctx)?.fn?.environment.map((e) => e.name) ?? []);
  for (let n = 1; ; n++) {
    const name = n === 1 ? 'STATE_TABLE' : `STATE_TABLE_${n}`;
    if (!used.has(name)) return name;
  }
}

/** Adds `entries` to a mapping at `path` under `map`, declining when the path holds something else. */
function addUnder(ctx: FixContext, map: YAMLMap, path: string[], entries: YamlMapping): TextEdit[] | undefined {
  return insertAtPath(ctx.edit, map, path, entries);
}

function appendTo(ctx: FixContext, parent: YAMLMap, key: string, items: YamlMapping[]): TextEdit[] | undefined {
  const value = ownPair(parent, key)?.value;
  if (value === undefined) return insertPairs(ctx.edit, parent, { [key]: items });
  return isSeq(value) ? insertItems(ctx.edit, value as YAMLSeq, items) : undefined;
}

function serverlessEdits(ctx: FixContext, fnId: string, tableId: string, variable: string): TextEdit[] | undefined {
  const root = ctx.edit.doc.contents as YAMLMap;
  const fn = mapAtPath(root, ['functions', fnId]);
  const provider = mapAtPath(root, ['provider']);
  if (!fn || fn.flow || !provider || provider.flow) return undefined;
  const env = addUnder(ctx, fn, ['environment'], { [variable]: ref(tableId) });
  const statement: YamlMapping = { Effect: 'Allow', Action: STATE_ACTIONS, Resource: getAtt(tableId, 'Arn') };
  let iam: TextEdit[] | undefined;
  const legacy = ownPair(provider, 'iamRoleStatements')?.value;
  const role = ownPair(mapAtPath(provider, ['iam']), 'role')?.value;
  if (legacy !== undefined) iam = isSeq(legacy) ? insertItems(ctx.edit, legacy as YAMLSeq, [statement]) : undefined;
  else if (role !== undefined && !isMap(role)) iam = undefined; // a role of the user's own: not ours to edit
  else if (isMap(role)) iam = appendTo(ctx, role, 'statements', [statement]);
  else iam = insertAtPath(ctx.edit, provider, ['iam', 'role'], { statements: [statement] });
  return env && iam ? [...env, ...iam] : undefined;
}

function samEdits(ctx: FixContext, fnId: string, tableId: string, variable: string): TextEdit[] | undefined {
  const resource = resourceMap(ctx, fnId);
  const props = resource ? mapAtPath(resource, ['Properties']) : undefined;
  if (!props || (props.flow && !ctx.edit.json) || ownPair(props, 'Role')) return undefined;
  const env = addUnder(ctx, props, ['Environment', 'Variables'], { [variable]: ref(tableId) });
  const policy = appendTo(ctx, props, 'Policies', [{ DynamoDBCrudPolicy: { TableName: ref(tableId) } }]);
  return env && policy ? [...env, ...policy] : undefined;
}

function build(ctx: FixContext): TextEdit[] | undefined {
  const fn = findingNode(ctx);
  if (!fn?.fn) return undefined;
  const [tableId] = freshIds(ctx, [`${idPrefix(fn.id)}StateTable`]);
  const variable = envName(ctx);
  const wiring =
    ctx.analysis.format === 'serverless' ? serverlessEdits(ctx, fn.id, tableId, variable)
    : ctx.analysis.format === 'sam' ? samEdits(ctx, fn.id, tableId, variable)
    : undefined;
  const table = wiring && insertResources(ctx.edit, ctx.serverless, { [tableId]: stateTable() });
  return wiring && table ? [...wiring, ...table] : undefined;
}

export const addStateTable: FixDefinition = {
  id: 'add-state-table',
  rules: ['stateful-without-store'],
  preferred: true,
  title: (ctx) => (build(ctx) ? `Add a DynamoDB table (on-demand) for ${findingNode(ctx)?.label}'s state, with its name in an environment variable` : undefined),
  edits: build,
};
