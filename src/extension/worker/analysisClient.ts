// The host's end of the analysis worker (no vscode): starts dist/analysisWorker.js in a worker thread, posts
// requests with correlation ids and resolves them from the replies. When the worker cannot start or dies, it logs
// why and runs the same loop in-thread (slower for the editor, but everything keeps working).
import { Worker } from 'node:worker_threads';
import type { ServiceLoop } from './serviceLoop';
import {
  epochMs,
  RequestFailed,
  type ConfigureRequest,
  type DocumentRequest,
  type Envelope,
  type ForgetRequest,
  type ReplyValues,
  type WorkerReply,
} from './protocol';

interface Pending {
  envelope: Envelope;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export type ClientMode = 'worker' | 'in-thread';

export class AnalysisClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private worker: Worker | undefined;
  private loop: ServiceLoop | undefined;
  private configuration: ConfigureRequest | undefined;
  private disposed = false;
  /** Requests posted before the worker thread was started. */
  private early: Envelope[] | undefined = [];

  constructor(private readonly workerFile: string, private readonly log: (message: string) => void, preferWorker = true) {
    // Starting a thread (or loading the analysis in-thread) costs the caller 10-150 ms: not during activation, on
    // the next turn of the event loop; requests wait in `early` until then.
    setImmediate(() => {
      if (this.disposed || this.loop) return;
      if (preferWorker) this.startWorker();
      else this.fallBack('the worker is turned off (PIPELINE_LENS_NO_WORKER)');
      const early = this.early ?? [];
      this.early = undefined;
      for (const envelope of early) this.post(envelope);
    });
  }

  get mode(): ClientMode {
    return this.loop ? 'in-thread' : 'worker';
  }

  request<K extends DocumentRequest['kind']>(request: Extract<DocumentRequest, { kind: K }>): Promise<ReplyValues[K]> {
    const envelope = { ...request, id: this.nextId++, sentAt: epochMs() } as Envelope;
    return new Promise<ReplyValues[K]>((resolve, reject) => {
      if (this.disposed) return reject(new RequestFailed('error', 'the analysis host was disposed'));
      this.pending.set(envelope.id, { envelope, resolve: resolve as (value: unknown) => void, reject });
      this.post(envelope);
    });
  }

  /** Settings and workspace folders; remembered, so a restarted (or in-thread) loop gets them too. */
  configure(request: ConfigureRequest): void {
    this.configuration = request;
    this.post({ ...request, id: this.nextId++ });
  }

  forget(request: ForgetRequest): void {
    this.post({ ...request, id: this.nextId++ });
  }

  dispose(): void {
    this.disposed = true;
    void this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new RequestFailed('error', 'the analysis host was disposed'));
    this.pending.clear();
  }

  private post(envelope: Envelope): void {
    try {
      if (this.loop) this.loop.receive(envelope);
      else if (this.early) this.early.push(envelope);
      else this.worker?.postMessage(envelope);
    } catch (error) {
      // A value that cannot be cloned fails this request only, never the caller.
      this.settle({ id: envelope.id, ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  private startWorker(): void {
    try {
      const worker = new Worker(this.workerFile);
      worker.unref();
      worker.on('message', (reply: WorkerReply) => this.settle(reply));
      worker.on('error', (error) => this.fallBack(`the analysis worker failed: ${error.stack ?? error.message}`));
      worker.on('exit', (code) => {
        if (!this.disposed && this.worker === worker) this.fallBack(`the analysis worker exited (code ${code})`);
      });
      this.worker = worker;
    } catch (error) {
      this.fallBack(`the analysis worker could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Runs the loop on this thread from now on, and re-posts whatever the worker had not answered. */
  private fallBack(why: string): void {
    if (this.loop || this.disposed) return;
    this.early = undefined;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    try {
      // Loaded from the worker bundle itself (not bundled into extension.js): the core and elkjs stay out of it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const entry = require(this.workerFile) as { createServiceLoop: (post: (reply: WorkerReply) => void) => ServiceLoop };
      this.loop = entry.createServiceLoop((reply) => this.settle(reply));
      this.log(`${why}; analysing on the extension host thread instead (typing may feel slower in large files)`);
    } catch (error) {
      this.log(`${why}; the in-thread analysis could not load either: ${error instanceof Error ? error.message : String(error)}`);
      for (const p of this.pending.values()) p.reject(new RequestFailed('error', 'no analysis host'));
      this.pending.clear();
      return;
    }
    if (this.configuration) this.loop.receive({ ...this.configuration, id: this.nextId++ });
    for (const p of this.pending.values()) this.loop.receive(p.envelope);
  }

  private settle(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(new RequestFailed(reply.reason, reply.message));
  }
}
