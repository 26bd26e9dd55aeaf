// Each rule on hand-built models (the rules' input), independent of the readers: one case that fires, one that must not.
import * as assert from 'node:assert/strict';
import type { Finding, RuleId } from '../../../src/core/findings';
import type { PipelineModel } from '../../../src/core/model';
import { functionReports } from '../../../src/core/cost/reports';
import { runRules } from '../../../src/core/rules/index';
import { resolveSettings, type DeepPartial, type Settings } from '../../../src/core/settings';
import { edge, fn, located, model, node, queue, span, stream, table, trigger, withLoad } from './kit';

function run(m: PipelineModel, rule: RuleId, settings: DeepPartial<Settings> = {}): Finding[] {
  const s = resolveSettings(settings);
  return runRules(m, s, functionReports(m, s)).filter((f) => f.rule === rule);
}

describe('rules on hand-built models', () => {
  describe('stateful-without-store', () => {
    it('fires on a function named sessionize that reaches no store, at its key', () => {
      const f = fn('sessionize', { handler: 'src/sessionize.handler' });
      const byHandler = fn('step2', { handler: 'src/clickAggregator.handler' });
      assert.match(run(model([byHandler]), 'stateful-without-store')[0].message, /its handler 'src\/clickAggregator.handler' contains 'aggregator'/);
      const [finding, ...rest] = run(model([f]), 'stateful-without-store');
      assert.equal(rest.length, 0);
      assert.deepEqual(finding.span, f.span);
      assert.match(finding.message, /'sessionize' keeps state across events \(its key is 'sessionize'\)/);
      assert.match(finding.message, /900 s/);
    });

    it('fires on a declared stateful function and relates the declaration', () => {
      const f = fn('enrichClicks');
      f.fn!.annotation = { span: span(), stateful: located(true) };
      const [finding] = run(model([f]), 'stateful-without-store');
      assert.match(finding.message, /declared `stateful: true`/);
      assert.deepEqual(finding.related[0].span, f.fn!.annotation.stateful!.span);
    });

    it('does not fire when the function writes to a table, or names its store in `stores`', () => {
      const writer = fn('aggregateOrders');
      assert.equal(run(model([writer, table('Totals')], [edge('aggregateOrders', 'Totals', 'write')]), 'stateful-without-store').length, 0);
      const annotated = fn('dedupe');
      annotated.fn!.annotation = { span: span(), stores: located(['redis-cluster']) };
      assert.equal(run(model([annotated]), 'stateful-without-store').length, 0);
      const viaEnv = fn('windowCounts', { environment: [{ name: 'COUNTS_TABLE', value: 'counts', refs: [], span: span() }] });
      assert.equal(run(model([viaEnv]), 'stateful-without-store').length, 0);
    });

    it('does not fire on names that only look alike (account, country) or on stateful: false', () => {
      assert.equal(run(model([fn('accountCreated'), fn('countryLookup')]), 'stateful-without-store').length, 0);
      const retries = fn('send', { environment: [{ name: 'MAX_RETRY_COUNT', value: '3', refs: [], span: span() }] });
      assert.equal(run(model([retries]), 'stateful-without-store').length, 0);
      const windowed = fn('send', { environment: [{ name: 'SESSION_GAP_SECONDS', value: '1800', refs: [], span: span() }] });
      assert.match(run(model([windowed]), 'stateful-without-store')[0].message, /environment variable SESSION_GAP_SECONDS contains 'session'/);
      const f = fn('joinStreams');
      f.fn!.annotation = { span: span(), stateful: located(false) };
      assert.equal(run(model([f]), 'stateful-without-store').length, 0);
    });

    it('counts a tumbling window as state only within 900 s', () => {
      const build = (seconds: number) =>
        model([stream('Clicks', { shards: located(1) }), fn('aggregate')], [trigger('Clicks', 'aggregate', { source: 'kinesis', invocation: 'stream', tumblingWindowInSeconds: located(seconds) })]);
      assert.equal(run(build(300), 'stateful-without-store').length, 0);
      const [over] = run(build(3600), 'stateful-without-store');
      assert.match(over.message, /3600 s tumbling window is above the 900 s/);
    });
  });

  describe('async-without-buffer', () => {
    const s3Model = (extra: Partial<ReturnType<typeof fn>['fn']> = {}) =>
      model([node('Uploads', 'bucket'), fn('ingest', extra)], [trigger('Uploads', 'ingest', { source: 's3', invocation: 'async' })]);

    it('fires at the S3 event entry when nothing catches failed events', () => {
      const m = s3Model();
      const [finding] = run(m, 'async-without-buffer');
      assert.deepEqual(finding.span, m.edges[0].trigger!.eventSpan);
      assert.equal(finding.node, 'ingest');
      assert.match(finding.message, /S3 bucket Uploads invokes 'ingest' asynchronously/);
      assert.match(finding.message, /2 times/);
    });

    it('does not fire with an on-failure destination, a DLQ, a schedule or an SNS SqsSubscription', () => {
      assert.equal(run(s3Model({ async: { onFailure: { target: 'Failures', span: span() } } }), 'async-without-buffer').length, 0);
      assert.equal(run(s3Model({ async: { deadLetter: { raw: 'arn:aws:sqs:dlq', span: span() } } }), 'async-without-buffer').length, 0);
      const scheduled = model([node('Nightly', 'schedule'), fn('report')], [trigger('Nightly', 'report', { source: 'schedule', invocation: 'async' })]);
      assert.equal(run(scheduled, 'async-without-buffer').length, 0);
      const sns = model([node('Topic', 'topic'), fn('n')], [trigger('Topic', 'n', { source: 'sns', invocation: 'async', sqsSubscription: true })]);
      assert.equal(run(sns, 'async-without-buffer').length, 0);
    });
  });

  describe('stream-retry-unbounded', () => {
    const build = (facts: object = {}) =>
      model([stream('Clicks', { shards: located(2), retentionHours: 48 }), fn('enrich')], [trigger('Clicks', 'enrich', { source: 'kinesis', invocation: 'stream', ...facts })]);

    it('fires at the stream event with the stream retention', () => {
      const m = build();
      const [finding] = run(m, 'stream-retry-unbounded');
      assert.deepEqual(finding.span, m.edges[0].trigger!.eventSpan);
      assert.match(finding.message, /Clicks to 'enrich'.*48 h retention/);
    });

    it('fires when maximumRetryAttempts is -1 (infinite), not when it or a record age or destination bounds it', () => {
      assert.equal(run(build({ maximumRetryAttempts: located(-1) }), 'stream-retry-unbounded').length, 1);
      assert.equal(run(build({ maximumRetryAttempts: located(3) }), 'stream-retry-unbounded').length, 0);
      assert.equal(run(build({ maximumRecordAgeInSeconds: located(3600) }), 'stream-retry-unbounded').length, 0);
      assert.equal(run(build({ onFailure: { target: 'Dlq', span: span() } }), 'stream-retry-unbounded').length, 0);
    });
  });

  describe('queue-without-dlq', () => {
    it('fires at the queue logical id and relates the consuming event', () => {
      const q = queue('Orders');
      const m = model([q, fn('worker')], [trigger('Orders', 'worker', { source: 'sqs', invocation: 'poll' })]);
      const [finding] = run(m, 'queue-without-dlq');
      assert.deepEqual(finding.span, q.span);
      assert.deepEqual(finding.related[0].span, m.edges[0].trigger!.eventSpan);
      assert.match(finding.message, /Queue Orders feeds 'worker' but has no RedrivePolicy/);
    });

    it('does not fire with a redrive policy, for a DLQ (by redrive or by name), or for a queue defined elsewhere', () => {
      const withRedrive = queue('Orders', { redrive: { target: 'OrdersDlq', maxReceiveCount: 5, span: span() } });
      assert.equal(run(model([withRedrive, fn('w')], [trigger('Orders', 'w', { source: 'sqs', invocation: 'poll' })]), 'queue-without-dlq').length, 0);
      const dlq = queue('OrdersDlq', { deadLetterFor: ['Orders'] });
      assert.equal(run(model([dlq, fn('redrive')], [trigger('OrdersDlq', 'redrive', { source: 'sqs', invocation: 'poll' })]), 'queue-without-dlq').length, 0);
      const named = queue('AuditSubscriptionDeadLetterQueue');
      assert.equal(run(model([named, fn('redrive')], [trigger('AuditSubscriptionDeadLetterQueue', 'redrive', { source: 'sqs', invocation: 'poll' })]), 'queue-without-dlq').length, 0);
      const external = { ...queue('Ext'), defined: false };
      assert.equal(run(model([external, fn('w')], [trigger('Ext', 'w', { source: 'sqs', invocation: 'poll' })]), 'queue-without-dlq').length, 0);
    });
  });

  describe('visibility-timeout-too-short', () => {
    const build = (visibility: number | undefined, timeoutS: number, batching?: number) => {
      const q = queue('Orders', { visibilityTimeoutS: visibility === undefined ? undefined : located(visibility) });
      return model([q, fn('worker', { timeoutS })], [trigger('Orders', 'worker', { source: 'sqs', invocation: 'poll', maximumBatchingWindowInSeconds: batching === undefined ? undefined : located(batching) })]);
    };

    it('is an error below the function timeout, pointing at the VisibilityTimeout value', () => {
      const m = build(30, 60);
      const [finding] = run(m, 'visibility-timeout-too-short');
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.span, m.nodes[0].queue!.visibilityTimeoutS!.span);
      assert.match(finding.message, /Lambda rejects/);
      assert.match(finding.message, /at least 360 s/);
    });

    it('is a warning below 6 x timeout + batching window, uses the 30 s SQS default, and follows the multiplier setting', () => {
      const [warn] = run(build(100, 20, 5), 'visibility-timeout-too-short');
      assert.equal(warn.severity, 'warning');
      assert.match(warn.message, /6 x 20 s \+ 5 s batching window = 125 s/);
      const [byDefault] = run(build(undefined, 10), 'visibility-timeout-too-short');
      assert.match(byDefault.message, /30 s \(the SQS default\)/);
      assert.equal(run(build(100, 20, 5), 'visibility-timeout-too-short', { visibilityTimeoutMultiplier: 4 }).length, 0);
    });

    it('does not fire at 6 x the timeout', () => {
      assert.equal(run(build(360, 60), 'visibility-timeout-too-short').length, 0);
    });
  });

  describe('throughput-exceeds-concurrency', () => {
    const build = (shards: number, factor?: number) =>
      model(
        [stream('Clicks', { shards: located(shards) }), withLoad(fn('sessionize', { memoryMb: 2432, timeoutS: 300 }), 50 / 60, 180_000)],
        [trigger('Clicks', 'sessionize', { source: 'kinesis', invocation: 'stream', parallelizationFactor: factor === undefined ? undefined : located(factor) })],
      );

    it('is an error when 150 expected executions meet 4 shards, and says both numbers', () => {
      const [finding] = run(build(4), 'throughput-exceeds-concurrency');
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /needs about 150 concurrent executions \(50\/minute x 180 s, Little's law\) but can run at most 4 \(4 shards x parallelization factor 1\)/);
      assert.match(finding.message, /parallelizationFactor/);
    });

    it('does not fire when the cap allows the load, or when the load is unknown', () => {
      assert.equal(run(build(16, 10), 'throughput-exceeds-concurrency').length, 0);
      const unknown = model([stream('Clicks', { shards: located(1) }), fn('sessionize')], [trigger('Clicks', 'sessionize', { source: 'kinesis', invocation: 'stream' })]);
      assert.equal(run(unknown, 'throughput-exceeds-concurrency').length, 0);
    });
  });

  describe('downstream-unprotected', () => {
    const build = (extra: object = {}, billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST' = 'PROVISIONED') =>
      model(
        [node('Uploads', 'bucket'), fn('ingest', extra), table('Orders', { billingMode })],
        [trigger('Uploads', 'ingest', { source: 's3', invocation: 'async' }), edge('ingest', 'Orders', 'write')],
      );

    it('fires when an S3-driven function writes to a provisioned table with no reserved concurrency', () => {
      const m = build();
      const [finding] = run(m, 'downstream-unprotected');
      assert.deepEqual(finding.span, m.nodes[1].span);
      assert.deepEqual(finding.related[0].span, m.edges[1].span);
      assert.match(finding.message, /can write to DynamoDB table Orders \(provisioned capacity\) as declared, and scales out with Uploads, with no reservedConcurrency/);
    });

    it('does not fire with reservedConcurrency or an on-demand table', () => {
      assert.equal(run(build({ reservedConcurrency: located(10) }), 'downstream-unprotected').length, 0);
      assert.equal(run(build({}, 'PAY_PER_REQUEST'), 'downstream-unprotected').length, 0);
    });
  });

  describe('chained-without-buffer', () => {
    it('is info when a function may invoke another directly, at the IAM statement', () => {
      const statement = { effect: 'Allow' as const, actions: ['lambda:InvokeFunction'], resourceIds: ['worker'], rawResources: [], span: span() };
      const m = model([fn('scheduler', { iamStatements: [statement] }), fn('worker')]);
      const [finding] = run(m, 'chained-without-buffer');
      assert.equal(finding.severity, 'info');
      assert.deepEqual(finding.span, statement.span);
      assert.match(finding.message, /'scheduler' hands its output straight to 'worker'/);
    });

    it('does not fire when a queue sits between the stages', () => {
      const m = model([fn('a'), queue('Between'), fn('b')], [edge('a', 'Between', 'write'), trigger('Between', 'b', { source: 'sqs', invocation: 'poll' })]);
      assert.equal(run(m, 'chained-without-buffer').length, 0);
    });
  });

  describe('cost-above-cluster', () => {
    it('fires above the reference cluster and names it', () => {
      const m = model([withLoad(fn('sessionize', { memoryMb: 2432 }), 50 / 60, 180_000)]);
      const [finding] = run(m, 'cost-above-cluster');
      assert.match(finding.message, /about \$513\.02 a day/);
      assert.match(finding.message, /3 x m5\.xlarge on-demand at \$0\.576\/h = \$13\.82 a day/);
    });

    it('does not fire below it, or for a function with unknown load', () => {
      assert.equal(run(model([withLoad(fn('small', { memoryMb: 128 }), 1, 100)]), 'cost-above-cluster').length, 0);
      assert.equal(run(model([fn('unknown')]), 'cost-above-cluster').length, 0);
      const big = model([withLoad(fn('sessionize', { memoryMb: 2432 }), 50 / 60, 180_000)]);
      assert.equal(run(big, 'cost-above-cluster', { clusterReference: { label: 'big', usdPerHour: 100 } }).length, 0);
    });
  });
});
