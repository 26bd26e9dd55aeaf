// Synchronous callers: `http` (REST API), `httpApi`, `websocket` and `alb`, plus event types this reader knows only
// by name (Cognito, Alexa, CloudFront...), which still get a source node and a trigger.
import { isMap } from 'yaml';
import type { InvocationMode } from '../../../model';
import { HTTP_API_ID, REST_API_ID, WEBSOCKET_API_ID } from '../naming';
import { addTrigger, setting, type EventInput } from './common';

const APIS: Readonly<Record<string, { id: string; label: string }>> = {
  http: { id: REST_API_ID, label: 'REST API' },
  httpApi: { id: HTTP_API_ID, label: 'HTTP API' },
  websocket: { id: WEBSOCKET_API_ID, label: 'WebSocket API' },
};

export function readApiEvent(input: EventInput): void {
  const api = APIS[input.type];
  const { builder } = input.context;
  if (!builder.hasNode(api.id)) {
    builder.addNode({ id: api.id, kind: 'api', label: api.label, span: input.typeSpan, defined: true });
  }
  addTrigger(input, api.id, { source: 'api', invocation: 'sync' });
}

export function readAlbEvent(input: EventInput): void {
  const { context, functionKey } = input;
  const listener = setting(input, 'listenerArn');
  const target = listener ? context.target(listener, { what: `The load balancer listener of ${functionKey}`, node: functionKey }) : undefined;
  const id = (target && context.ensureNode(target, 'api', listener?.span ?? input.value.span, 'load balancer')) ??
    context.ensureNode({ id: 'alb' }, 'api', input.value.span, 'load balancer');
  if (id) addTrigger(input, id, { source: 'alb', invocation: 'sync' });
}

const SYNC_EVENTS = new Set(['cognitoUserPool', 'alexaSkill', 'alexaSmartHome', 'cloudFront']);

/** Any other event type: a source node named after it, invoked as the service documents. */
export function readOtherEvent(input: EventInput): void {
  const invocation: InvocationMode = SYNC_EVENTS.has(input.type) ? 'sync' : 'async';
  const detail = isMap(input.value.node) ? undefined : input.value.text;
  const id = detail ? `${input.type}:${detail}` : input.type;
  const nodeId = input.context.ensureNode({ id }, 'external', input.typeSpan, detail ? `${input.type} ${detail}` : input.type);
  if (nodeId) addTrigger(input, nodeId, { source: 'other', invocation });
}
