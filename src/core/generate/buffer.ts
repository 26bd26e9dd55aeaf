// The fix the rules recommend for asynchronous sources, built in from the start: S3, SNS and EventBridge deliver
// to an SQS buffer queue (with a DLQ and a policy letting the service send) that the stage polls, so a failed
// event waits in the queue and then the DLQ instead of being dropped after Lambda's 2 async retries.
import { bucketPrefix, type Component } from './components';
import type { StageContext } from './stages';
import type { CfnResource, PlannedFunction } from './plan';
import { getAtt, ref, sub, type YamlValue } from './yamlText';
import { kebab } from './names';

export interface BufferPlan {
  queue: string;
  /** Logical id of its dead-letter queue. */
  deadLetter: string;
  resources: Array<[string, CfnResource]>;
  /** For S3: the bucket that must notify the queue once its policy exists. */
  bucket?: { logicalId: string; queue: string; policy: string };
}

const SERVICE: Readonly<Record<string, string>> = { s3: 's3.amazonaws.com', sns: 'sns.amazonaws.com', eventbridge: 'events.amazonaws.com' };

/** Visibility timeout of a queue a stage polls: 6 x its timeout plus its batching window (RULES.md, SQS). */
export function visibilityFor(timeoutS: number, batchWindowS = 0): number {
  return 6 * timeoutS + batchWindowS;
}

/** `deadLetter`: an existing queue of the design to use as the DLQ (the stage's on-failure queue), else a new one. */
export function planBuffer(ctx: StageContext, source: Component, stage: PlannedFunction, deadLetter?: string): BufferPlan {
  const base = `${stage.key}-${source.node.id}-buffer`;
  const queue = ctx.ids.take(base, 'Queue');
  const dlq = deadLetter ?? ctx.ids.take(base, 'Dlq');
  const policy = ctx.ids.take(base, 'QueuePolicy');
  const sourceId = source.logicalId!;
  const resources: Array<[string, CfnResource]> = [
    [queue, {
      Type: 'AWS::SQS::Queue',
      Properties: { VisibilityTimeout: visibilityFor(stage.timeoutS), RedrivePolicy: { deadLetterTargetArn: getAtt(dlq, 'Arn'), maxReceiveCount: 5 } },
    }],
  ];
  if (!deadLetter) resources.push([dlq, { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 1209600 } }]);
  let sourceArn: YamlValue = ref(sourceId);
  let bucket: BufferPlan['bucket'];
  if (source.type === 's3') {
    sourceArn = sub(`arn:\${AWS::Partition}:s3:::${bucketPrefix(ctx.service, source.node.id)}-\${AWS::AccountId}-\${AWS::Region}`);
    bucket = { logicalId: sourceId, queue, policy };
  } else if (source.type === 'eventbridge') {
    const rule = ctx.ids.take(base, 'Rule');
    resources.push([rule, {
      Type: 'AWS::Events::Rule',
      Properties: {
        EventBusName: ref(sourceId),
        EventPattern: { source: [kebab(ctx.service)] },
        Targets: [{ Arn: getAtt(queue, 'Arn'), Id: 'buffer' }],
      },
    }]);
    sourceArn = getAtt(rule, 'Arn');
    ctx.notes.push(`${source.node.id}: the rule ${rule} matches events whose source is "${kebab(ctx.service)}"; change its EventPattern to what ${stage.key} needs.`);
  } else {
    const subscription = ctx.ids.take(base, 'Subscription');
    resources.push([subscription, { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: ref(sourceId), Protocol: 'sqs', Endpoint: getAtt(queue, 'Arn') } }]);
  }
  resources.push([policy, {
    Type: 'AWS::SQS::QueuePolicy',
    Properties: {
      Queues: [ref(queue)],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Principal: { Service: SERVICE[source.type] },
          Action: 'sqs:SendMessage',
          Resource: getAtt(queue, 'Arn'),
          Condition: { ArnEquals: { 'aws:SourceArn': sourceArn } },
        }],
      },
    },
  }]);
  return { queue, deadLetter: dlq, resources, bucket };
}

/** S3 buckets notify their buffer queues, and wait for the queue policies (S3 checks them when it is created). */
export function attachBucketNotifications(resources: Array<[string, CfnResource]>, buffers: BufferPlan[]): void {
  for (const [id, resource] of resources) {
    const mine = buffers.filter((b) => b.bucket?.logicalId === id).map((b) => b.bucket!);
    if (mine.length === 0) continue;
    resource.Properties = {
      ...resource.Properties,
      NotificationConfiguration: { QueueConfigurations: mine.map((b) => ({ Event: 's3:ObjectCreated:*', Queue: getAtt(b.queue, 'Arn') })) },
    };
    resource.DependsOn = mine.map((b) => b.policy);
  }
}
