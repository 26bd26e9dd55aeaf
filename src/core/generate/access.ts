// What a stage may do to what it writes or reads: IAM actions on the resource (least privilege), the SAM policy
// template that grants the same, and the environment variable that tells the handler where the resource is.
import type { Component } from './components';
import type { EnvironmentVariable, Grant } from './plan';
import { constantCase, kebab } from './names';
import { getAtt, ref, sub } from './yamlText';

interface Access {
  write?: string[];
  read?: string[];
  /** SAM policy templates for writing and reading, with the parameter that names the resource. */
  samWrite?: string;
  samRead?: string;
  param?: string;
  env: string;
}

const ACCESS: Readonly<Record<string, Access>> = {
  dynamodb: {
    write: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem'],
    read: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchGetItem'],
    samWrite: 'DynamoDBCrudPolicy', samRead: 'DynamoDBReadPolicy', param: 'TableName', env: 'TABLE',
  },
  s3: { write: ['s3:GetObject', 's3:PutObject'], read: ['s3:GetObject', 's3:ListBucket'], samWrite: 'S3CrudPolicy', samRead: 'S3ReadPolicy', param: 'BucketName', env: 'BUCKET' },
  sqs: { write: ['sqs:SendMessage'], samWrite: 'SQSSendMessagePolicy', param: 'QueueName', env: 'QUEUE_URL' },
  sns: { write: ['sns:Publish'], samWrite: 'SNSPublishMessagePolicy', param: 'TopicName', env: 'TOPIC_ARN' },
  kinesis: { write: ['kinesis:PutRecord', 'kinesis:PutRecords'], read: ['kinesis:DescribeStream', 'kinesis:GetRecords', 'kinesis:GetShardIterator'], samWrite: 'KinesisCrudPolicy', samRead: 'KinesisStreamReadPolicy', param: 'StreamName', env: 'STREAM' },
  eventbridge: { write: ['events:PutEvents'], samWrite: 'EventBridgePutEventsPolicy', param: 'EventBusName', env: 'EVENT_BUS' },
  firehose: { write: ['firehose:PutRecord', 'firehose:PutRecordBatch'], samWrite: 'FirehoseWritePolicy', param: 'DeliveryStreamName', env: 'DELIVERY_STREAM' },
  rds: { write: ['rds-data:ExecuteStatement', 'rds-data:BatchExecuteStatement'], read: ['rds-data:ExecuteStatement'], env: 'DATABASE_ARN' },
  aurora: { write: ['rds-data:ExecuteStatement', 'rds-data:BatchExecuteStatement'], read: ['rds-data:ExecuteStatement'], env: 'DATABASE_ARN' },
  opensearch: { write: ['es:ESHttpGet', 'es:ESHttpPost', 'es:ESHttpPut'], read: ['es:ESHttpGet', 'es:ESHttpPost'], env: 'SEARCH_DOMAIN' },
  timestream: { write: ['timestream:WriteRecords'], read: ['timestream:Select'], env: 'TIMESTREAM_DATABASE' },
  redshift: { write: ['redshift-data:ExecuteStatement'], read: ['redshift-data:ExecuteStatement'], env: 'REDSHIFT_CLUSTER' },
  elasticache: { env: 'CACHE' },
  memorydb: { env: 'CACHE' },
  documentdb: { env: 'DATABASE' },
  external: { env: 'NAME' },
};

/** The grant a stage needs on a component, or undefined when IAM does not govern the access (caches, externals). */
export function grantFor(component: Component, writes: boolean): Grant | undefined {
  const access = ACCESS[component.type];
  const actions = writes ? access?.write : access?.read ?? access?.write;
  if (!access || !actions || !component.arn) return undefined;
  const resources = component.type === 's3' ? [component.arn, sub(`\${${component.logicalId}.Arn}/*`)] : [component.arn];
  const template = writes ? access.samWrite : access.samRead ?? access.samWrite;
  return { actions, resources, samTemplate: template && access.param ? { name: template, param: access.param, value: templateValue(component) } : undefined };
}

/** SAM policy templates take names, not ARNs. */
function templateValue(component: Component) {
  const id = component.logicalId;
  if (!id) return kebab(component.node.id);
  if (component.type === 'sqs') return getAtt(id, 'QueueName');
  if (component.type === 'sns') return getAtt(id, 'TopicName');
  return ref(id);
}

/** `SESSIONS_TABLE: !Ref SessionsTable`; the suffix is left out when the id already ends with it. */
export function environmentFor(component: Component): EnvironmentVariable {
  const suffix = ACCESS[component.type]?.env ?? 'NAME';
  const base = constantCase(component.node.id);
  const name = base.endsWith(suffix) || base.endsWith(suffix.split('_')[0]) ? base : `${base}_${suffix}`;
  const value = component.logicalId ? ref(component.logicalId) : component.arn ?? kebab(component.node.id);
  return { name, value };
}
