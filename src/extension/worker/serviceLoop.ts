// Runs the worker's requests one at a time through the JobQueue, and yields to the event loop between them so
// that messages which arrived during a long analysis are queued (and supersede older ones) before the next runs.
import { AnalysisService } from './analysisService';
import { JobQueue } from './jobQueue';
import { RequestFailed, type Envelope, type WorkerReply } from './protocol';

export interface ServiceLoop {
  receive(envelope: Envelope): void;
  readonly service: AnalysisService;
}

/** `drain` takes the messages that have arrived but not been delivered yet (a port hands over only a few per turn
 * of the event loop), so that the queue sees a newer request before it picks the next job. */
export function createServiceLoop(post: (reply: WorkerReply) => void, drain: () => void = () => undefined): ServiceLoop {
  const service = new AnalysisService();
  const queue = new JobQueue();
  let running = false;

  const pump = async () => {
    if (running) return;
    running = true;
    try {
      for (;;) {
        await nextTurn();
        drain();
        const job = queue.next();
        if (!job) break;
        try {
          post({ id: job.id, ok: true, value: await service.handle(job) });
        } catch (error) {
          const reason = error instanceof RequestFailed ? error.reason : 'error';
          post({ id: job.id, ok: false, reason, message: error instanceof Error ? error.stack ?? error.message : String(error) });
        }
      }
    } finally {
      running = false;
    }
  };

  return {
    service,
    receive(envelope) {
      for (const id of queue.push(envelope)) post({ id, ok: false, reason: 'superseded' });
      void pump();
    },
  };
}

/** One full turn of the event loop (through its poll phase, where port messages are delivered). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
