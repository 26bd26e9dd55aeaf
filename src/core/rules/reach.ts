// What a function reaches (stores, other functions) through edges, environment, IAM, destinations and annotations.
import type { IamStatement, PipelineModel, PipelineNode, Span } from '../model';
import { findNode, edgesOutOf } from './lookup';

export const STORE_KINDS = new Set<PipelineNode['kind']>(['table', 'bucket', 'store']);

/** One way a function reaches a node, with where that is written. */
export interface Reach {
  target: PipelineNode;
  via: 'edge' | 'environment' | 'iam' | 'destination';
  writes: boolean;
  span: Span;
}

const WRITE_ACTION = /:(\*|Put|Update|Delete|BatchWrite|Write|Create|ExecuteStatement|BatchExecuteStatement|Invoke|Send|Publish)/i;

/** Nodes the function reaches, each once per way. */
export function reachedNodes(model: PipelineModel, fnNode: PipelineNode): Reach[] {
  const out: Reach[] = [];
  const add = (id: string | undefined, via: Reach['via'], writes: boolean, span: Span) => {
    const target = id ? findNode(model, id) : undefined;
    if (target && target.id !== fnNode.id) out.push({ target, via, writes, span });
  };
  const fn = fnNode.fn;
  // The function's own facts first (they say how); then edges a reader drew (pipeline YAML `to:` lists).
  for (const env of fn?.environment ?? []) for (const ref of env.refs) add(ref, 'environment', false, env.span);
  for (const statement of fn?.iamStatements ?? []) {
    if (statement.effect !== 'Allow') continue;
    for (const id of statement.resourceIds) add(id, 'iam', statement.actions.some((a) => WRITE_ACTION.test(a)), statement.span);
  }
  for (const destination of [fn?.async.onSuccess, fn?.async.onFailure]) {
    if (destination?.target) add(destination.target, 'destination', true, destination.span);
  }
  for (const e of edgesOutOf(model, fnNode.id)) {
    if (e.kind === 'write' || e.kind === 'read') add(e.to, 'edge', e.kind === 'write', e.span);
    if (e.kind === 'on-success' || e.kind === 'on-failure') add(e.to, 'destination', true, e.span);
  }
  return out;
}

// Env var names that say the function talks to a store even when the value is not a reference we can resolve.
const STORE_ENV_NAME = /(TABLE|BUCKET|REDIS|CACHE|MEMCACHED|ELASTICACHE|MEMORYDB|DYNAMO|DATABASE|DB_(HOST|NAME|URL|ENDPOINT|CLUSTER)|RDS|AURORA|POSTGRES|MYSQL|FIREHOSE|DELIVERY_STREAM)/i;
const STORE_ACTION = /^(dynamodb|s3|elasticache|memorydb|dax|rds|rds-data|rds-db|firehose|timestream|keyspaces|cassandra|docdb-elastic):/i;

/** How a function keeps state outside itself, in words, or undefined when it reaches no store. */
export function storeReached(model: PipelineModel, fnNode: PipelineNode): string | undefined {
  const fn = fnNode.fn;
  const declared = fn?.annotation?.stores?.value;
  if (declared && declared.length > 0) return `declared stores: ${declared.join(', ')}`;
  const store = reachedNodes(model, fnNode).find((r) => STORE_KINDS.has(r.target.kind));
  if (store) return `${store.target.label} (${store.via})`;
  const env = fn?.environment.find((v) => STORE_ENV_NAME.test(v.name));
  if (env) return `environment variable ${env.name}`;
  const statement = fn?.iamStatements.find((s) => s.effect === 'Allow' && s.actions.some((a) => STORE_ACTION.test(a)));
  if (statement) return `IAM actions ${statement.actions.filter((a) => STORE_ACTION.test(a)).join(', ')}`;
  return undefined;
}

export function allowsInvoke(statement: IamStatement): boolean {
  return statement.effect === 'Allow' && statement.actions.some((a) => /^lambda:(Invoke\w*|\*)$/i.test(a) || a === '*');
}
