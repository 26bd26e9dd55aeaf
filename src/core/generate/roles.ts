// A function's own IAM role for the serverless target: logs, polling its triggers, its destinations, and the grants
// for what its stage reads and writes, each statement scoped to its resources.
import { lambdaLogicalId } from '../read/serverless/naming';
import type { CfnResource, PlannedFunction } from './plan';
import { getAtt, sub, type YamlValue } from './yamlText';

const POLL_ACTIONS: Readonly<Record<'kinesis' | 'dynamodb' | 'sqs', string[]>> = {
  kinesis: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards', 'kinesis:ListStreams'],
  dynamodb: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
  sqs: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'],
};

export function functionRole(fn: PlannedFunction, service: string): CfnResource {
  const statements: YamlValue[] = [];
  const allow = (actions: string[], resource: YamlValue) => statements.push({ Effect: 'Allow', Action: actions, Resource: resource });
  for (const trigger of fn.triggers) {
    if (trigger.kind === 'stream') allow(POLL_ACTIONS[trigger.source], getAtt(trigger.resource, trigger.source === 'kinesis' ? 'Arn' : 'StreamArn'));
    if (trigger.kind === 'sqs') allow(POLL_ACTIONS.sqs, getAtt(trigger.queue, 'Arn'));
  }
  for (const grant of fn.grants) {
    const resources = grant.resources.map((r) => ('function' in r ? getAtt(lambdaLogicalId(r.function), 'Arn') : r));
    allow(grant.actions, resources.length === 1 ? resources[0] : resources);
  }
  for (const target of [fn.async.onSuccess, fn.async.onFailure]) {
    if (target?.type === 'function') allow(['lambda:InvokeFunction'], getAtt(lambdaLogicalId(target.id), 'Arn'));
  }
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      ManagedPolicyArns: [sub('arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')],
      Policies: statements.length > 0 ? [{ PolicyName: `${service}-${fn.key}`, PolicyDocument: { Version: '2012-10-17', Statement: statements } }] : undefined,
    },
  };
}
