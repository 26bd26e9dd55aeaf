// Sources, stores and sinks of the design -> CloudFormation resources (queues with their DLQs, tables, streams,
// topics, buckets, event buses). Stores AWS cannot make from a sketch alone (Firehose, databases, caches) stay
// outside the file: they are named by ARN so grants and environment still point at them.
import type { PipelineModel, PipelineNode } from '../model';
import { edgesFrom, edgesInto } from '../model';
import type { CfnResource } from './plan';
import { getAtt, ref, sub, type Intrinsic } from './yamlText';
import { kebab, type LogicalIds } from './names';

/** How the rest of the plan refers to one design component. */
export interface Component {
  node: PipelineNode;
  /** Design type name: kinesis, dynamodb, sqs, firehose, ... */
  type: string;
  /** Logical id of its resource in the generated file, when it has one. */
  logicalId?: string;
  arn?: Intrinsic;
}

/** Resource name suffixes, and the design type each node stands for. */
const SUFFIX: Readonly<Record<string, string>> = { stream: 'Stream', queue: 'Queue', topic: 'Topic', bucket: 'Bucket', table: 'Table', 'event-bus': 'Bus' };
const TYPE_BY_RESOURCE: Readonly<Record<string, string>> = {
  'AWS::KinesisFirehose::DeliveryStream': 'firehose',
  'AWS::RDS::DBCluster': 'rds',
  'AWS::ElastiCache::ReplicationGroup': 'elasticache',
  'AWS::MemoryDB::Cluster': 'memorydb',
  'AWS::DocDB::DBCluster': 'documentdb',
  'AWS::OpenSearchService::Domain': 'opensearch',
  'AWS::Timestream::Table': 'timestream',
  'AWS::Redshift::Cluster': 'redshift',
  'AWS::MSK::Cluster': 'kafka',
  'AWS::AmazonMQ::Broker': 'mq',
};

/** ARNs of stores kept outside the file, built from the design id (the user replaces the name if it differs). */
const OUTSIDE_ARN: Readonly<Record<string, string>> = {
  firehose: 'firehose:${AWS::Region}:${AWS::AccountId}:deliverystream/NAME',
  rds: 'rds:${AWS::Region}:${AWS::AccountId}:cluster:NAME',
  opensearch: 'es:${AWS::Region}:${AWS::AccountId}:domain/NAME',
  timestream: 'timestream:${AWS::Region}:${AWS::AccountId}:database/NAME',
  redshift: 'redshift:${AWS::Region}:${AWS::AccountId}:cluster:NAME',
};

export function typeOf(node: PipelineNode): string {
  switch (node.kind) {
    case 'stream': return 'kinesis';
    case 'table-stream': return 'dynamodb-stream';
    case 'queue': return 'sqs';
    case 'topic': return 'sns';
    case 'bucket': return 's3';
    case 'table': return 'dynamodb';
    case 'event-bus': return 'eventbridge';
    case 'schedule': return 'schedule';
    case 'api': return 'api';
    default: return TYPE_BY_RESOURCE[node.resourceType ?? ''] ?? 'external';
  }
}

export interface ComponentPlan {
  components: Map<string, Component>;
  resources: Array<[string, CfnResource]>;
  sourceAnnotations: Array<[string, Record<string, number>]>;
}

