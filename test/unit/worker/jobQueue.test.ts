import { strict as assert } from 'node:assert';
import { JobQueue } from '../../../src/extension/worker/jobQueue';
import type { Envelope } from '../../../src/extension/worker/protocol';

function analyzeJob(id: number, uri: string, version: number): Envelope {
  return { id, kind: 'analyze', uri, version, path: `/w/${uri}`, onDisk: true, text: '', openTexts: {}, keep: true };
}

describe('worker job queue', () => {
  it('drops the queued analysis of an older version when a newer one of the same document arrives', () => {
    const queue = new JobQueue();
    assert.deepEqual(queue.push(analyzeJob(1, 'a', 1)), []);
    assert.deepEqual(queue.push(analyzeJob(2, 'b', 1)), []);
    assert.deepEqual(queue.push(analyzeJob(3, 'a', 2)), [1]);
    assert.deepEqual([queue.next()?.id, queue.next()?.id, queue.next()], [2, 3, undefined]);
  });

  it('keeps analyses of other documents and requests about a version (fix, graph) in order', () => {
    const queue = new JobQueue();
    queue.push(analyzeJob(1, 'a', 1));
    queue.push({ id: 2, kind: 'graph', uri: 'a', version: 1, fileName: 'a.yml' });
    assert.deepEqual(queue.push(analyzeJob(3, 'b', 5)), []);
    assert.deepEqual(queue.push(analyzeJob(4, 'a', 2)), [1]);
    assert.deepEqual([queue.next()?.id, queue.next()?.id, queue.next()?.id], [2, 3, 4]);
  });

  it('drops queued analyses of a document that was closed', () => {
    const queue = new JobQueue();
    queue.push(analyzeJob(1, 'a', 1));
    assert.deepEqual(queue.push({ id: 2, kind: 'forget', uri: 'a' }), [1]);
    assert.equal(queue.size, 1);
  });

  it('keeps only the newest queued view of the workspace, and every file update before it', () => {
    const queue = new JobQueue();
    const viewJob = (id: number): Envelope => ({ id, kind: 'workspaceView', draw: true, direction: 'RIGHT', maxNodes: 800 });
    queue.push(viewJob(1));
    queue.push({ id: 2, kind: 'workspaceUpdate', path: 'a.yml', fsPath: '/w/a.yml', onDisk: true, text: '' });
    assert.deepEqual(queue.push(viewJob(3)), [1]);
    assert.deepEqual([queue.next()?.id, queue.next()?.id, queue.next()], [2, 3, undefined]);
  });

  it('serves an open document before the workspace join queued ahead of it, and keeps the join in order', () => {
    const queue = new JobQueue();
    const update = (id: number): Envelope => ({ id, kind: 'workspaceUpdate', path: `f${id}.yml`, fsPath: `/w/f${id}.yml`, onDisk: true, text: '' });
    queue.push(update(1));
    queue.push(update(2));
    queue.push({ id: 3, kind: 'workspaceView', draw: false, direction: 'RIGHT', maxNodes: 800 });
    queue.push(analyzeJob(4, 'a', 1));
    assert.deepEqual([queue.next()?.id, queue.next()?.id, queue.next()?.id, queue.next()?.id, queue.next()], [4, 1, 2, 3, undefined]);
  });
});
