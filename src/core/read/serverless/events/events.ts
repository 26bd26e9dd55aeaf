// Event-driven and scheduled sources: `schedule`, `eventBridge`, `cloudwatchEvent`, `cloudwatchLog` and `iot`
// (all asynchronous invocations).
import { isMap } from 'yaml';
import type { Span } from '../../../model';
import { DEFAULT_EVENT_BUS } from '../../cloudformation/notifications';
import { iotLogicalId, normalizedFunctionName, scheduleLogicalId } from '../naming';
import { destinationRef } from '../destinations';
import { addTrigger, enabledSetting, filtered, setting, textSetting, type EventInput } from './common';

/** The account's default event bus, shared by `cloudwatchEvent` and `eventBridge` events without `eventBus`. */
export const DEFAULT_BUS_ID = DEFAULT_EVENT_BUS;

export function readScheduleEvent(input: EventInput): void {
  const settings = isMap(input.value.node);
  const rateView = settings ? setting(input, 'rate') : input.value;
  const rates = input.context.resolver.items(rateView);
  const label = (rates.length > 0 ? rates.map((r) => r.text ?? '') : [rateView?.text ?? 'schedule']).join(', ');
  const id = scheduleLogicalId(input.functionKey, input.index);
  addScheduleNode(input, id, label, rateView?.span);
  addTrigger(input, id, { source: 'schedule', invocation: 'async', enabled: settings ? enabledSetting(input) : undefined });
}

export function readEventBridgeEvent(input: EventInput): void {
  const { context } = input;
  const schedule = textSetting(input, 'schedule');
  if (schedule) {
    const id = `${normalizedFunctionName(input.functionKey)}EventBridgeSchedule${input.index}`;
    addScheduleNode(input, id, schedule, setting(input, 'schedule')?.span);
    addTrigger(input, id, { source: 'schedule', invocation: 'async', enabled: enabledSetting(input) });
    return;
  }
  const busView = setting(input, 'eventBus');
  const target = busView ? context.target(busView, { what: `The event bus of ${input.functionKey}`, node: input.functionKey }) : undefined;
  const busId = target ? context.ensureNode(target, 'event-bus', busView?.span ?? input.value.span) : defaultBus(input, input.typeSpan);
  if (!busId) return;
  const dlq = setting(input, 'deadLetterQueueArn');
  if (dlq) destinationRef(context, dlq, busId, 'dlq', true);
  addTrigger(input, busId, { source: 'eventbridge', invocation: 'async', enabled: enabledSetting(input), filtered: filtered(input, 'pattern') });
}

export function readCloudwatchEvent(input: EventInput): void {
  const busId = defaultBus(input, input.typeSpan);
  addTrigger(input, busId, { source: 'eventbridge', invocation: 'async', enabled: enabledSetting(input), filtered: filtered(input, 'event') });
}

export function readCloudwatchLogEvent(input: EventInput): void {
  const groupView = isMap(input.value.node) ? setting(input, 'logGroup') : input.value;
  const group = groupView?.text ?? 'log group';
  const id = input.context.ensureNode({ id: group }, 'external', groupView?.span ?? input.value.span, `log group ${group}`) as string;
  addTrigger(input, id, { source: 'cloudwatch-logs', invocation: 'async', filtered: filtered(input, 'filter') });
}

export function readIotEvent(input: EventInput): void {
  const id = iotLogicalId(input.functionKey, input.index);
  const sql = textSetting(input, 'sql') ?? 'IoT rule';
  if (!input.context.builder.hasNode(id)) {
    input.context.builder.addNode({ id, kind: 'external', label: `IoT: ${sql}`, span: setting(input, 'sql')?.span ?? input.value.span, defined: true, resourceType: 'AWS::IoT::TopicRule' });
  }
  addTrigger(input, id, { source: 'iot', invocation: 'async', enabled: enabledSetting(input) });
}

function addScheduleNode(input: EventInput, id: string, label: string, span = input.value.span): void {
  if (input.context.builder.hasNode(id)) return;
  input.context.builder.addNode({ id, kind: 'schedule', label, span, defined: true, resourceType: 'AWS::Events::Rule' });
}

function defaultBus(input: EventInput, span: Span): string {
  const { builder } = input.context;
  if (!builder.hasNode(DEFAULT_BUS_ID)) builder.external(DEFAULT_BUS_ID, 'event-bus', span, 'default event bus');
  return DEFAULT_BUS_ID;
}
