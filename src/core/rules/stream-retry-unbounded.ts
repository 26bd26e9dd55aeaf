// stream-retry-unbounded: a Kinesis/DynamoDB stream mapping with no failure destination and no retry bound.
import type { Finding } from '../findings';
import { functionNodes } from '../model';
import { findNode } from './lookup';
import { triggerEdges } from '../concurrency/limits';
import { finding, type Rule } from './types';

const bounded = (v: { value: number } | undefined) => v !== undefined && v.value >= 0;

export const streamRetryUnbounded: Rule = (model) => {
  const out: Finding[] = [];
  for (const node of functionNodes(model)) {
    for (const edge of triggerEdges(model, node.id)) {
      const t = edge.trigger;
      if (!t || (t.source !== 'kinesis' && t.source !== 'dynamodb') || t.invocation !== 'stream') continue;
      if (t.onFailure || bounded(t.maximumRetryAttempts) || bounded(t.maximumRecordAgeInSeconds)) continue;
      const source = findNode(model, edge.from);
      const hours = source?.stream?.retentionHours ?? 24;
      const kind = t.source === 'kinesis' ? 'Kinesis stream' : 'DynamoDB stream';
      out.push(
        finding('stream-retry-unbounded', {
          node: node.id,
          edge: edge.id,
          span: t.eventSpan,
          related: source?.defined ? [{ span: source.span, message: `${kind} ${source.label}` }] : [],
          message:
            `The ${kind} mapping of ${source?.label ?? edge.from} to '${node.label}' has no on-failure destination and ` +
            `no maximumRetryAttempts or maximumRecordAgeInSeconds: by default Lambda retries a failing batch until its ` +
            `records expire (${hours} h retention), so one bad record blocks its shard that long. Set ` +
            `maximumRetryAttempts (e.g. 3) with bisectBatchOnFunctionError, and an on-failure destination (SQS or SNS) for ` +
            `the records given up on.`,
        }),
      );
    }
  }
  return out;
};
