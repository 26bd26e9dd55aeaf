// Push sources: S3 bucket notifications, SNS subscriptions, EventBridge rules and schedules. A function target
// becomes an asynchronous `trigger`; a queue/topic/stream target a `notify` edge (data flows on without a function).
import type { Node as YamlNode, YAMLMap } from 'yaml';
import type { NodeKind, Span, TriggerSource } from '../../model';
import { asMap, deref, get, getIn, items, pairs, scalarText, spanOf } from '../../parse/nodes';
import { type CfnContext, nodeFor, reporter } from './context';
import { resolveAll } from './references';
import type { ResourceEntry } from './template';
import { INVOCATION_BY_SOURCE } from './triggers';

/** Adds the edge from a push source to one target: trigger when it is a function, notify otherwise. */
export function pushTo(
  ctx: CfnContext,
  from: string,
  targetValue: YamlNode | undefined,
  source: TriggerSource,
  where: { span: Span; eventSpan: Span; condition?: string; filtered?: boolean; enabled?: boolean },
  fallback: NodeKind = 'external',
): void {
  if (!targetValue) return;
  for (const ref of resolveAll(targetValue, ctx.template, reporter(ctx, from))) {
    const to = nodeFor(ctx, ref, spanOf(targetValue), fallback);
    if (!to) continue;
    const condition = where.condition ?? ref.condition;
    const type = ctx.template.resource(to)?.type ?? '';
    const isFunction = ctx.builder.getNode(to)?.kind === 'function' || /Lambda::Function|Serverless::Function|Lambda::Alias/.test(type);
    if (isFunction) {
      const trigger = { source, invocation: INVOCATION_BY_SOURCE[source], eventSpan: where.eventSpan, filtered: where.filtered, enabled: where.enabled };
      ctx.builder.addEdge({ from, to, kind: 'trigger', span: where.span, condition, trigger });
    } else {
      ctx.builder.addEdge({ from, to, kind: 'notify', span: where.span, condition });
    }
  }
}

export function readBucketNotifications(ctx: CfnContext, entry: ResourceEntry): void {
  const config = asMap(get(entry.properties, 'NotificationConfiguration', ctx.doc));
  const lists: Array<[string, string, NodeKind]> = [
    ['LambdaConfigurations', 'Function', 'function'],
    ['QueueConfigurations', 'Queue', 'queue'],
    ['TopicConfigurations', 'Topic', 'topic'],
  ];
  for (const [list, key, fallback] of lists) {
    for (const item of items(get(config, list, ctx.doc), ctx.doc)) {
      const map = asMap(item);
      const where = { span: spanOf(map), eventSpan: spanOf(map), condition: entry.condition, filtered: get(map, 'Filter', ctx.doc) !== undefined || undefined };
      pushTo(ctx, entry.logicalId, get(map, key, ctx.doc), 's3', where, fallback);
    }
  }
}

/** One subscription (inline on a topic or an AWS::SNS::Subscription): lambda -> trigger, sqs/firehose -> notify. */
function subscribe(ctx: CfnContext, topic: string, sub: YAMLMap | undefined, span: Span, condition?: string): void {
  const protocol = scalarText(get(sub, 'Protocol', ctx.doc))?.toLowerCase();
  if (protocol !== 'lambda' && protocol !== 'sqs' && protocol !== 'firehose') return;
  const fallback: NodeKind = protocol === 'lambda' ? 'function' : protocol === 'sqs' ? 'queue' : 'store';
  const filtered = get(sub, 'FilterPolicy', ctx.doc) !== undefined || undefined;
  pushTo(ctx, topic, get(sub, 'Endpoint', ctx.doc), 'sns', { span, eventSpan: spanOf(sub), condition, filtered }, fallback);
}

export function readTopicSubscriptions(ctx: CfnContext, entry: ResourceEntry): void {
  for (const item of items(get(entry.properties, 'Subscription', ctx.doc), ctx.doc)) {
    subscribe(ctx, entry.logicalId, asMap(item), spanOf(item), entry.condition);
  }
}

export function readSubscription(ctx: CfnContext, entry: ResourceEntry): void {
  const topicValue = get(entry.properties, 'TopicArn', ctx.doc);
  const topic = topicValue ? nodeFor(ctx, resolveAll(topicValue, ctx.template, reporter(ctx, entry.logicalId))[0], spanOf(topicValue), 'topic') : undefined;
  if (topic) subscribe(ctx, topic, entry.properties, entry.keySpan, entry.condition);
}

export const DEFAULT_EVENT_BUS = 'default-event-bus';

/** The node an EventBridge rule listens to: its bus (the account's default bus when none is named). */
export function eventBusNode(ctx: CfnContext, busValue: YamlNode | undefined, span: Span, owner?: string): string {
  const name = scalarText(busValue);
  if (busValue && name !== 'default') {
    const id = nodeFor(ctx, resolveAll(busValue, ctx.template, reporter(ctx, owner))[0], spanOf(busValue), 'event-bus');
    if (id) return id;
  }
  ctx.builder.external(DEFAULT_EVENT_BUS, 'event-bus', span, 'default event bus');
  return DEFAULT_EVENT_BUS;
}

