import { strict as assert } from 'assert';
import { readSam } from '../../../src/core/read/sam/index';
import { detectFormat } from '../../../src/core/parse/detectFormat';
import { parseYaml } from '../../../src/core/parse/parseYaml';
import type { TriggerSource } from '../../../src/core/model';
import { fixture, readText } from './cloudformation-helpers';

describe('SAM reader', () => {
  const text = fixture('sam/all-events.yaml');
  const read = () => readText(text, readSam);

  it('is recognised with Transform given as a list', () => {
    assert.equal(detectFormat(parseYaml(text).doc), 'sam');
    assert.equal(read().model.format, 'sam');
  });

  it('applies Globals.Function where the function is silent, its own values where it speaks', () => {
    const r = read();
    const push = r.node('PushWorker').fn!;
    assert.deepEqual([push.runtime, push.memoryMb, push.timeoutS, push.architecture, push.reservedConcurrency?.value], ['python3.12', 1024, 60, 'arm64', 50]);
    assert.equal(r.textOf(push.reservedConcurrency?.span), '50', 'the span points at the Globals value');
    const stream = r.node('StreamWorker').fn!;
    assert.deepEqual([stream.memoryMb, stream.timeoutS], [2048, 120]);
    assert.deepEqual(stream.environment.map((e) => [e.name, e.value, e.refs]), [['STAGE', 'prod', []], ['TABLE', '${Events}', ['Events']]]);
  });

  it('reads Metadata.PipelineLens annotations on functions and streams', () => {
    const r = read();
    assert.equal(r.node('StreamWorker').fn?.annotation?.rate?.value, 2000);
    assert.equal(r.node('StreamWorker').fn?.annotation?.durationMs?.value, 120);
    assert.equal(r.node('Clicks').annotation?.shards?.value, 2);
  });

  it('reads Kinesis, DynamoDB and SQS events with their mapping facts', () => {
    const r = read();
    const kinesis = r.edge('Clicks', 'StreamWorker', 'trigger');
    assert.equal(r.textOf(kinesis.span), 'Kinesis');
    assert.match(r.textOf(kinesis.trigger?.eventSpan), /^Type: Kinesis/);
    const t = kinesis.trigger!;
    assert.deepEqual([t.source, t.invocation, t.batchSize?.value, t.parallelizationFactor?.value, t.maximumRetryAttempts?.value, t.bisectBatchOnFunctionError?.value, t.tumblingWindowInSeconds?.value, t.onFailure?.target],
      ['kinesis', 'stream', 500, 4, 2, true, 120, 'Failures']);
    const ddb = r.edge('EventsStream', 'StreamWorker', 'trigger').trigger!;
    assert.deepEqual([ddb.source, ddb.filtered, ddb.startingPosition], ['dynamodb', true, 'TRIM_HORIZON']);
    const sqs = r.edge('Inbox', 'StreamWorker', 'trigger').trigger!;
    assert.deepEqual([sqs.source, sqs.invocation, sqs.batchSize?.value, sqs.maximumBatchingWindowInSeconds?.value, sqs.maximumConcurrency?.value], ['sqs', 'poll', 10, 20, 5]);
  });

  it('reads MSK and MQ events from external brokers', () => {
    const r = read();
    const kafka = r.triggersInto('StreamWorker').find((e) => e.trigger?.source === 'kafka');
    assert.equal(kafka?.from, 'arn:aws:kafka:us-east-1:123456789012:cluster/clicks/abc');
    const mq = r.triggersInto('StreamWorker').find((e) => e.trigger?.source === 'mq');
    assert.equal(mq?.trigger?.invocation, 'poll');
  });

  it('reads S3, SNS (direct, filtered, SqsSubscription) events as the AWS invocation modes', () => {
    const r = read();
    const s3 = r.edge('Uploads', 'PushWorker', 'trigger').trigger!;
    assert.deepEqual([s3.source, s3.invocation, s3.filtered], ['s3', 'async', true]);
    const sns = r.edge('Alerts', 'PushWorker', 'trigger').trigger!;
    assert.deepEqual([sns.invocation, sns.filtered, sns.sqsSubscription], ['async', true, undefined]);
    const buffered = r.edge('arn:aws:sns:${AWS::Region}:${AWS::AccountId}:partner-updates', 'PushWorker', 'trigger').trigger!;
    assert.deepEqual([buffered.source, buffered.invocation, buffered.sqsSubscription], ['sns', 'poll', true]);
    assert.equal(r.node('arn:aws:sns:${AWS::Region}:${AWS::AccountId}:partner-updates').label, 'partner-updates');
    r.edge('Alerts', 'Inbox', 'notify');
    assert.equal(r.edge('Inbox', 'PushWorker', 'trigger').trigger?.batchSize?.value, 5);
  });

  it('reads EventBridgeRule, CloudWatchEvent, Schedule, ScheduleV2, IoTRule and CloudWatchLogs events', () => {
    const r = read();
    const sources = r.triggersInto('PushWorker').map((e) => [e.from, e.trigger?.source]);
    const expected: Array<[string, TriggerSource]> = [
      ['Bus', 'eventbridge'],
      ['default-event-bus', 'eventbridge'],
      ['PushWorkerNightly', 'schedule'],
      ['PushWorkerHourly', 'schedule'],
      ['PushWorkerDevice', 'iot'],
      ['PushWorkerLogs', 'cloudwatch-logs'],
    ];
    for (const pair of expected) assert.ok(sources.some(([from, source]) => from === pair[0] && source === pair[1]), pair.join(' '));
    assert.deepEqual([r.node('PushWorkerNightly').kind, r.node('PushWorkerNightly').label], ['schedule', 'rate(1 day)']);
    assert.equal(r.node('PushWorkerHourly').label, 'rate(1 hour)');
    assert.equal(r.edge('PushWorkerHourly', 'PushWorker', 'trigger').trigger?.enabled, false, 'State: DISABLED');
    assert.equal(r.edge('PushWorkerNightly', 'PushWorker', 'trigger').trigger?.enabled, undefined);
  });

  it('reads Api and HttpApi events, explicit and implicit APIs', () => {
    const r = read();
    assert.equal(r.edge('MyApi', 'ApiWorker', 'trigger').trigger?.invocation, 'sync');
    assert.equal(r.node('ServerlessRestApi').kind, 'api');
    r.edge('ServerlessHttpApi', 'ApiWorker', 'trigger');
  });

  it('reads DeadLetterQueue and EventInvokeConfig, including a destination SAM creates', () => {
    const r = read();
    const async = r.node('PushWorker').fn!.async;
    assert.equal(async.deadLetter?.target, 'Failures');
    assert.deepEqual([async.maximumRetryAttempts?.value, async.maximumEventAgeInSeconds?.value], [0, 300]);
    assert.equal(async.onSuccess?.target, 'Alerts');
    assert.equal(async.onFailure?.target, 'PushWorkerEventInvokeConfigOnFailureQueue');
    assert.equal(r.node('PushWorkerEventInvokeConfigOnFailureQueue').kind, 'queue');
    r.edge('PushWorker', 'Failures', 'on-failure');
    r.edge('PushWorker', 'Alerts', 'on-success');
  });

  it('turns policy templates and raw statements into write/read edges', () => {
    const r = read();
    assert.equal(r.textOf(r.edge('StreamWorker', 'Orders', 'write').span).trim(), 'TableName: !Ref Orders');
    r.edge('StreamWorker', 'Failures', 'write');
    r.edge('StreamWorker', 'Uploads', 'read');
    r.edge('StreamWorker', 'Alerts', 'write');
    assert.ok(!r.hasEdge('StreamWorker', 'Clicks', 'read'), 'the trigger stream is not also a read edge');
  });

  it('uses the role instead of Policies when a Role is given', () => {
    const r = read();
    r.edge('ApiWorker', 'Orders', 'read');
    assert.ok(!r.hasEdge('ApiWorker', 'Orders', 'write'), 'the Globals env var does not turn a read into a write');
  });

  it('reads SimpleTable as an on-demand table and a state machine as external', () => {
    const r = read();
    assert.deepEqual([r.node('Orders').kind, r.node('Orders').table?.billingMode], ['table', 'PAY_PER_REQUEST']);
    assert.equal(r.node('Workflow').kind, 'external');
    assert.equal(r.node('Workflow').resourceType, 'AWS::Serverless::StateMachine');
  });

  it('marks a conditional function and all of its edges', () => {
    const r = read();
    assert.equal(r.node('ApiWorker').condition, 'HasApi');
    assert.ok(r.model.edges.filter((e) => e.to === 'ApiWorker' || e.from === 'ApiWorker').every((e) => e.condition === 'HasApi'));
  });

  it('reports an event source the file does not define, keeping the trigger', () => {
    const r = read();
    const problems = r.model.problems.filter((p) => p.rule === 'unresolved-reference');
    assert.equal(problems.length, 1);
    assert.equal(r.textOf(problems[0].span), 'NotAQueue.Arn');
    assert.equal(problems[0].node, 'ApiWorker');
    r.edge('NotAQueue', 'ApiWorker', 'trigger');
  });
});
