// SAM `Policies`: managed policy names, policy templates (DynamoDBCrudPolicy {TableName} ...) and raw policy
// documents -> IamStatement[], so the function's writes and reads become edges like any other statement.
import type { Node as YamlNode } from 'yaml';
import type { IamStatement } from '../../model';
import { asMap, get, items, keyText, pairs, scalarText, spanOf, deref } from '../../parse/nodes';
import { type CfnContext, reporter } from '../cloudformation/context';
import { managedPolicyStatements, readPolicyDocument } from '../cloudformation/iam';
import { resolveAll } from '../cloudformation/references';
import { tableStreamId } from '../cloudformation/resources';

/** Template name -> the parameter naming the resource, and representative actions (decide write vs read). */
const POLICY_TEMPLATES: Readonly<Record<string, { param: string; actions: string[] }>> = {
  DynamoDBCrudPolicy: { param: 'TableName', actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchWriteItem'] },
  DynamoDBWritePolicy: { param: 'TableName', actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'] },
  DynamoDBReadPolicy: { param: 'TableName', actions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchGetItem'] },
  DynamoDBStreamReadPolicy: { param: 'TableName', actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'] },
  SQSSendMessagePolicy: { param: 'QueueName', actions: ['sqs:SendMessage'] },
  SQSPollerPolicy: { param: 'QueueName', actions: ['sqs:ReceiveMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility', 'sqs:DeleteMessage'] },
  S3CrudPolicy: { param: 'BucketName', actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'] },
  S3WritePolicy: { param: 'BucketName', actions: ['s3:PutObject', 's3:PutObjectAcl'] },
  S3ReadPolicy: { param: 'BucketName', actions: ['s3:GetObject', 's3:ListBucket'] },
  S3FullAccessPolicy: { param: 'BucketName', actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'] },
  SNSPublishMessagePolicy: { param: 'TopicName', actions: ['sns:Publish'] },
  SNSCrudPolicy: { param: 'TopicName', actions: ['sns:Publish', 'sns:Subscribe'] },
  KinesisCrudPolicy: { param: 'StreamName', actions: ['kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:GetRecords'] },
  KinesisStreamReadPolicy: { param: 'StreamName', actions: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream'] },
  FirehoseWritePolicy: { param: 'DeliveryStreamName', actions: ['firehose:PutRecord', 'firehose:PutRecordBatch'] },
  FirehoseCrudPolicy: { param: 'DeliveryStreamName', actions: ['firehose:PutRecord', 'firehose:PutRecordBatch', 'firehose:DescribeDeliveryStream'] },
  LambdaInvokePolicy: { param: 'FunctionName', actions: ['lambda:InvokeFunction'] },
  StepFunctionsExecutionPolicy: { param: 'StateMachineName', actions: ['states:StartExecution'] },
  EventBridgePutEventsPolicy: { param: 'EventBusName', actions: ['events:PutEvents'] },
};

export function readSamPolicies(ctx: CfnContext, policies: YamlNode | undefined, nodeId: string): IamStatement[] {
  const statements: IamStatement[] = [];
  for (const policy of items(policies, ctx.doc)) {
    const map = asMap(policy);
    if (!map) {
      statements.push(...managedPolicyStatements(ctx, policy, nodeId));
      continue;
    }
    if (get(map, 'Statement', ctx.doc)) {
      statements.push(...readPolicyDocument(ctx, map, nodeId));
      continue;
    }
    for (const pair of pairs(map, ctx.doc)) {
      const name = keyText(pair);
      const template = name ? POLICY_TEMPLATES[name] : undefined;
      if (!template) continue;
      const value = deref(ctx.doc, pair.value);
      const statement = templateStatement(ctx, get(asMap(value), template.param, ctx.doc), template.actions, spanOf(value), nodeId);
      // The stream read policy is about the table's stream (usually the function's own trigger), not the table.
      if (name === 'DynamoDBStreamReadPolicy') statement.resourceIds = statement.resourceIds.map(tableStreamId);
      statements.push(statement);
    }
  }
  return statements;
}

function templateStatement(ctx: CfnContext, nameValue: YamlNode | undefined, actions: string[], span: { start: number; end: number }, nodeId: string): IamStatement {
  const resourceIds: string[] = [];
  const rawResources: string[] = [];
  for (const ref of resolveAll(nameValue, ctx.template, reporter(ctx, nodeId))) {
    if (ref.id !== undefined) resourceIds.push(ref.id);
    else if (ref.raw !== undefined) rawResources.push(ref.raw);
  }
  if (nameValue === undefined) rawResources.push(scalarText(nameValue) ?? '*');
  return { effect: 'Allow', actions, resourceIds, rawResources, span };
}
