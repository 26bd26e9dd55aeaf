// The worker's queue of requests (pure): first in, first out, except that an analysis of a newer version of a
// document supersedes the queued analyses of its older versions, which are dropped without running, and a view of
// the workspace supersedes the views queued before it. The workspace join's requests wait behind the editor's.
import type { Envelope } from './protocol';

export class JobQueue {
  private jobs: Envelope[] = [];

  /** Queues a request; returns the ids of the queued requests it makes pointless (the caller answers them). */
  push(job: Envelope): number[] {
    const dropped: number[] = [];
    const drop = (older: (queued: Envelope) => boolean) => {
      this.jobs = this.jobs.filter((queued) => {
        if (!older(queued)) return true;
        dropped.push(queued.id);
        return false;
      });
    };
    if (job.kind === 'analyze' || job.kind === 'forget') {
      drop((queued) => queued.kind === 'analyze' && queued.uri === job.uri && (job.kind === 'forget' || queued.version <= job.version));
    }
    // Only the newest view of the workspace is worth joining and laying out.
    if (job.kind === 'workspaceView') drop((queued) => queued.kind === 'workspaceView');
    this.jobs.push(job);
    return dropped;
  }

  /** The next request: the editor's own (open documents, fixes, the graph) before the workspace join's, which is
   * background work that may queue hundreds of files; each kind keeps its order. */
  next(): Envelope | undefined {
    const foreground = this.jobs.findIndex((job) => !isWorkspaceJob(job));
    return this.jobs.splice(foreground >= 0 ? foreground : 0, 1)[0];
  }

  get size(): number {
    return this.jobs.length;
  }
}

function isWorkspaceJob(job: Envelope): boolean {
  return job.kind.startsWith('workspace');
}
