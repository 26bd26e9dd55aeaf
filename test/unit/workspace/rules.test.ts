import * as assert from 'node:assert/strict';
import { spanFile } from '../../../src/core/workspace';
import { analyzeFixture, fileOf, joinFixtures, rulesOf } from './load';

const CF = ['cf-output/ingest/serverless.yml', 'cf-output/process/serverless.yml'];
const EXPORTS = ['exports/orders/serverless.yml', 'exports/fulfil/template.yaml'];

describe('workspace: rules on the joined model', () => {
  it("a consumer's cap comes from the producer file's shards, so throughput-exceeds-concurrency fires across files", () => {
    const alone = analyzeFixture(CF[1]);
    assert.equal(alone.functions[0].concurrency.capKind, 'account');
    assert.ok(!rulesOf(alone).includes('throughput-exceeds-concurrency sessionize'));

    const process = fileOf(joinFixtures(CF), CF[1]);
    const report = process.functions.find((f) => f.id === 'sessionize')!;
    assert.equal(report.concurrency.cap, 4);
    assert.equal(report.concurrency.capReason, '4 shards x parallelization factor 1');
    const finding = process.findings.find((f) => f.rule === 'throughput-exceeds-concurrency')!;
    assert.ok(finding, rulesOf(process).join(', '));
    assert.match(finding.message, /can run at most 4 \(4 shards x parallelization factor 1\)/);
    // The cap is written in the producer: a related location there, and the preferred fix stays in this file.
    const cap = finding.related.find((r) => r.message.startsWith('cap:'))!;
    assert.equal(spanFile(cap.span), CF[0]);
    assert.ok(finding.fixes.some((f) => /parallelizationFactor/.test(f.title)), finding.fixes.map((f) => f.title).join(', '));
  });

  it('the same in a CDK cdk.out: the consumer stack maps the producer stack 2-shard stream through its export', () => {
    const joined = joinFixtures(['cdk/cdk.out/ProducerStack.template.json', 'cdk/cdk.out/ConsumerStack.template.json']);
    const consumer = fileOf(joined, 'cdk/cdk.out/ConsumerStack.template.json');
    assert.equal(consumer.functions[0].concurrency.cap, 2);
    assert.deepEqual(rulesOf(consumer), ['throughput-exceeds-concurrency Enrich5E6F7A8B']);
    assert.deepEqual(rulesOf(analyzeFixture('cdk/cdk.out/ConsumerStack.template.json')), []);
  });

  it('stateful-without-store sees a store in another file (reached through ${cf:} in the environment)', () => {
    assert.ok(rulesOf(analyzeFixture(CF[1])).includes('stateful-without-store sessionize'));
    assert.ok(!rulesOf(fileOf(joinFixtures(CF), CF[1])).includes('stateful-without-store sessionize'));
  });

  it('queue-without-dlq and visibility-timeout-too-short land in the file that defines the queue, with the consumer as related location', () => {
    assert.deepEqual(rulesOf(analyzeFixture(EXPORTS[0])), []);
    const joined = joinFixtures(EXPORTS);
    const orders = fileOf(joined, EXPORTS[0]);
    assert.deepEqual(rulesOf(orders), ['queue-without-dlq OrdersQueue', 'visibility-timeout-too-short OrdersQueue']);
    const visibility = orders.findings.find((f) => f.rule === 'visibility-timeout-too-short')!;
    // 30 s is below Fulfil's 60 s timeout: Lambda would reject the mapping.
    assert.equal(visibility.severity, 'error');
    assert.match(visibility.message, /consumer 'Fulfil' may run for 60 s/);
    assert.ok(visibility.related.some((r) => spanFile(r.span) === EXPORTS[1]));
    // The fix edits the queue where it is written.
    assert.ok(visibility.fixes.some((f) => f.id === 'raise-visibility-timeout'));
    assert.ok(orders.findings.find((f) => f.rule === 'queue-without-dlq')!.fixes.some((f) => f.id === 'add-redrive-policy'));
    // And not in the consumer's file too.
    assert.ok(!rulesOf(fileOf(joined, EXPORTS[1])).some((r) => r.startsWith('queue-without-dlq') || r.startsWith('visibility')));
  });

  it('async-without-buffer on an SNS topic of another stack keeps its finding in the consumer, pointing at the topic', () => {
    const fulfil = fileOf(joinFixtures(EXPORTS), EXPORTS[1]);
    const finding = fulfil.findings.find((f) => f.rule === 'async-without-buffer')!;
    assert.ok(finding);
    assert.match(finding.message, /SNS topic OrdersTopic invokes 'Notify'/);
    assert.ok(finding.related.some((r) => spanFile(r.span) === EXPORTS[0] && /OrdersTopic is defined in exports\/orders/.test(r.message)));
  });

  it('downstream-unprotected fires when an API function writes to a provisioned table of another file (via SSM)', () => {
    const paths = ['ssm/store/template.yaml', 'ssm/api/serverless.yml'];
    assert.deepEqual(rulesOf(analyzeFixture(paths[1])), []);
    const api = fileOf(joinFixtures(paths), paths[1]);
    assert.deepEqual(rulesOf(api), ['downstream-unprotected createOrder']);
    const finding = api.findings[0];
    assert.match(finding.message, /DynamoDB table OrdersTable \(provisioned capacity\)/);
    assert.ok(finding.related.some((r) => spanFile(r.span) === paths[0]));
  });

  it('chained-without-buffer fires when a function may invoke a function of another service by ARN', () => {
    const paths = ['names/billing/serverless.yml', 'names/checkout/serverless.yml'];
    assert.deepEqual(rulesOf(analyzeFixture(paths[1])), []);
    const checkout = fileOf(joinFixtures(paths), paths[1]);
    assert.deepEqual(rulesOf(checkout), ['chained-without-buffer pay']);
    assert.match(checkout.findings[0].message, /'pay' hands its output straight to 'charge'/);
    assert.ok(checkout.findings[0].related.some((r) => spanFile(r.span) === paths[0]));
  });

  it('a joined reference is resolved: its unresolved-reference note goes', () => {
    assert.ok(rulesOf(analyzeFixture(CF[1])).includes('unresolved-reference sessionize'));
    assert.ok(!rulesOf(fileOf(joinFixtures(CF), CF[1])).some((r) => r.startsWith('unresolved-reference')));
  });

  it('pipeline totals: cost per day and the busiest stage of each connected pipeline', () => {
    const joined = joinFixtures(CF);
    const sessionize = fileOf(joined, CF[1]).functions[0];
    assert.deepEqual(joined.pipelines, [
      {
        files: CF,
        functions: 2,
        costPerDayUsd: Math.round(sessionize.cost!.perDayUsd * 100) / 100,
        functionsWithoutLoad: 1,
        busiest: { file: CF[1], id: 'sessionize', expected: 8.333, cap: 4, capReason: '4 shards x parallelization factor 1' },
        lowestCap: { file: CF[1], id: 'sessionize', cap: 4, capReason: '4 shards x parallelization factor 1' },
      },
    ]);
  });
});
