// The vocabulary of a *.pipeline.yaml: which node kind and trigger behaviour each declared `type` stands for.
// schemas/pipeline.schema.json lists the same types (a test keeps the two in step).
import type { NodeKind, TriggerSource } from '../../model';

export interface ComponentType {
  kind: NodeKind;
  /** How a stage reading from it is invoked (absent: it cannot trigger a stage, e.g. a table). */
  source?: TriggerSource;
  /** CloudFormation type it stands for, shown on hover. */
  resourceType?: string;
}

export const COMPONENT_TYPES: Readonly<Record<string, ComponentType>> = {
  kinesis: { kind: 'stream', source: 'kinesis', resourceType: 'AWS::Kinesis::Stream' },
  'dynamodb-stream': { kind: 'table-stream', source: 'dynamodb' },
  sqs: { kind: 'queue', source: 'sqs', resourceType: 'AWS::SQS::Queue' },
  sns: { kind: 'topic', source: 'sns', resourceType: 'AWS::SNS::Topic' },
  s3: { kind: 'bucket', source: 's3', resourceType: 'AWS::S3::Bucket' },
  eventbridge: { kind: 'event-bus', source: 'eventbridge', resourceType: 'AWS::Events::EventBus' },
  schedule: { kind: 'schedule', source: 'schedule', resourceType: 'AWS::Scheduler::Schedule' },
  api: { kind: 'api', source: 'api', resourceType: 'AWS::ApiGateway::RestApi' },
  iot: { kind: 'external', source: 'iot' },
  kafka: { kind: 'external', source: 'kafka', resourceType: 'AWS::MSK::Cluster' },
  mq: { kind: 'external', source: 'mq', resourceType: 'AWS::AmazonMQ::Broker' },
  dynamodb: { kind: 'table', resourceType: 'AWS::DynamoDB::Table' },
  firehose: { kind: 'store', resourceType: 'AWS::KinesisFirehose::DeliveryStream' },
  rds: { kind: 'store', resourceType: 'AWS::RDS::DBCluster' },
  aurora: { kind: 'store', resourceType: 'AWS::RDS::DBCluster' },
  elasticache: { kind: 'store', resourceType: 'AWS::ElastiCache::ReplicationGroup' },
  memorydb: { kind: 'store', resourceType: 'AWS::MemoryDB::Cluster' },
  documentdb: { kind: 'store', resourceType: 'AWS::DocDB::DBCluster' },
  opensearch: { kind: 'store', resourceType: 'AWS::OpenSearchService::Domain' },
  timestream: { kind: 'store', resourceType: 'AWS::Timestream::Table' },
  redshift: { kind: 'store', resourceType: 'AWS::Redshift::Cluster' },
  external: { kind: 'external' },
};

export const SECTIONS = ['sources', 'stores', 'sinks'] as const;
