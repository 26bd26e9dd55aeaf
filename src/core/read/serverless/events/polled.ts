// Sources Lambda polls: `sqs`, `kafka` (self-managed), `msk`, `activemq` and `rabbitmq`.
import { isMap } from 'yaml';
import { labelOf } from '../context';
import { addTrigger, capSetting, enabledSetting, filtered, numberSetting, setting, textSetting, type EventInput } from './common';

export function readSqsEvent(input: EventInput): void {
  const { context, functionKey } = input;
  const settings = isMap(input.value.node);
  const arnView = settings ? setting(input, 'arn') : input.value;
  const target = context.target(arnView, { what: `The queue that triggers ${functionKey}`, node: functionKey });
  const id = target && context.ensureNode(target, 'queue', input.value.span);
  if (!id) return;
  addTrigger(input, id, {
    source: 'sqs',
    invocation: 'poll',
    batchSize: numberSetting(input, 'batchSize'),
    maximumBatchingWindowInSeconds: numberSetting(input, 'maximumBatchingWindow'),
    maximumConcurrency: capSetting(input, 'maximumConcurrency'),
    enabled: enabledSetting(input),
    filtered: filtered(input, 'filterPatterns'),
  });
}

/** Self-managed Kafka: the topic is the source (its brokers are outside AWS). */
export function readKafkaEvent(input: EventInput): void {
  const topicView = setting(input, 'topic');
  const topic = topicView?.text ?? 'kafka';
  const id = input.context.ensureNode({ id: `kafka:${topic}` }, 'external', topicView?.span ?? input.typeSpan, `Kafka topic ${topic}`);
  if (id) addPolled(input, id, 'kafka');
}

/** MSK, Amazon MQ (ActiveMQ, RabbitMQ): the cluster or broker ARN is the source. */
export function readBrokerEvent(input: EventInput, source: 'kafka' | 'mq'): void {
  const { context, functionKey } = input;
  const what = source === 'kafka' ? `The MSK cluster that triggers ${functionKey}` : `The broker that triggers ${functionKey}`;
  const arnView = setting(input, 'arn');
  const target = context.target(arnView, { what, node: functionKey });
  const id = target && context.ensureNode(target, 'external', arnView?.span ?? input.typeSpan, labelOf(target.id ?? target.raw ?? input.type));
  if (!id) return;
  addPolled(input, id, source);
}

function addPolled(input: EventInput, id: string, source: 'kafka' | 'mq'): void {
  addTrigger(input, id, {
    source,
    invocation: 'poll',
    batchSize: numberSetting(input, 'batchSize'),
    maximumBatchingWindowInSeconds: numberSetting(input, 'maximumBatchingWindow'),
    startingPosition: textSetting(input, 'startingPosition'),
    enabled: enabledSetting(input),
    filtered: filtered(input, 'filterPatterns'),
  });
}
