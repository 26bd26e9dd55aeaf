// What a written reference to something outside the file asks for: an export, a stack output, an SSM parameter,
// or a resource by ARN or by name. The workspace joins these keys to what other files define.
import type { NodeKind } from '../model';
import { parseArn } from '../read/cloudformation/arn';
import { patternOf, variableSpans, type NamePattern } from './patterns';

/** How a cross-file join was made (CONTRACT.md section 6). */
export type JoinVia = 'export' | 'cf-output' | 'ssm' | 'arn' | 'name';

export type ReferenceKey =
  | { via: 'export'; name: NamePattern }
  | { via: 'cf-output'; stack: NamePattern; output: string }
  | { via: 'ssm'; name: NamePattern }
  | { via: 'arn' | 'name'; kind: NodeKind; name: NamePattern };

/** Kinds a name or ARN can join to (things with a physical name). */
export const JOINABLE_KINDS = new Set<NodeKind>(['stream', 'table-stream', 'queue', 'topic', 'bucket', 'table', 'event-bus', 'function', 'store']);

const KIND_BY_SERVICE: Record<string, NodeKind> = {
  kinesis: 'stream', sqs: 'queue', sns: 'topic', dynamodb: 'table', s3: 'bucket', events: 'event-bus', lambda: 'function', firehose: 'store',
};

/** `${cf:stack.Output}` / `${cf(region):stack.Output}` when it is the whole text. */
function cfReference(text: string, stage?: string): ReferenceKey | undefined {
  const spans = variableSpans(text);
  if (spans.length !== 1 || spans[0].start !== 0 || spans[0].end !== text.length) return undefined;
  const match = /^\$\{cf(?:\([^)]*\))?:([\s\S]*)\}$/.exec(text);
  if (!match) return undefined;
  const body = match[1];
  // The output key follows the last dot outside nested variables.
  const inner = variableSpans(body);
  let dot = -1;
  for (let i = body.length - 1; i >= 0; i--) {
    if (body[i] === '.' && !inner.some((v) => i >= v.start && i < v.end)) {
      dot = i;
      break;
    }
  }
  if (dot <= 0) return undefined;
  return { via: 'cf-output', stack: patternOf(body.slice(0, dot), stage), output: body.slice(dot + 1).trim() };
}

function ssmName(text: string): string | undefined {
  const serverless = /^\$\{ssm(?:\([^)]*\))?:([\s\S]+)\}$/.exec(text);
  if (serverless && variableSpans(text).length === 1) return serverless[1].replace(/~(true|false|split)$/, '').trim();
  const dynamic = /^\{\{resolve:ssm(?:-secure)?:([^:}]+)(?::\d+)?\}\}$/.exec(text);
  if (dynamic) return dynamic[1];
  const label = /^ssm:(\/[^\s]*)$/.exec(text);
  return label?.[1];
}

/**
 * Classifies one written reference. `kindHint` is the kind the reader gave the node (a stream event's source is a
 * stream); plain names join only when it is known.
 */
export function classifyReference(raw: string, kindHint?: NodeKind, stage?: string): ReferenceKey | undefined {
  const text = raw.trim();
  if (text.startsWith('ImportValue ')) {
    const name = text.slice('ImportValue '.length).trim();
    return name && name !== '?' ? { via: 'export', name: patternOf(name, stage) } : undefined;
  }
  const cf = cfReference(text, stage);
  if (cf) return cf;
  const ssm = ssmName(text);
  if (ssm) return { via: 'ssm', name: patternOf(ssm, stage) };
  if (text.startsWith('arn:')) {
    const arn = parseArn(text);
    const service = arn ? KIND_BY_SERVICE[arn.service] : undefined;
    if (!arn || !service || !arn.name || arn.name.includes('*')) return undefined;
    const kind: NodeKind = arn.tableStream ? 'table-stream' : service;
    return { via: 'arn', kind, name: patternOf(arn.name, stage) };
  }
  if (kindHint && kindHint !== 'external' && JOINABLE_KINDS.has(kindHint) && /^[\w.${}:/-]+$/.test(text) && !text.includes('*')) {
    return { via: 'name', kind: kindHint, name: patternOf(text, stage) };
  }
  return undefined;
}
