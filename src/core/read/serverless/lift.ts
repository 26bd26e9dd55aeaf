// serverless-lift `constructs:` of type `queue`: Lift deploys an SQS queue, its dead-letter queue (always, after
// `maxRetries` receives, default 3), a visibility timeout of 6 x the worker's timeout, and a `worker` function
// (function key `<id>Worker`) that polls the queue. Other construct types hold no pipeline stage we draw.
import type { Span } from '../../model';
import type { ServerlessContext } from './context';
import { boolOf, numberOf, textOf, type Entry, type View } from '../../resolve/view';
import { DEFAULT_TIMEOUT_S } from './provider';
import { located } from './destinations';

export interface LiftQueue {
  id: string;
  keySpan: Span;
  construct: View;
  worker: Entry;
}

const DEFAULT_MAX_RETRIES = 3;

export function liftQueues(context: ServerlessContext, root: View): LiftQueue[] {
  const { resolver } = context;
  const queues: LiftQueue[] = [];
  for (const entry of resolver.entries(resolver.get(root, 'constructs'))) {
    if (textOf(resolver.get(entry.value, 'type')) !== 'queue') continue;
    const workerPair = resolver.entries(entry.value).find((e) => e.key === 'worker');
    if (!workerPair) continue;
    queues.push({ id: entry.key, keySpan: entry.keySpan, construct: entry.value, worker: { ...workerPair, key: `${entry.key}Worker` } });
  }
  return queues;
}

/** The queue, its DLQ and the trigger to the worker (whose function node already exists). */
export function addLiftQueue(context: ServerlessContext, lift: LiftQueue, workerTimeoutS: number | undefined): void {
  const { resolver, builder } = context;
  const get = (key: string) => resolver.get(lift.construct, key);
  const fifo = boolOf(get('fifo')) === true;
  const dlqId = `${lift.id}Dlq`;
  const maxRetries = numberOf(get('maxRetries')) ?? DEFAULT_MAX_RETRIES;
  builder.addNode({
    id: lift.id,
    kind: 'queue',
    label: lift.id,
    span: lift.keySpan,
    blockSpan: lift.construct.span,
    defined: true,
    resourceType: 'AWS::SQS::Queue',
    queue: {
      fifo,
      visibilityTimeoutS: { value: 6 * (workerTimeoutS ?? DEFAULT_TIMEOUT_S), span: lift.keySpan },
      redrive: { target: dlqId, maxReceiveCount: maxRetries, span: get('maxRetries')?.span ?? lift.keySpan },
      deadLetterFor: [],
    },
  });
  builder.addNode({
    id: dlqId,
    kind: 'queue',
    label: `${lift.id} DLQ`,
    span: lift.keySpan,
    defined: true,
    resourceType: 'AWS::SQS::Queue',
    queue: { fifo, deadLetterFor: [lift.id] },
  });
  builder.addEdge({ from: lift.id, to: dlqId, kind: 'dlq', span: lift.keySpan });
  const trigger = {
    source: 'sqs' as const,
    invocation: 'poll' as const,
    batchSize: located(get('batchSize')),
    maximumBatchingWindowInSeconds: located(get('maxBatchingWindow')),
    maximumConcurrency: located(get('maxConcurrency')),
    eventSpan: lift.construct.span,
  };
  for (const key of Object.keys(trigger) as (keyof typeof trigger)[]) if (trigger[key] === undefined) delete trigger[key];
  builder.addEdge({ from: lift.id, to: lift.worker.key, kind: 'trigger', span: lift.keySpan, trigger });
}
