import * as assert from 'node:assert/strict';
import { estimateConcurrency } from '../../../src/core/concurrency/estimate';
import { loadOf } from '../../../src/core/cost/load';
import { DEFAULT_SETTINGS, resolveSettings } from '../../../src/core/settings';
import { fn, located, model, queue, stream, trigger, withLoad } from '../rules/kit';

const sessionize = () => withLoad(fn('sessionize', { memoryMb: 2432, timeoutS: 300 }), 50 / 60, 180_000);

function concurrencyOf(m: ReturnType<typeof model>, id: string, settings = DEFAULT_SETTINGS) {
  const node = m.nodes.find((n) => n.id === id)!;
  return estimateConcurrency(m, node, loadOf(node, settings), settings);
}

describe('concurrency engine', () => {
  it('expects rate x duration (Little\'s law) and caps a Kinesis mapping at shards x parallelization factor', () => {
    const m = model([stream('Clicks', { shards: located(4) }), sessionize()], [trigger('Clicks', 'sessionize', { source: 'kinesis', invocation: 'stream' })]);
    const c = concurrencyOf(m, 'sessionize');
    assert.equal(c.expected, 150);
    assert.equal(c.cap, 4);
    assert.equal(c.capReason, '4 shards x parallelization factor 1');
  });

  it('multiplies by a parallelization factor and points at it', () => {
    const factor = located(10);
    const m = model([stream('Clicks', { shards: located(4) }), sessionize()], [trigger('Clicks', 'sessionize', { source: 'kinesis', invocation: 'stream', parallelizationFactor: factor })]);
    const c = concurrencyOf(m, 'sessionize');
    assert.equal(c.cap, 40);
    assert.equal(c.capReason, '4 shards x parallelization factor 10');
    assert.deepEqual(c.capSpan, factor.span);
  });

  it('prefers shards declared in an annotation on the stream', () => {
    const s = stream('External', {});
    s.defined = false;
    s.annotation = { span: { start: 0, end: 1 }, shards: located(2) };
    const m = model([s, sessionize()], [trigger('External', 'sessionize', { source: 'kinesis', invocation: 'stream' })]);
    assert.equal(concurrencyOf(m, 'sessionize').cap, 2);
  });

  it('says when an on-demand stream leaves the shard count unknown, and falls back to the account limit', () => {
    const m = model([stream('Clicks', { mode: 'on-demand' }), sessionize()], [trigger('Clicks', 'sessionize', { source: 'kinesis', invocation: 'stream' })]);
    const c = concurrencyOf(m, 'sessionize');
    assert.equal(c.cap, 1000);
    assert.match(c.capReason, /account limit of 1,000/);
    assert.match(c.unknowns![0], /on-demand Kinesis/);
    assert.match(c.unknowns![0], /custom\.pipelineLens\.sources\.Clicks/);
  });

  it('caps SQS at maximumConcurrency, else at the 1,000 poller ceiling', () => {
    const capped = model([queue('Orders'), fn('worker')], [trigger('Orders', 'worker', { source: 'sqs', invocation: 'poll', maximumConcurrency: located(5) })]);
    assert.equal(concurrencyOf(capped, 'worker').cap, 5);
    assert.equal(concurrencyOf(capped, 'worker').capReason, 'maximumConcurrency 5');
    const open = model([queue('Orders'), fn('worker')], [trigger('Orders', 'worker', { source: 'sqs', invocation: 'poll' })]);
    const settings = resolveSettings({ accountConcurrencyLimit: 3000 });
    assert.equal(concurrencyOf(open, 'worker', settings).cap, 1000);
    assert.match(concurrencyOf(open, 'worker', settings).capReason, /SQS poller ceiling/);
  });

  it('lets reserved concurrency cap below the trigger, and the account limit cap the rest', () => {
    const reserved = fn('worker', { reservedConcurrency: located(3) });
    const m = model([queue('Orders'), reserved], [trigger('Orders', 'worker', { source: 'sqs', invocation: 'poll' })]);
    assert.equal(concurrencyOf(m, 'worker').cap, 3);
    assert.equal(concurrencyOf(m, 'worker').capReason, 'reservedConcurrency 3');
    const api = model([fn('api')], [trigger('Http', 'api', { source: 'api', invocation: 'sync' })]);
    assert.equal(concurrencyOf(api, 'api', resolveSettings({ accountConcurrencyLimit: 500 })).cap, 500);
  });

  it('adds up the caps of several stream mappings and names each', () => {
    const m = model(
      [stream('A', { shards: located(2) }), stream('B', { shards: located(3) }), sessionize()],
      [trigger('A', 'sessionize', { source: 'kinesis', invocation: 'stream' }), { ...trigger('B', 'sessionize', { source: 'kinesis', invocation: 'stream' }), id: 'b' }],
    );
    const c = concurrencyOf(m, 'sessionize');
    assert.equal(c.cap, 5);
    assert.equal(c.capReason, 'A: 2 shards x parallelization factor 1 + B: 3 shards x parallelization factor 1');
  });

  it('keeps expected concurrency unknown when the load is unknown', () => {
    const m = model([fn('plain')]);
    assert.equal(concurrencyOf(m, 'plain').expected, null);
    assert.equal(concurrencyOf(m, 'plain', resolveSettings({ defaults: { ratePerSecond: 10, durationMs: 200 } })).expected, 2);
  });
});
