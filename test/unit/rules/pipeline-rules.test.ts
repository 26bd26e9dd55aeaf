// Rules on the design format (*.pipeline.yaml) through analyze(): a sketch gets the same verdicts as a deployment file.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';

const design = (stage: string, extra = '') => `pipeline:
  name: clicks
  region: us-east-1
  sources:
    clicks: { type: kinesis, shards: 4 }
  stages:
    sessionize:
      from: clicks
      memory: 2432
      timeout: 300s
      rate: 50/minute
      duration: 180s
${stage}${extra}
  stores:
    sessions: { type: dynamodb }
  sinks:
    failed: { type: sqs }
`;
const safe = '      stateful: true\n      stores: [sessions]\n      maximumRetryAttempts: 3\n      onFailure: failed\n';

describe('rules through analyze(): pipeline design', () => {
  it('flags 150 expected executions on 4 shards, and the cost, on a stage', () => {
    const analysis = analyze(design(safe), { path: 'clicks.pipeline.yaml' });
    assert.equal(analysis.format, 'pipeline');
    assert.deepEqual(analysis.findings.map((f) => f.rule).sort(), ['cost-above-cluster', 'throughput-exceeds-concurrency']);
  });

  it('fits 150 expected executions into 16 shards x parallelization factor 10', () => {
    const fits = analyze(design(`${safe}      parallelizationFactor: 10\n`).replace('shards: 4', 'shards: 16'), { path: 'c.pipeline.yaml' });
    assert.equal(fits.findings.filter((f) => f.rule === 'throughput-exceeds-concurrency').length, 0);
    assert.equal(fits.functions[0].concurrency.capReason, '16 shards x parallelization factor 10');
  });

  it('flags a stateful stage without stores and a stream stage without retry bounds', () => {
    const analysis = analyze(design('      stateful: true\n'), { path: 'c.pipeline.yaml' });
    const rules = analysis.findings.map((f) => f.rule);
    assert.ok(rules.includes('stateful-without-store'));
    assert.ok(rules.includes('stream-retry-unbounded'));
  });

  it('reports a stage fed straight by another stage as chained, not as an async source without buffer', () => {
    const text = `pipeline:
  name: two
  stages:
    first:
      handler: a.b
    second:
      from: first
`;
    const rules = analyze(text, { path: 'two.pipeline.yaml' }).findings.map((f) => f.rule);
    assert.ok(rules.includes('chained-without-buffer'), rules.join(','));
    assert.ok(!rules.includes('async-without-buffer'), rules.join(','));
  });
});