/** AWS::Events::Rule: a schedule rule is its own `schedule` node; a pattern rule listens to an event bus. */
export function readEventRule(ctx: CfnContext, entry: ResourceEntry): void {
  const { doc, builder } = ctx;
  const props = entry.properties;
  const schedule = scalarText(get(props, 'ScheduleExpression', doc));
  let from: string;
  if (schedule) {
    builder.addNode({ id: entry.logicalId, kind: 'schedule', label: schedule, span: entry.keySpan, blockSpan: spanOf(entry.block), defined: true, resourceType: entry.type, condition: entry.condition });
    from = entry.logicalId;
  } else {
    from = eventBusNode(ctx, get(props, 'EventBusName', doc), entry.keySpan, entry.logicalId);
  }
  for (const target of items(get(props, 'Targets', doc), doc)) {
    const map = asMap(target);
    const state = scalarText(get(props, 'State', doc));
    const where = { span: entry.keySpan, eventSpan: spanOf(map), condition: entry.condition, filtered: !schedule || undefined, enabled: state ? state !== 'DISABLED' : undefined };
    pushTo(ctx, from, get(map, 'Arn', doc), schedule ? 'schedule' : 'eventbridge', where);
  }
}

/** AWS::Scheduler::Schedule (EventBridge Scheduler): a schedule node invoking its one target. */
export function readSchedulerSchedule(ctx: CfnContext, entry: ResourceEntry): void {
  const expression = scalarText(get(entry.properties, 'ScheduleExpression', ctx.doc)) ?? entry.logicalId;
  ctx.builder.addNode({ id: entry.logicalId, kind: 'schedule', label: expression, span: entry.keySpan, blockSpan: spanOf(entry.block), defined: true, resourceType: entry.type, condition: entry.condition });
  const target = asMap(get(entry.properties, 'Target', ctx.doc));
  pushTo(ctx, entry.logicalId, getIn(target, ['Arn'], ctx.doc), 'schedule', { span: entry.keySpan, eventSpan: spanOf(target), condition: entry.condition });
}

const SERVICE_PRINCIPALS: Record<string, NodeKind> = { 's3.amazonaws.com': 'bucket', 'sns.amazonaws.com': 'topic', 'events.amazonaws.com': 'event-bus' };

/**
 * AWS::SQS::QueuePolicy: a statement letting S3/SNS/EventBridge send to the queue, limited by `aws:SourceArn`, is
 * evidence that the source feeds the queue. A permission is not a data flow, so it adds the `notify` edge only when
 * nothing in the file feeds the queue from a source of that kind (e.g. the bucket lives in another stack).
 */
export function readQueuePolicy(ctx: CfnContext, entry: ResourceEntry, linked: Set<string>): void {
  const { doc, builder } = ctx;
  const queues = items(get(entry.properties, 'Queues', doc), doc)
    .map((q) => resolveAll(q, ctx.template)[0]?.id)
    .filter((id): id is string => id !== undefined && builder.getNode(id)?.kind === 'queue');
  // What the file's own notifications and subscriptions feed (not other policy statements: each may name a source).
  const fedBefore = new Set(builder.allEdges().filter((e) => e.kind === 'notify').map((e) => `${builder.getNode(e.from)?.kind}->${e.to}`));
  for (const statement of items(getIn(entry.properties, ['PolicyDocument', 'Statement'], doc), doc)) {
    const map = asMap(statement);
    const service = items(getIn(map, ['Principal', 'Service'], doc), doc).map((n) => scalarText(n) ?? '').find((s) => SERVICE_PRINCIPALS[s]);
    if (!service) continue;
    const kind = SERVICE_PRINCIPALS[service];
    const fed = (queue: string) => fedBefore.has(`${kind}->${queue}`);
    for (const operator of pairsOf(ctx, asMap(get(map, 'Condition', doc)))) {
      const sourceArn = get(operator, 'aws:SourceArn', doc);
      const unfed = queues.filter((queue) => !fed(queue));
      if (!sourceArn || unfed.length === 0) continue;
      const from = nodeFor(ctx, resolveAll(sourceArn, ctx.template, reporter(ctx, entry.logicalId))[0], spanOf(sourceArn), SERVICE_PRINCIPALS[service]);
      for (const queue of unfed) {
        if (!from || linked.has(`${from}->${queue}`)) continue;
        builder.addEdge({ from, to: queue, kind: 'notify', span: entry.keySpan, condition: entry.condition });
        linked.add(`${from}->${queue}`);
      }
    }
  }
}

/** The operator blocks of a policy Condition (`ArnEquals: {...}`, `ArnLike: {...}`). */
function pairsOf(ctx: CfnContext, condition: YAMLMap | undefined): YAMLMap[] {
  return pairs(condition, ctx.doc)
    .map((pair) => asMap(deref(ctx.doc, pair.value)))
    .filter((m): m is YAMLMap => m !== undefined);
}
