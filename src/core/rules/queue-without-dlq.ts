// queue-without-dlq: an SQS queue defined in the file feeds a function and has no redrive policy.
import type { Finding } from '../findings';
import type { PipelineModel } from '../model';
import { edgesInto, nodeById } from '../model';
import { finding, type Rule } from './types';
import { words } from './words';

export const queueWithoutDlq: Rule = (model) => {
  const out: Finding[] = [];
  for (const queue of model.nodes) {
    if (queue.kind !== 'queue' || !queue.defined || !queue.queue || queue.queue.redrive) continue;
    // A queue that is itself a DLQ or a failure destination is the end of the line.
    if (queue.queue.deadLetterFor.length > 0) continue;
    if (edgesInto(model, queue.id).some((e) => e.kind === 'dlq' || e.kind === 'on-failure')) continue;
    if (isFailureTarget(model, queue.id) || namedAsDlq(queue.id)) continue;
    const feeds = model.edges.filter((e) => e.kind === 'trigger' && e.from === queue.id && nodeById(model, e.to)?.kind === 'function');
    if (feeds.length === 0) continue;
    const consumers = feeds.map((e) => `'${nodeById(model, e.to)?.label ?? e.to}'`).join(', ');
    out.push(
      finding('queue-without-dlq', {
        node: queue.id,
        span: queue.span,
        related: feeds.map((e) => ({ span: e.trigger?.eventSpan ?? e.span, message: `${queue.label} feeds ${nodeById(model, e.to)?.label ?? e.to} here` })),
        message:
          `Queue ${queue.label} feeds ${consumers} but has no RedrivePolicy: a message that keeps failing returns to the ` +
          `queue after each visibility timeout and is retried until its retention period ends (4 days by default), ` +
          `then deleted unseen. Add a dead-letter queue (RedrivePolicy with deadLetterTargetArn and a maxReceiveCount of ` +
          `at least 5)${queue.queue.fifo ? '; a FIFO queue needs a FIFO DLQ' : ''}.`,
      }),
    );
  }
  return out;
};

/** A queue some function or mapping sends its failures to (DeadLetterConfig, on-failure destination). */
function isFailureTarget(model: PipelineModel, queueId: string): boolean {
  const viaFunction = model.nodes.some((n) => n.fn?.async.deadLetter?.target === queueId || n.fn?.async.onFailure?.target === queueId);
  return viaFunction || model.edges.some((e) => e.trigger?.onFailure?.target === queueId);
}

/**
 * A queue named as a dead-letter queue is one, even when what feeds it is not in the model (e.g. an SNS
 * subscription's RedrivePolicy): its consumer is a redrive or alerting step, not the main flow.
 */
function namedAsDlq(id: string): boolean {
  const w = words(id);
  return w.some((word) => word.startsWith('dlq')) || w.some((word, i) => word === 'dead' && (w[i + 1] === 'letter' || w[i + 1] === 'lettered')) || w.includes('deadletter');
}
