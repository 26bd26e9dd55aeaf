// SAM function `Events:` -> trigger edges. Each event type names its source differently; the edge points at the
// event's key (findings land there) and keeps the event's mapping as eventSpan (fixes edit it).
import type { Pair, YAMLMap } from 'yaml';
import type { NodeKind, Span, TriggerFacts, TriggerSource } from '../../model';
import { asMap, get, keySpan, keyText, pairs, scalarBool, scalarText, spanOf, deref } from '../../parse/nodes';
import { type CfnContext, nodeFor, reporter } from '../cloudformation/context';
import { eventBusNode } from '../cloudformation/notifications';
import { resolveAll } from '../cloudformation/references';
import { INVOCATION_BY_SOURCE, readMappingFacts } from '../cloudformation/triggers';

/** Poll-based events: the key naming the source, its trigger source and the node kind of a foreign ARN. */
const MAPPED: Readonly<Record<string, { key: string; source: TriggerSource; kind: NodeKind }>> = {
  Kinesis: { key: 'Stream', source: 'kinesis', kind: 'stream' },
  DynamoDB: { key: 'Stream', source: 'dynamodb', kind: 'table-stream' },
  SQS: { key: 'Queue', source: 'sqs', kind: 'queue' },
  MSK: { key: 'Stream', source: 'kafka', kind: 'external' },
  MQ: { key: 'Broker', source: 'mq', kind: 'external' },
};

interface EventContext {
  ctx: CfnContext;
  fnId: string;
  eventName: string;
  props: YAMLMap | undefined;
  span: Span;
  eventSpan: Span;
  condition?: string;
}

export function readSamEvents(ctx: CfnContext, fnId: string, events: YAMLMap | undefined, condition?: string): void {
  for (const pair of pairs(events, ctx.doc)) readEvent(ctx, fnId, pair, condition);
}

function readEvent(ctx: CfnContext, fnId: string, pair: Pair, condition?: string): void {
  const eventName = keyText(pair) ?? 'Event';
  const event = asMap(deref(ctx.doc, pair.value));
  const type = scalarText(get(event, 'Type', ctx.doc)) ?? '';
  const props = asMap(get(event, 'Properties', ctx.doc));
  const e: EventContext = { ctx, fnId, eventName, props, span: keySpan(pair), eventSpan: spanOf(event), condition };
  const mapped = MAPPED[type];
  if (mapped) return mappedEvent(e, mapped);
  switch (type) {
    case 'S3':
      return pushEvent(e, 'Bucket', 's3', 'bucket', { filtered: get(props, 'Filter', ctx.doc) !== undefined || undefined });
    case 'SNS':
      return snsEvent(e);
    case 'EventBridgeRule':
    case 'CloudWatchEvent': {
      const from = eventBusNode(ctx, get(props, 'EventBusName', ctx.doc), e.span, fnId);
      return addTrigger(e, from, 'eventbridge', { filtered: get(props, 'Pattern', ctx.doc) !== undefined || undefined, enabled: ruleEnabled(e) });
    }
    case 'Schedule':
    case 'ScheduleV2': {
      const expression = scalarText(get(props, 'Schedule', ctx.doc)) ?? scalarText(get(props, 'ScheduleExpression', ctx.doc)) ?? 'schedule';
      return addTrigger(e, ownSourceNode(e, 'schedule', expression), 'schedule', { enabled: ruleEnabled(e) });
    }
    case 'Api':
      return addTrigger(e, apiNode(e, 'RestApiId', 'ServerlessRestApi', 'implicit REST API'), 'api');
    case 'HttpApi':
      return addTrigger(e, apiNode(e, 'ApiId', 'ServerlessHttpApi', 'implicit HTTP API'), 'api');
    case 'IoTRule':
      return addTrigger(e, ownSourceNode(e, 'external', `IoT rule ${eventName}`), 'iot');
    case 'CloudWatchLogs': {
      const group = get(props, 'LogGroupName', ctx.doc);
      const ref = resolveAll(group, ctx.template, reporter(ctx, fnId))[0];
      const from = ref?.id ?? ownSourceNode(e, 'external', `log group ${ref?.raw ?? eventName}`);
      return addTrigger(e, from, 'cloudwatch-logs');
    }
    case 'SelfManagedKafka':
      return addTrigger(e, ownSourceNode(e, 'external', `Kafka ${eventName}`), 'kafka', readMappingFacts(ctx, props, 'kafka', e.eventSpan, fnId));
    default:
      return addTrigger(e, ownSourceNode(e, 'external', `${type || 'unknown'} event ${eventName}`), 'other');
  }
}

