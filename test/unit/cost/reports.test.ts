import * as assert from 'node:assert/strict';
import { functionReports } from '../../../src/core/cost/reports';
import { resolveSettings } from '../../../src/core/settings';
import { fn, located, model, span, withLoad } from '../rules/kit';

describe('function reports', () => {
  it('reports the declared load, a cost and expected concurrency for an annotated function', () => {
    const m = model([withLoad(fn('sessionize', { memoryMb: 2432, timeoutS: 300 }), 50 / 60, 180_000)]);
    const [report] = functionReports(m, resolveSettings());
    assert.deepEqual(report.load, { ratePerSecond: 0.8333, durationMs: 180000, declared: true });
    assert.equal(report.cost?.perDayUsd, 513.02);
    assert.equal(report.concurrency.expected, 150);
    assert.deepEqual(report.span, m.nodes[0].span);
  });

  it('leaves cost and expected concurrency null when the load is unknown, and uses settings defaults when given', () => {
    const m = model([fn('plain')]);
    const [unknown] = functionReports(m, resolveSettings());
    assert.equal(unknown.cost, null);
    assert.equal(unknown.concurrency.expected, null);
    assert.deepEqual(unknown.load, { ratePerSecond: null, durationMs: null, declared: false });
    const [byDefault] = functionReports(m, resolveSettings({ defaults: { ratePerSecond: 1, durationMs: 1000 } }));
    assert.equal(byDefault.load.declared, false);
    assert.equal(byDefault.cost?.perInvocationUsd, 0.000016867); // 1 GB-s x $0.0000166667 + $0.0000002
  });

  it('needs both rate and duration: a rate alone gives no cost', () => {
    const f = fn('half');
    f.fn!.annotation = { span: span(), rate: located(5) };
    const [report] = functionReports(model([f]), resolveSettings());
    assert.equal(report.load.ratePerSecond, 5);
    assert.equal(report.cost, null);
  });

  it('prices in the region the file names, else the settings region', () => {
    const m = model([withLoad(fn('f'), 1, 100)]);
    assert.equal(functionReports(m, resolveSettings({ region: 'eu-west-1' }))[0].cost?.breakdown.region, 'eu-west-1');
    m.region = 'us-west-2';
    assert.equal(functionReports(m, resolveSettings({ region: 'eu-west-1' }))[0].cost?.breakdown.region, 'us-west-2');
  });
});
