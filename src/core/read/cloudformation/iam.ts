// IAM policy documents -> IamStatement[]: what a function may do to which resources of the file. Used for the
// function's own statements (SAM Policies, serverless iamRoleStatements) and for the role it runs under.
import type { Node as YamlNode, YAMLMap } from 'yaml';
import type { IamStatement } from '../../model';
import { asMap, get, items, scalarText, spanOf } from '../../parse/nodes';
import { intrinsicOf } from '../../parse/intrinsics';
import { type CfnContext, reporter } from './context';
import { resolveAll } from './references';
import type { ResourceEntry } from './template';

/** Actions of the AWS managed policies a data pipeline usually attaches (their resources are always `*`). */
const MANAGED_POLICY_ACTIONS: Readonly<Record<string, string[]>> = {
  AWSLambdaKinesisExecutionRole: ['kinesis:DescribeStream', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListStreams'],
  AWSLambdaDynamoDBExecutionRole: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
  AWSLambdaSQSQueueExecutionRole: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
  AmazonDynamoDBFullAccess: ['dynamodb:*'],
  AmazonDynamoDBReadOnlyAccess: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'],
  AmazonS3FullAccess: ['s3:*'],
  AmazonS3ReadOnlyAccess: ['s3:Get*', 's3:List*'],
  AmazonSQSFullAccess: ['sqs:*'],
  AmazonSNSFullAccess: ['sns:*'],
  AmazonKinesisFullAccess: ['kinesis:*'],
  AmazonKinesisFirehoseFullAccess: ['firehose:*'],
};

/** Statements of a policy document (`{ Statement: [...] }`) or of a bare statement list. */
export function readPolicyDocument(ctx: CfnContext, document: YamlNode | undefined, nodeId?: string): IamStatement[] {
  const map = asMap(document);
  const statements = map && get(map, 'Statement', ctx.doc) ? get(map, 'Statement', ctx.doc) : document;
  return items(statements, ctx.doc).flatMap((s) => {
    const statement = asMap(s);
    return statement ? [readStatement(ctx, statement, nodeId)] : [];
  });
}

export function readStatement(ctx: CfnContext, statement: YAMLMap, nodeId?: string): IamStatement {
  const effect = scalarText(get(statement, 'Effect', ctx.doc)) === 'Deny' ? 'Deny' : 'Allow';
  const actions = items(get(statement, 'Action', ctx.doc), ctx.doc).map((a) => scalarText(a)).filter((a): a is string => !!a);
  const resourceIds: string[] = [];
  const rawResources: string[] = [];
  for (const resource of items(get(statement, 'Resource', ctx.doc), ctx.doc)) {
    for (const ref of resolveAll(resource, ctx.template, reporter(ctx, nodeId))) {
      if (ref.id !== undefined) resourceIds.push(ref.id);
      else if (ref.raw !== undefined) rawResources.push(ref.raw);
    }
  }
  return { effect, actions, resourceIds, rawResources, span: spanOf(statement) };
}

/** Statements the function's role grants: inline Policies, managed policies of the file, known AWS managed policies. */
export function roleStatements(ctx: CfnContext, roleValue: YamlNode | undefined, nodeId?: string): IamStatement[] {
  if (roleValue === undefined) return [];
  const roleId = resolveAll(roleValue, ctx.template)[0]?.id;
  const role = roleId ? ctx.template.resource(roleId) : undefined;
  if (!role || role.type !== 'AWS::IAM::Role') return [];
  const statements: IamStatement[] = [];
  for (const policy of items(get(role.properties, 'Policies', ctx.doc), ctx.doc)) {
    statements.push(...readPolicyDocument(ctx, get(asMap(policy), 'PolicyDocument', ctx.doc), nodeId));
  }
  for (const arn of items(get(role.properties, 'ManagedPolicyArns', ctx.doc), ctx.doc)) {
    statements.push(...managedPolicyStatements(ctx, arn, nodeId));
  }
  for (const attached of ctx.template.ofType('AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy')) {
    if (attachesTo(ctx, attached, role.logicalId)) {
      statements.push(...readPolicyDocument(ctx, get(attached.properties, 'PolicyDocument', ctx.doc), nodeId));
    }
  }
  return statements;
}

function attachesTo(ctx: CfnContext, policy: ResourceEntry, roleId: string): boolean {
  return items(get(policy.properties, 'Roles', ctx.doc), ctx.doc).some((r) => resolveAll(r, ctx.template)[0]?.id === roleId);
}

/** A ManagedPolicyArns entry: a managed policy of this file (its own statements are read with the role's
 * Policies, via `Roles`, or here via Ref) or a known AWS managed policy by name. */
export function managedPolicyStatements(ctx: CfnContext, arn: YamlNode, nodeId?: string): IamStatement[] {
  const ref = resolveAll(arn, ctx.template)[0];
  const local = ref?.id ? ctx.template.resource(ref.id) : undefined;
  if (local?.type === 'AWS::IAM::ManagedPolicy') {
    // Skip when it already lists the role under `Roles` (read there); otherwise read it here.
    const hasRoles = get(local.properties, 'Roles', ctx.doc) !== undefined;
    return hasRoles ? [] : readPolicyDocument(ctx, get(local.properties, 'PolicyDocument', ctx.doc), nodeId);
  }
  const text = intrinsicOf(arn, ctx.doc) ? ref?.raw : scalarText(arn);
  const name = text?.split('/').pop() ?? '';
  const actions = MANAGED_POLICY_ACTIONS[name];
  return actions ? [{ effect: 'Allow', actions, resourceIds: [], rawResources: ['*'], span: spanOf(arn) }] : [];
}

/** Actions that only read (Get/Query/Scan...). A statement with only these gives a `read` edge, else `write`. */
export function isReadOnlyAction(action: string): boolean {
  const verb = action.split(':')[1] ?? action;
  return /^(Get|BatchGet|Query|Scan|Describe|List|Receive|Subscribe|Head|Select)/.test(verb);
}
