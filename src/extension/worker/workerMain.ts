// Entry of dist/analysisWorker.js. In a worker thread it serves the extension host over parentPort; loaded with
// require() on the host (when no worker can start) it only exports the loop, which then runs in-thread.
import { isMainThread, parentPort } from 'node:worker_threads';
import { createServiceLoop } from './serviceLoop';
import type { Envelope } from './protocol';

export { createServiceLoop };

if (!isMainThread && parentPort) {
  const port = parentPort;
  const loop = createServiceLoop((reply) => port.postMessage(reply));
  port.on('message', (envelope: Envelope) => loop.receive(envelope));
}
