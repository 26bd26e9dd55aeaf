// Where failed or finished events go: function `destinations` / `onError` (asynchronous invocations) and the
// `destinations.onFailure` of stream mappings. A destination is a function key, an ARN, or `{ type, arn }`.
import type { AsyncConfig, DestinationRef, EdgeKind, Located, NodeKind } from '../../model';
import { parseArnText, type ServerlessContext } from './context';
import { numberOf, textOf, type View } from '../../resolve/view';
import { isMap } from 'yaml';

const KIND_BY_SERVICE: Readonly<Record<string, NodeKind>> = {
  sqs: 'queue',
  sns: 'topic',
  s3: 'bucket',
  events: 'event-bus',
  kinesis: 'stream',
  dynamodb: 'table',
};

const KIND_BY_TYPE: Readonly<Record<string, NodeKind>> = { sqs: 'queue', sns: 'topic', eventBus: 'event-bus', s3: 'bucket' };

export function readAsyncConfig(context: ServerlessContext, functionKey: string, fn: View): AsyncConfig {
  const { resolver } = context;
  const destinations = resolver.get(fn, 'destinations');
  const config: AsyncConfig = {
    maximumRetryAttempts: located(resolver.get(fn, 'maximumRetryAttempts')),
    maximumEventAgeInSeconds: located(resolver.get(fn, 'maximumEventAge')),
    onSuccess: destinationRef(context, resolver.get(destinations, 'onSuccess'), functionKey, 'on-success'),
    onFailure: destinationRef(context, resolver.get(destinations, 'onFailure'), functionKey, 'on-failure'),
    deadLetter: destinationRef(context, resolver.get(fn, 'onError'), functionKey, 'dlq'),
  };
  for (const key of Object.keys(config) as (keyof AsyncConfig)[]) if (config[key] === undefined) delete config[key];
  return config;
}

/**
 * Reads one destination; undefined when the value is absent. Function and mapping destinations become edges in
 * completeModel(); `draw` adds the edge here for the others (an SNS subscription's or EventBridge target's DLQ).
 */
export function destinationRef(context: ServerlessContext, view: View | undefined, from: string, kind: EdgeKind, draw = false): DestinationRef | undefined {
  if (!view) return undefined;
  const { resolver } = context;
  const what = `The ${kind} destination of ${from}`;
  const typeText = isMap(view.node) ? textOf(resolver.get(view, 'type')) : undefined;
  const arnView = isMap(view.node) ? resolver.get(view, 'arn') : view;
  const plain = textOf(arnView);
  const functionKey = plain && !plain.startsWith('arn:') ? context.functionKeyOf(plain) : undefined;
  const target = functionKey ? { id: functionKey } : context.target(arnView, { what, node: from });
  if (!target || target.id === undefined) return { raw: target?.raw ?? textOf(arnView), span: view.span };
  const arn = parseArnText(target.id);
  const nodeKind = (typeText ? KIND_BY_TYPE[typeText] : undefined) ?? (arn ? KIND_BY_SERVICE[arn.service] : undefined) ?? 'external';
  const id = context.ensureNode(target, nodeKind, view.span) as string;
  if (draw) context.builder.addEdge({ from, to: id, kind, span: view.span });
  return { target: id, raw: target.external ? target.raw : undefined, span: view.span };
}

export function located(view: View | undefined): Located<number> | undefined {
  const value = numberOf(view);
  return view && value !== undefined ? { value, span: view.span } : undefined;
}
