// A function's `events:` list: each item is a one-key mapping `- <type>: <value>` read by its type's reader.
import type { ServerlessContext } from '../context';
import type { View } from '../../../resolve/view';
import type { EventInput } from './common';
import { readStreamEvent } from './streams';
import { readBrokerEvent, readKafkaEvent, readSqsEvent } from './polled';
import { readS3Event, readSnsEvent } from './notifications';
import { readCloudwatchEvent, readCloudwatchLogEvent, readEventBridgeEvent, readIotEvent, readScheduleEvent } from './events';
import { readAlbEvent, readApiEvent, readOtherEvent } from './apis';

const READERS: Readonly<Record<string, (input: EventInput) => void>> = {
  stream: readStreamEvent,
  sqs: readSqsEvent,
  kafka: readKafkaEvent,
  msk: (input) => readBrokerEvent(input, 'kafka'),
  activemq: (input) => readBrokerEvent(input, 'mq'),
  rabbitmq: (input) => readBrokerEvent(input, 'mq'),
  s3: readS3Event,
  sns: readSnsEvent,
  schedule: readScheduleEvent,
  eventBridge: readEventBridgeEvent,
  cloudwatchEvent: readCloudwatchEvent,
  cloudwatchLog: readCloudwatchLogEvent,
  iot: readIotEvent,
  http: readApiEvent,
  httpApi: readApiEvent,
  websocket: readApiEvent,
  alb: readAlbEvent,
};

export function readEvents(context: ServerlessContext, functionKey: string, events: View | undefined): void {
  if (!events) return;
  if (events.unresolved.length > 0) {
    context.unresolved(events, `The events of ${functionKey}`, functionKey);
    return;
  }
  const counts = new Map<string, number>();
  for (const item of context.resolver.items(events)) {
    if (item.unresolved.length > 0) {
      context.unresolved(item, `An event of ${functionKey}`, functionKey);
      continue;
    }
    const [entry] = context.resolver.entries(item);
    if (!entry) continue;
    const index = (counts.get(entry.key) ?? 0) + 1;
    counts.set(entry.key, index);
    const input: EventInput = { context, functionKey, type: entry.key, typeSpan: entry.keySpan, value: entry.value, item, index };
    (READERS[entry.key] ?? readOtherEvent)(input);
  }
}