/** `Enabled: false` or `State: DISABLED` on a schedule or rule event; undefined when it does not say. */
function ruleEnabled(e: EventContext): boolean | undefined {
  const enabled = scalarBool(get(e.props, 'Enabled', e.ctx.doc));
  if (enabled !== undefined) return enabled;
  const state = scalarText(get(e.props, 'State', e.ctx.doc));
  return state === undefined ? undefined : state !== 'DISABLED';
}

function mappedEvent(e: EventContext, mapped: { key: string; source: TriggerSource; kind: NodeKind }): void {
  const value = get(e.props, mapped.key, e.ctx.doc);
  const facts = readMappingFacts(e.ctx, e.props, mapped.source, e.eventSpan, e.fnId);
  for (const ref of resolveAll(value, e.ctx.template, reporter(e.ctx, e.fnId))) {
    const from = nodeFor(e.ctx, ref, spanOf(value), mapped.kind);
    if (from) addTrigger(e, from, mapped.source, facts, ref.condition);
  }
}

function pushEvent(e: EventContext, key: string, source: TriggerSource, kind: NodeKind, extra: Partial<TriggerFacts> = {}): void {
  const value = get(e.props, key, e.ctx.doc);
  for (const ref of resolveAll(value, e.ctx.template, reporter(e.ctx, e.fnId))) {
    const from = nodeFor(e.ctx, ref, spanOf(value), kind);
    if (from) addTrigger(e, from, source, extra, ref.condition);
  }
}

/** SNS: direct async invoke, or through a queue when SqsSubscription is set (SAM creates one, or uses QueueArn). */
function snsEvent(e: EventContext): void {
  const { ctx, props } = e;
  const sqsSubscription = get(props, 'SqsSubscription', ctx.doc);
  const filtered = get(props, 'FilterPolicy', ctx.doc) !== undefined || undefined;
  const subscriptionMap = asMap(sqsSubscription);
  const queueArn = get(subscriptionMap, 'QueueArn', ctx.doc);
  if (queueArn) {
    const topic = nodeFor(ctx, resolveAll(get(props, 'Topic', ctx.doc), ctx.template, reporter(ctx, e.fnId))[0], e.span, 'topic');
    const queue = nodeFor(ctx, resolveAll(queueArn, ctx.template, reporter(ctx, e.fnId))[0], spanOf(queueArn), 'queue');
    if (!topic || !queue) return;
    ctx.builder.addEdge({ from: topic, to: queue, kind: 'notify', span: e.span, condition: e.condition });
    return addTrigger(e, queue, 'sqs', readMappingFacts(ctx, subscriptionMap, 'sqs', e.eventSpan, e.fnId));
  }
  if (subscriptionMap || scalarBool(sqsSubscription) === true) {
    return pushEvent(e, 'Topic', 'sns', 'topic', { invocation: 'poll', sqsSubscription: true, filtered });
  }
  pushEvent(e, 'Topic', 'sns', 'topic', { filtered });
}

/** A source that exists only through this event (schedule, IoT rule): SAM names its resource `<Function><Event>`. */
function ownSourceNode(e: EventContext, kind: NodeKind, label: string): string {
  const id = `${e.fnId}${e.eventName}`;
  e.ctx.builder.addNode({ id, kind, label, span: e.span, blockSpan: e.eventSpan, defined: true, condition: e.condition });
  return id;
}

function apiNode(e: EventContext, key: string, implicitId: string, label: string): string {
  const value = get(e.props, key, e.ctx.doc);
  const id = value ? nodeFor(e.ctx, resolveAll(value, e.ctx.template, reporter(e.ctx, e.fnId))[0], spanOf(value), 'api') : undefined;
  if (id) return id;
  e.ctx.builder.external(implicitId, 'api', e.span, label);
  return implicitId;
}

function addTrigger(e: EventContext, from: string, source: TriggerSource, extra: Partial<TriggerFacts> = {}, refCondition?: string): void {
  const trigger: TriggerFacts = { source, invocation: INVOCATION_BY_SOURCE[source], ...extra, eventSpan: e.eventSpan };
  e.ctx.builder.addEdge({ from, to: e.fnId, kind: 'trigger', span: e.span, condition: e.condition ?? refCondition, trigger });
}
