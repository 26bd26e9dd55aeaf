import { strict as assert } from 'assert';
import type { PipelineEdge, PipelineNode, TriggerFacts } from '../../../src/core/model';
import { annotationHover, code, functionHover, retryBehaviour, triggerHover } from '../../../src/extension/present/hoverText';
import { analysisOf, sessionizeReport } from './reports';

const span = { start: 0, end: 1 };

function fn(id: string, extra: Partial<NonNullable<PipelineNode['fn']>> = {}): PipelineNode {
  return {
    id, kind: 'function', label: id, span, defined: true,
    fn: { name: id, memoryMb: 2432, timeoutS: 300, architecture: 'x86_64', ephemeralStorageMb: 512, environment: [], iamStatements: [], async: {}, ...extra },
  };
}

function trigger(from: string, to: string, facts: Partial<TriggerFacts> & Pick<TriggerFacts, 'source' | 'invocation'>): PipelineEdge {
  return { id: `trigger:${from}->${to}`, from, to, kind: 'trigger', span, trigger: { eventSpan: span, ...facts } };
}

describe('hover texts', () => {
  it('says an async event is lost after 2 retries without a DLQ or destination', () => {
    const target = fn('ingest');
    const edge = trigger('Uploads', 'ingest', { source: 's3', invocation: 'async' });
    const analysis = analysisOf('a: 1\n', { nodes: [target, { id: 'Uploads', kind: 'bucket', label: 'Uploads', span, defined: true }], edges: [edge] });
    assert.equal(retryBehaviour(edge, target, analysis), '`Uploads` (s3, asynchronous): 2 retries (after 1 min, then 2 min), then **lost** (no DLQ or on-failure destination)');
  });

  it('names the on-failure destination of an async function and its retry setting', () => {
    const target = fn('ingest', { async: { maximumRetryAttempts: { value: 1, span }, onFailure: { target: 'FailedQueue', span } } });
    const edge = trigger('Uploads', 'ingest', { source: 's3', invocation: 'async' });
    const analysis = analysisOf('a: 1\n', { nodes: [target], edges: [edge] });
    assert.match(retryBehaviour(edge, target, analysis), /1 retry .* then sent to `FailedQueue`$/);
  });

  it('says an unbounded stream mapping retries until records expire, and a bounded one stops', () => {
    const target = fn('sessionize');
    const unbounded = trigger('ClickStream', 'sessionize', { source: 'kinesis', invocation: 'stream' });
    const analysis = analysisOf('a: 1\n', { nodes: [target], edges: [unbounded] });
    assert.match(retryBehaviour(unbounded, target, analysis), /retried \*\*until its records expire\*\* \(24 h by default\), blocking the shard$/);
    const bounded = trigger('ClickStream', 'sessionize', {
      source: 'kinesis', invocation: 'stream', maximumRetryAttempts: { value: 3, span }, bisectBatchOnFunctionError: { value: true, span },
      onFailure: { target: 'Failures', span },
    });
    assert.equal(retryBehaviour(bounded, target, analysis), '`ClickStream` (kinesis stream): 3 retries, failing batches are split in two, then sent to `Failures`');
  });

  it('gives an SQS trigger its visibility timeout and redrive count', () => {
    const target = fn('worker');
    const queue: PipelineNode = {
      id: 'Jobs', kind: 'queue', label: 'Jobs', span, defined: true,
      queue: { fifo: false, visibilityTimeoutS: { value: 1800, span }, redrive: { target: 'JobsDlq', maxReceiveCount: 5, span }, deadLetterFor: [] },
    };
    const edge = trigger('Jobs', 'worker', { source: 'sqs', invocation: 'poll' });
    const analysis = analysisOf('a: 1\n', { nodes: [target, queue], edges: [edge] });
    assert.equal(retryBehaviour(edge, target, analysis), '`Jobs` (sqs): a failed message comes back after the visibility timeout (1800 s) and moves to `JobsDlq` after 5 receives');
  });

  it('shows the cost breakdown and the concurrency calculation of a function', () => {
    const target = fn('sessionize');
    const edge = trigger('ClickStream', 'sessionize', { source: 'kinesis', invocation: 'stream', parallelizationFactor: { value: 1, span } });
    const analysis = analysisOf('a: 1\n', { nodes: [target], edges: [edge] }, [sessionizeReport()]);
    const text = functionHover(target, sessionizeReport(), analysis);
    assert.match(text, /\*\*Cost:\*\* \$513\.02\/day · \$15,604\.20\/month · \$0\.00713 a call/);
    assert.match(text, /load \(declared\): 50\/minute × 3 min average/);
    assert.match(text, /427\.5 GB-s a call × \$0\.0000166667\/GB-s/);
    assert.match(text, /~150 expected = 0\.8333\/s × 180 s \(Little's law\) · cap 4 \(4 shards x parallelization factor 1\) · \*\*exceeds the cap\*\*/);
    assert.match(triggerHover(edge, analysis), /parallelization factor 1/);
  });

  it('keeps user text from breaking out of code spans or becoming markup', () => {
    assert.equal(code('a`b'), "`a'b`");
    const hover = annotationHover({ span, stores: { value: ['<img src=x>'], span } }, 'f');
    assert.match(hover, /\\<img src=x\\>/);
  });
});
