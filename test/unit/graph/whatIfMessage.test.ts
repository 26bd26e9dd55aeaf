import { strict as assert } from 'node:assert';
import { buildWhatIfMessage } from '../../../src/extension/graph/whatIfMessage';
import { example } from '../design/examples';

describe('what-if message for the webview', () => {
  it('puts the file\'s figures beside the tried ones and marks which findings are new, kept or settled', () => {
    const analysis = example('clickstream/serverless.yml');
    const message = buildWhatIfMessage(analysis, {
      version: 3, seq: 7, target: 'sessionize',
      overrides: { functions: { sessionize: { shards: 15, parallelizationFactor: 10, reservedConcurrency: 20 } } },
    });
    assert.equal(message.type, 'whatIfResult');
    assert.deepEqual([message.version, message.seq, message.target], [3, 7, 'sessionize']);
    const sessionize = message.functions.find((f) => f.id === 'sessionize')!;
    assert.deepEqual([sessionize.before.cap, sessionize.before.capReason], [4, '4 shards x parallelization factor 1']);
    assert.deepEqual([sessionize.after.cap, sessionize.after.capReason], [20, 'reservedConcurrency 20']);
    assert.equal(sessionize.file.shards, 4);
    assert.equal(sessionize.after.perDayUsd, 513.02);
    const throughput = message.findings.filter((f) => f.rule === 'throughput-exceeds-concurrency');
    assert.deepEqual(throughput.map((f) => f.change), ['kept'], 'still capped, now by reserved concurrency');
    assert.match(throughput[0].message, /reservedConcurrency 20/);
    assert.equal(message.chart.target, 'sessionize');
    assert.equal(message.region.file, 'eu-west-1');
    assert.ok(message.region.choices.includes('eu-central-1'));
  });

  it('lists the findings the tried values settle, and charts the pipeline when no function is chosen', () => {
    const analysis = example('clickstream/serverless.yml');
    const message = buildWhatIfMessage(analysis, { version: 1, seq: 1, target: null, overrides: { functions: { sessionize: { ratePerSecond: 0.01 } } } });
    const settled = message.findings.filter((f) => f.change === 'settled').map((f) => f.rule).sort();
    assert.deepEqual(settled, ['cost-above-cluster', 'throughput-exceeds-concurrency']);
    assert.ok(message.findings.every((f) => f.line >= 0));
    assert.equal(message.chart.target, null);
    assert.equal(message.pipelinePerDayUsd.before, 514.31);
    assert.ok(message.pipelinePerDayUsd.after! < 10);
  });

  it('treats an unknown target as the whole pipeline', () => {
    const message = buildWhatIfMessage(example('orders-queue/serverless.yml'), { version: 1, seq: 1, target: 'nope', overrides: { functions: {} } });
    assert.equal(message.target, null);
    assert.deepEqual(message.findings, []);
  });
});
