import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { AnalysisClient } from '../../../src/extension/worker/analysisClient';
import { createServiceLoop } from '../../../src/extension/worker/serviceLoop';
import { RequestFailed, type AnalyzeRequest, type WorkerReply } from '../../../src/extension/worker/protocol';
import { generatedServerless } from '../../integration/largeTemplate';

const big = generatedServerless(3000);

function analyzeRequest(version: number): AnalyzeRequest {
  return { kind: 'analyze', uri: 'file:///x/serverless.yml', version, path: '/x/serverless.yml', onDisk: true, text: big, openTexts: {}, keep: true };
}

describe('analysis loop: superseded versions are cancelled', () => {
  it('runs the first version, drops the ones typed meanwhile, then runs only the newest', async () => {
    const replies: WorkerReply[] = [];
    let settle!: () => void;
    const allAnswered = new Promise<void>((resolve) => (settle = resolve));
    const loop = createServiceLoop((reply) => {
      replies.push(reply);
      if (replies.length === 4) settle();
    });
    for (let version = 1; version <= 4; version++) loop.receive({ ...analyzeRequest(version), id: version });
    await allAnswered;
    const byId = new Map(replies.map((r) => [r.id, r]));
    assert.deepEqual([1, 2, 3, 4].map((id) => (byId.get(id)?.ok ? 'ran' : (byId.get(id) as { reason: string }).reason)), ['superseded', 'superseded', 'superseded', 'ran']);
    assert.equal(loop.service.runs, 1);
  });
});

describe('analysis loop: messages not yet delivered', () => {
  it('drains them before each job, so a newer version that arrived meanwhile supersedes the queued one', async () => {
    const replies: WorkerReply[] = [];
    let settle!: () => void;
    const allAnswered = new Promise<void>((resolve) => (settle = resolve));
    const undelivered = [{ ...analyzeRequest(2), id: 2 }];
    const loop = createServiceLoop(
      (reply) => {
        replies.push(reply);
        if (replies.length === 2) settle();
      },
      () => undelivered.splice(0).forEach((envelope) => loop.receive(envelope)),
    );
    loop.receive({ ...analyzeRequest(1), id: 1 });
    await allAnswered;
    assert.deepEqual(replies.map((r) => [r.id, r.ok]), [[1, false], [2, true]]);
    assert.equal(loop.service.runs, 1);
  });
});

describe('analysis client', function () {
  this.timeout(60_000);
  let workerFile: string;
  let dir: string;

  before(async () => {
    // The worker runs the bundled entry, as in the extension (dist/analysisWorker.js), built here into a temp dir.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-worker-'));
    workerFile = path.join(dir, 'analysisWorker.js');
    await esbuild.build({ entryPoints: ['src/extension/worker/workerMain.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'error' });
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('analyses in a worker thread and drops superseded versions there', async () => {
    const client = new AnalysisClient(workerFile, () => undefined);
    try {
      const answers = await Promise.allSettled([1, 2, 3].map((v) => client.request(analyzeRequest(v))));
      assert.equal(client.mode, 'worker');
      const last = answers[2];
      assert.equal(last.status, 'fulfilled');
      assert.equal(last.status === 'fulfilled' && last.value?.version, 3);
      for (const answer of answers.filter((a) => a.status === 'rejected')) {
        assert.ok(answer.reason instanceof RequestFailed && answer.reason.reason === 'superseded', String(answer.reason));
      }
    } finally {
      client.dispose();
    }
  });

  it('falls back to the same loop in-thread when the worker cannot start, and says so in the log', async () => {
    const logged: string[] = [];
    const client = new AnalysisClient(workerFile, (line) => logged.push(line), false);
    try {
      const payload = await client.request(analyzeRequest(1));
      assert.equal(client.mode, 'in-thread');
      assert.equal(payload?.format, 'serverless');
      assert.match(logged.join('\n'), /analysing on the extension host thread instead/);
    } finally {
      client.dispose();
    }
  });

  it('falls back when the worker file is missing', async () => {
    const logged: string[] = [];
    const client = new AnalysisClient(path.join(dir, 'missing.js'), (line) => logged.push(line));
    try {
      const answer = await client.request(analyzeRequest(1)).catch((error: Error) => error);
      assert.ok(answer instanceof RequestFailed, 'no loop can load either: the request fails, it does not hang');
      assert.match(logged.join('\n'), /analysis worker/);
    } finally {
      client.dispose();
    }
  });
});
