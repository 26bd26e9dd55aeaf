// Entry of dist/analysisWorker.js. In a worker thread it serves the extension host over parentPort; loaded with
// require() on the host (when no worker can start) it only exports the loop, which then runs in-thread.
import { isMainThread, parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { createServiceLoop } from './serviceLoop';
import type { Envelope } from './protocol';

export { createServiceLoop };

if (!isMainThread && parentPort) {
  const port = parentPort;
  const loop = createServiceLoop(
    (reply) => port.postMessage(reply),
    () => {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) loop.receive(m.message as Envelope);
    },
  );
  port.on('message', (envelope: Envelope) => loop.receive(envelope));
}
