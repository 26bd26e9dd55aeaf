// The SQS resources fixes add: a dead-letter queue, a buffer queue with its redrive policy, and the queue policy
// that lets a service (S3, SNS, EventBridge) send to it.
import { getAtt, ref, type YamlMapping, type YamlValue } from '../edit';

/** SQS keeps messages at most 14 days: a DLQ holds failures as long as possible for inspection and redrive. */
export const DLQ_RETENTION_S = 1_209_600;
/** The usual advice: a message is dead-lettered only after 5 receives. */
export const MAX_RECEIVE_COUNT = 5;
/** SQS caps VisibilityTimeout at 12 hours. */
export const MAX_VISIBILITY_TIMEOUT_S = 43_200;

export function deadLetterQueue(fifo: boolean): YamlMapping {
  const properties: YamlMapping = { MessageRetentionPeriod: DLQ_RETENTION_S };
  if (fifo) properties.FifoQueue = true;
  return { Type: 'AWS::SQS::Queue', Properties: properties };
}

export function redrivePolicy(dlqId: string): YamlMapping {
  return { deadLetterTargetArn: getAtt(dlqId, 'Arn'), maxReceiveCount: MAX_RECEIVE_COUNT };
}

/** A standard queue (S3 cannot notify FIFO queues) with a DLQ. */
export function bufferQueue(dlqId: string, visibilityTimeoutS: number): YamlMapping {
  return {
    Type: 'AWS::SQS::Queue',
    Properties: { VisibilityTimeout: visibilityTimeoutS, RedrivePolicy: redrivePolicy(dlqId) },
  };
}

/** Lets `service` (s3.amazonaws.com...) send to the queue, only on behalf of `condition`'s source. */
export function sendPolicy(queueId: string, service: string, condition: YamlMapping): YamlMapping {
  return {
    Type: 'AWS::SQS::QueuePolicy',
    Properties: {
      Queues: [ref(queueId)],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: service },
            Action: 'sqs:SendMessage',
            Resource: getAtt(queueId, 'Arn'),
            Condition: condition,
          },
        ],
      },
    },
  };
}

/** Condition on the source's ARN. */
export function sourceArnCondition(arn: YamlValue): YamlMapping {
  return { ArnEquals: { 'aws:SourceArn': arn } };
}

/** 6 x timeout (+ batching window), capped at the SQS maximum. */
export function advisedVisibilityTimeout(timeoutS: number, multiplier: number, batchingWindowS = 0): number {
  return Math.min(MAX_VISIBILITY_TIMEOUT_S, Math.ceil(multiplier * timeoutS + batchingWindowS));
}
