// visibility-timeout-too-short: an SQS queue's visibility timeout against its consumer's timeout.
import type { Finding } from '../findings';
import { functionNodes } from '../model';
import { findNode } from './lookup';
import { triggerEdges } from '../concurrency/limits';
import { finding, type Rule } from './types';

/** SQS default when a queue sets no VisibilityTimeout. */
export const DEFAULT_VISIBILITY_TIMEOUT_S = 30;

export const visibilityTimeoutTooShort: Rule = (model, settings) => {
  const out: Finding[] = [];
  const multiplier = settings.visibilityTimeoutMultiplier;
  for (const node of functionNodes(model)) {
    const fn = node.fn;
    if (!fn) continue;
    for (const edge of triggerEdges(model, node.id)) {
      const queue = findNode(model, edge.from);
      // A timeout the file sets through something we cannot read is unknown, not the 30 s default.
      if (edge.trigger?.source !== 'sqs' || !queue?.queue || !queue.defined || queue.queue.visibilityTimeoutUnresolved) continue;
      const written = queue.queue.visibilityTimeoutS;
      const visibility = written?.value ?? DEFAULT_VISIBILITY_TIMEOUT_S;
      const batching = edge.trigger.maximumBatchingWindowInSeconds?.value ?? 0;
      const advised = multiplier * fn.timeoutS + batching;
      if (visibility >= advised) continue;
      const rejected = visibility < fn.timeoutS;
      const shown = written ? `${visibility} s` : `${visibility} s (the SQS default)`;
      const advice = `${multiplier} x ${fn.timeoutS} s${batching ? ` + ${batching} s batching window` : ''} = ${advised} s`;
      const why = rejected
        ? `Lambda rejects an SQS mapping whose queue's visibility timeout is below the function timeout, so this will not deploy.`
        : `AWS advises at least ${advice}: a message still being processed, or waiting out a throttle retry, becomes visible again and is processed twice.`;
      out.push(
        finding('visibility-timeout-too-short', {
          severity: rejected ? 'error' : 'warning',
          node: queue.id,
          edge: edge.id,
          span: written?.span ?? queue.span,
          related: [
            { span: node.span, message: `'${node.label}' has a timeout of ${fn.timeoutS} s` },
            { span: edge.trigger.eventSpan, message: `${queue.label} feeds ${node.label} here` },
          ],
          message: `Queue ${queue.label} has a visibility timeout of ${shown} but its consumer '${node.label}' may run for ${fn.timeoutS} s. ${why} Set VisibilityTimeout to at least ${advised} s (${advice}).`,
        }),
      );
    }
  }
  return out;
};
