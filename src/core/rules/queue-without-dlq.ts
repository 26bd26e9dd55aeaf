// queue-without-dlq: an SQS queue defined in the file feeds a function and has no redrive policy.
import type { Finding } from '../findings';
import type { PipelineModel } from '../model';
import { edgesOutOf, edgesTo, findNode } from './lookup';
import { finding, type Rule } from './types';
import { words } from './words';

export const queueWithoutDlq: Rule = (model) => {
  const out: Finding[] = [];
  const failureTargets = failureTargetIds(model);
  for (const queue of model.nodes) {
    if (queue.kind !== 'queue' || !queue.defined || !queue.queue || queue.queue.redrive) continue;
    // A queue that is itself a DLQ or a failure destination is the end of the line.
    if (queue.queue.deadLetterFor.length > 0) continue;
    if (edgesTo(model, queue.id).some((e) => e.kind === 'dlq' || e.kind === 'on-failure')) continue;
    if (failureTargets.has(queue.id) || namedAsDlq(queue.id)) continue;
    const feeds = edgesOutOf(model, queue.id, 'trigger').filter((e) => findNode(model, e.to)?.kind === 'function');
    if (feeds.length === 0) continue;
    const consumers = feeds.map((e) => `'${findNode(model, e.to)?.label ?? e.to}'`).join(', ');
    out.push(
      finding('queue-without-dlq', {
        node: queue.id,
        span: queue.span,
        related: feeds.map((e) => ({ span: e.trigger?.eventSpan ?? e.span, message: `${queue.label} feeds ${findNode(model, e.to)?.label ?? e.to} here` })),
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

/** Queues some function or mapping sends its failures to (DeadLetterConfig, on-failure destinations). */
function failureTargetIds(model: PipelineModel): Set<string> {
  const ids = new Set<string>();
  for (const node of model.nodes) {
    for (const ref of [node.fn?.async.deadLetter, node.fn?.async.onFailure]) if (ref?.target) ids.add(ref.target);
  }
  for (const edge of model.edges) if (edge.trigger?.onFailure?.target) ids.add(edge.trigger.onFailure.target);
  return ids;
}

/**
 * A queue named as a dead-letter queue is one, even when what feeds it is not in the model (e.g. an SNS
 * subscription's RedrivePolicy): its consumer is a redrive or alerting step, not the main flow.
 */
function namedAsDlq(id: string): boolean {
  const w = words(id);
  return w.some((word) => word.startsWith('dlq')) || w.some((word, i) => word === 'dead' && (w[i + 1] === 'letter' || w[i + 1] === 'lettered')) || w.includes('deadletter');
}
