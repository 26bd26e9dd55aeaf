import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { whatIf } from '../../../src/core/design/whatif';
import { fileValues } from '../../../src/core/design/tunables';
import { isValidOverride } from '../../../src/core/design/overrides';
import { example, rules } from './examples';

describe('what-if', () => {
  it('with no overrides reports what analyze() reports', () => {
    const analysis = example('clickstream/serverless.yml');
    const result = whatIf(analysis, { functions: {} });
    assert.deepEqual(result.functions, analysis.functions);
    assert.deepEqual(rules(result.findings), rules(analysis.findings));
    assert.equal(result.pipelinePerDayUsd, 514.31); // 1.0368 + 513.02 + 0.2544
  });

  it('more shards and a higher parallelization factor lift the cap and settle throughput-exceeds-concurrency', () => {
    const analysis = example('clickstream/serverless.yml');
    const result = whatIf(analysis, { functions: { sessionize: { shards: 15, parallelizationFactor: 10 } } });
    const sessionize = result.functions.find((f) => f.id === 'sessionize')!;
    assert.equal(sessionize.concurrency.cap, 150);
    assert.equal(sessionize.concurrency.capReason, '15 shards x parallelization factor 10');
    assert.ok(!rules(result.findings).includes('throughput-exceeds-concurrency:sessionize'));
    assert.ok(rules(analysis.findings).includes('throughput-exceeds-concurrency:sessionize'), 'the analysis itself is untouched');
    assert.equal(analysis.functions.find((f) => f.id === 'sessionize')!.concurrency.cap, 4);
  });

  it('a lower rate, less memory or arm64 lower cost/day, and cost-above-cluster goes when it falls below the cluster', () => {
    const analysis = example('clickstream/serverless.yml');
    const arm = whatIf(analysis, { functions: { sessionize: { architecture: 'arm64' } } }).functions.find((f) => f.id === 'sessionize')!;
    assert.equal(arm.architecture, 'arm64');
    assert.equal(arm.cost?.perDayUsd, 410.42); // arm64 first tier: $0.0000133334 per GB-s
    const small = whatIf(analysis, { functions: { sessionize: { memoryMb: 1216 } } }).functions.find((f) => f.id === 'sessionize')!;
    assert.equal(small.cost?.perDayUsd, 256.51); // half the GB-seconds, the same requests ($0.0144 a day)
    const quiet = whatIf(analysis, { functions: { sessionize: { ratePerSecond: 1 / 60 } } });
    assert.equal(quiet.functions.find((f) => f.id === 'sessionize')!.cost?.perDayUsd, 10.26);
    assert.ok(!rules(quiet.findings).includes('cost-above-cluster:sessionize'));
    assert.ok(rules(quiet.findings).includes('stateful-without-store:sessionize'), 'other findings stay');
  });

  it('reserved concurrency below the expected concurrency becomes the cap and raises the error', () => {
    const analysis = example('orders-queue/serverless.yml');
    assert.deepEqual(rules(analysis.findings), []);
    const result = whatIf(analysis, { functions: { accept: { reservedConcurrency: 0 }, worker: { ratePerSecond: 100 } } });
    const accept = result.functions.find((f) => f.id === 'accept')!;
    assert.equal(accept.concurrency.capKind, 'reserved');
    const worker = result.functions.find((f) => f.id === 'worker')!;
    assert.equal(worker.concurrency.expected, 25);
    assert.deepEqual(rules(result.findings), ['throughput-exceeds-concurrency:accept', 'throughput-exceeds-concurrency:worker']);
  });

  it('maximumConcurrency caps the SQS trigger when it is the lowest limit', () => {
    const analysis = example('orders-queue/serverless.yml');
    const result = whatIf(analysis, { functions: { worker: { reservedConcurrency: 500, maximumConcurrency: 2, durationMs: 2000 } } });
    const worker = result.functions.find((f) => f.id === 'worker')!;
    assert.equal(worker.concurrency.capKind, 'maximum-concurrency');
    assert.equal(worker.concurrency.cap, 2);
    assert.deepEqual(rules(result.findings), ['throughput-exceeds-concurrency:worker']);
  });

  it('a region without a price table prices at us-east-1 and says so', () => {
    const analysis = example('design/clickstream.pipeline.yaml');
    const result = whatIf(analysis, { region: 'af-south-1', functions: {} });
    assert.equal(result.region, 'af-south-1');
    const cost = result.functions[0].cost!;
    assert.equal(cost.breakdown.region, 'af-south-1');
    assert.equal(cost.breakdown.pricedAsRegion, 'us-east-1');
  });

  it('scales every known rate at once, a function\'s own rate winning', () => {
    const analysis = example('clickstream/serverless.yml');
    const result = whatIf(analysis, { rateScale: 0.1, functions: { notify: { ratePerSecond: 3 } } });
    const rate = (id: string) => result.functions.find((f) => f.id === id)!.load.ratePerSecond;
    assert.deepEqual([rate('enrich'), rate('sessionize'), rate('notify')], [1, 0.08333, 3]);
    assert.equal(result.functions.find((f) => f.id === 'sessionize')!.concurrency.expected, 15);
  });

  it('gives a rate to a function whose load is unknown', () => {
    const analysis = example('clickstream/serverless.yml');
    const text = analysis.parsed.text.replace(/ {6}notify:\n {8}rate: 50\/minute\n {8}duration: 400ms\n/, '');
    const bare = analyze(text);
    assert.equal(bare.functions.find((f) => f.id === 'notify')!.cost, null);
    const result = whatIf(bare, { functions: { notify: { ratePerSecond: 2, durationMs: 100 } } });
    assert.equal(result.functions.find((f) => f.id === 'notify')!.concurrency.expected, 0.2);
  });
});

describe('what-if file values', () => {
  it('shows what the file says for each knob, null where it is silent, nothing where the knob does not apply', () => {
    const clickstream = example('clickstream/serverless.yml');
    assert.deepEqual(fileValues(clickstream, 'sessionize'), {
      ratePerSecond: 50 / 60, durationMs: 180000, memoryMb: 2432, architecture: 'x86_64', reservedConcurrency: null,
      shards: 4, parallelizationFactor: 1, batchSize: 100,
    });
    assert.deepEqual(fileValues(clickstream, 'notify'), {
      ratePerSecond: 50 / 60, durationMs: 400, memoryMb: 512, architecture: 'x86_64', reservedConcurrency: null,
    });
    const orders = example('orders-queue/serverless.yml');
    assert.deepEqual(fileValues(orders, 'worker'), {
      ratePerSecond: 2, durationMs: 250, memoryMb: 256, architecture: 'arm64', reservedConcurrency: 20, maximumConcurrency: null, batchSize: 10,
    });
    assert.equal(fileValues(orders, 'OrdersQueue'), undefined);
  });

  it('accepts only values AWS accepts', () => {
    assert.ok(isValidOverride('parallelizationFactor', 10));
    assert.ok(!isValidOverride('parallelizationFactor', 11));
    assert.ok(!isValidOverride('memoryMb', 64));
    assert.ok(!isValidOverride('memoryMb', 512.5));
    assert.ok(!isValidOverride('ratePerSecond', Number.NaN));
    assert.ok(!isValidOverride('architecture', 'sparc'));
    assert.ok(isValidOverride('architecture', 'arm64'));
  });
});