/** Every non-function node of the design, in design order; DLQs are emitted right after their queue. */
export function planComponents(model: PipelineModel, ids: LogicalIds, service: string, visibility: (queueId: string) => number | undefined): ComponentPlan {
  const components = new Map<string, Component>();
  const resources: Array<[string, CfnResource]> = [];
  const sourceAnnotations: Array<[string, Record<string, number>]> = [];
  const nodes = model.nodes.filter((n) => n.kind !== 'function' && n.defined);
  // Logical ids first, so a queue can name its DLQ and a stream its table whatever the order.
  for (const node of nodes) {
    const type = typeOf(node);
    const suffix = SUFFIX[node.kind];
    const logicalId = suffix ? ids.take(node.id, suffix) : undefined;
    const outside = OUTSIDE_ARN[type];
    const arn = logicalId ? (node.kind === 'topic' ? ref(logicalId) : getAtt(logicalId, 'Arn')) : outside ? sub(`arn:\${AWS::Partition}:${outside.replace('NAME', kebab(node.id))}`) : undefined;
    components.set(node.id, { node, type, logicalId, arn });
  }
  for (const node of nodes) {
    const component = components.get(node.id)!;
    if (node.kind === 'table-stream') {
      const table = tableOfStream(model, components, node);
      component.logicalId = table?.logicalId ?? ids.take(node.id, 'Table');
      component.arn = getAtt(component.logicalId, 'StreamArn');
      if (!table) resources.push([component.logicalId, tableResource(undefined, true)]);
      const shards = node.annotation?.shards?.value;
      if (shards) sourceAnnotations.push([component.logicalId, { shards }]);
      continue;
    }
    if (!component.logicalId) continue;
    if (node.kind === 'table') {
      const streamed = edgesFrom(model, node.id, 'notify').some((e) => components.get(e.to)?.node.kind === 'table-stream');
      resources.push([component.logicalId, tableResource(node, streamed)]);
    } else if (node.kind === 'queue') {
      resources.push([component.logicalId, queueResource(node, components, visibility(node.id))]);
    } else if (node.kind === 'stream') {
      const shards = node.stream?.shards?.value;
      const onDemand = node.stream?.mode === 'on-demand' || !shards;
      resources.push([component.logicalId, { Type: 'AWS::Kinesis::Stream', Properties: onDemand ? { StreamModeDetails: { StreamMode: 'ON_DEMAND' } } : { ShardCount: shards } }]);
      if (shards && !onDemand) sourceAnnotations.push([component.logicalId, { shards }]);
    } else if (node.kind === 'topic') {
      resources.push([component.logicalId, { Type: 'AWS::SNS::Topic' }]);
    } else if (node.kind === 'bucket') {
      resources.push([component.logicalId, { Type: 'AWS::S3::Bucket', Properties: { BucketName: bucketName(service, node.id) } }]);
    } else if (node.kind === 'event-bus') {
      resources.push([component.logicalId, { Type: 'AWS::Events::EventBus', Properties: { Name: `${kebab(service)}-${kebab(node.id)}` } }]);
    }
  }
  return { components, resources, sourceAnnotations };
}

/**
 * Buckets need a name the buffer queue's policy can name without a circular reference to the bucket. Bucket names
 * have at most 63 characters: the account id (12) and the longest region (14) with their hyphens leave 35.
 */
export function bucketPrefix(service: string, id: string): string {
  return `${kebab(service)}-${kebab(id)}`.slice(0, 35).replace(/-+$/, '');
}

export function bucketName(service: string, id: string): Intrinsic {
  return sub(`${bucketPrefix(service, id)}-\${AWS::AccountId}-\${AWS::Region}`);
}

function tableOfStream(model: PipelineModel, components: Map<string, Component>, stream: PipelineNode): Component | undefined {
  const edge = edgesInto(model, stream.id, 'notify')[0];
  const table = edge ? components.get(edge.from) : undefined;
  return table?.node.kind === 'table' ? table : undefined;
}

function tableResource(node: PipelineNode | undefined, streamed: boolean): CfnResource {
  const provisioned = node?.table?.billingMode === 'PROVISIONED';
  return {
    Type: 'AWS::DynamoDB::Table',
    Properties: {
      BillingMode: provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST',
      ProvisionedThroughput: provisioned ? { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } : undefined,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      StreamSpecification: streamed ? { StreamViewType: 'NEW_AND_OLD_IMAGES' } : undefined,
    },
  };
}

function queueResource(node: PipelineNode, components: Map<string, Component>, visibilityS: number | undefined): CfnResource {
  const queue = node.queue;
  const dlq = queue?.redrive?.target ? components.get(queue.redrive.target)?.logicalId : undefined;
  const isDeadLetter = (queue?.deadLetterFor.length ?? 0) > 0;
  return {
    Type: 'AWS::SQS::Queue',
    Properties: {
      FifoQueue: queue?.fifo ? true : undefined,
      VisibilityTimeout: queue?.visibilityTimeoutS?.value ?? visibilityS,
      MessageRetentionPeriod: isDeadLetter ? 1209600 : undefined,
      RedrivePolicy: dlq ? { deadLetterTargetArn: getAtt(dlq, 'Arn'), maxReceiveCount: queue?.redrive?.maxReceiveCount ?? 5 } : undefined,
    },
  };
}

/** The Ref value of a component (name or URL), for environment variables. */
export function refOf(component: Component): Intrinsic | undefined {
  return component.logicalId ? ref(component.logicalId) : undefined;
}
