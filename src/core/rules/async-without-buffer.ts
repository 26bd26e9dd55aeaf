// async-without-buffer: an asynchronous source invokes a function and nothing catches events after the retries.
import type { Finding } from '../findings';
import { functionNodes } from '../model';
import { findNode } from './lookup';
import { triggerEdges } from '../concurrency/limits';
import { finding, type Rule } from './types';

const SOURCE_NAME: Record<string, string> = {
  s3: 'S3 bucket', sns: 'SNS topic', eventbridge: 'EventBridge rule on', iot: 'IoT rule', 'cloudwatch-logs': 'CloudWatch Logs subscription of',
};

export const asyncWithoutBuffer: Rule = (model) => {
  const out: Finding[] = [];
  for (const node of functionNodes(model)) {
    const fn = node.fn;
    if (!fn || fn.async.onFailure || fn.async.deadLetter) continue;
    const retries = fn.async.maximumRetryAttempts?.value ?? 2;
    for (const edge of triggerEdges(model, node.id)) {
      const t = edge.trigger;
      if (!t || t.invocation !== 'async' || t.source === 'schedule' || t.sqsSubscription || t.onFailure) continue;
      const source = findNode(model, edge.from);
      // A function invoking another is chained-without-buffer's case.
      if (source?.kind === 'function') continue;
      const what = `${SOURCE_NAME[t.source] ?? 'source'} ${source?.label ?? edge.from}`;
      out.push(
        finding('async-without-buffer', {
          node: node.id,
          edge: edge.id,
          span: t.eventSpan,
          related: [{ span: node.span, message: `'${node.label}' has no on-failure destination or DLQ` }],
          message:
            `The ${what} invokes '${node.label}' asynchronously and nothing catches an event that fails: Lambda retries ` +
            `an async event ${retries === 2 ? '2 times (after 1 and 2 minutes)' : `${retries} time${retries === 1 ? '' : 's'}`} and then drops it ` +
            `(events older than MaximumEventAgeInSeconds, up to 6 h, are dropped too). Put an SQS queue between the ` +
            `source and '${node.label}', or give '${node.label}' an on-failure destination (SQS, SNS, EventBridge) or a DLQ.`,
        }),
      );
    }
  }
  return out;
};
