import { strict as assert } from 'assert';
import { readFixture, type Read } from './serverless-helpers';

describe('serverless reader: events', () => {
  let read: Read;
  before(() => {
    read = readFixture('events.yml');
  });

  it('reads a Kinesis stream event with every mapping setting, at the spans the user wrote', () => {
    const trigger = read.trigger('ClickStream', 'kinesisConsumer');
    assert.equal(trigger.source, 'kinesis');
    assert.equal(trigger.invocation, 'stream');
    assert.equal(trigger.batchSize?.value, 500);
    assert.equal(read.spanText(trigger.batchSize?.span), '500');
    assert.equal(trigger.parallelizationFactor?.value, 4);
    assert.equal(trigger.maximumRetryAttempts?.value, 3);
    assert.equal(trigger.maximumRecordAgeInSeconds?.value, 3600);
    assert.equal(trigger.bisectBatchOnFunctionError?.value, true);
    assert.equal(trigger.tumblingWindowInSeconds?.value, 60);
    assert.equal(trigger.maximumBatchingWindowInSeconds?.value, 5);
    assert.equal(trigger.startingPosition, 'LATEST');
    assert.equal(trigger.enabled, true);
    assert.equal(trigger.filtered, true);
    assert.equal(trigger.onFailure?.target, 'StreamFailures');
    assert.equal(read.spanText(trigger.onFailure?.span), 'StreamFailures.Arn');
    assert.ok(read.spanText(trigger.eventSpan).startsWith('stream:\n          type: kinesis'));
    assert.equal(read.spanText(read.edge('ClickStream', 'kinesisConsumer', 'trigger').span), 'stream');
    assert.ok(read.hasEdge('kinesisConsumer', 'StreamFailures', 'on-failure'));
    assert.equal(read.node('ClickStream').kind, 'stream');
  });

  it('reads a stream given as an ARN string as an external Kinesis stream named by its ARN', () => {
    const arn = 'arn:aws:kinesis:eu-west-1:123456789012:stream/partner-feed';
    const trigger = read.trigger(arn, 'externalStreamConsumer');
    assert.equal(trigger.source, 'kinesis');
    const node = read.node(arn);
    assert.equal(node.kind, 'stream');
    assert.equal(node.defined, false);
    assert.equal(node.label, 'partner-feed');
  });

  it('reads a DynamoDB stream as the <Table>Stream node fed by its table, with an {type, arn} destination', () => {
    const trigger = read.trigger('OrdersTableStream', 'tableConsumer');
    assert.equal(trigger.source, 'dynamodb');
    assert.equal(trigger.invocation, 'stream');
    assert.equal(trigger.startingPosition, 'TRIM_HORIZON');
    assert.equal(trigger.onFailure?.target, 'StreamFailures');
    assert.equal(read.node('OrdersTableStream').kind, 'table-stream');
    assert.equal(read.node('OrdersTableStream').label, 'OrdersTable stream');
    assert.ok(read.hasEdge('OrdersTable', 'OrdersTableStream', 'notify'));
  });

  it('reads sqs events by GetAtt with batching and concurrency, and by ARN string', () => {
    const trigger = read.trigger('WorkQueue', 'queueConsumer');
    assert.equal(trigger.source, 'sqs');
    assert.equal(trigger.invocation, 'poll');
    assert.equal(trigger.batchSize?.value, 20);
    assert.equal(trigger.maximumBatchingWindowInSeconds?.value, 10);
    assert.equal(trigger.maximumConcurrency?.value, 5);
    assert.equal(read.spanText(trigger.maximumConcurrency?.span), '5');
    assert.equal(read.node('WorkQueue').queue?.visibilityTimeoutS?.value, 60);
    const arn = 'arn:aws:sqs:us-east-1:123456789012:legacy-queue';
    assert.equal(read.trigger(arn, 'queueByArn').source, 'sqs');
    assert.equal(read.node(arn).kind, 'queue');
  });

  it('gives buckets the s3 event creates the logical id Serverless gives them (S3Bucket + alphanumerics)', () => {
    const created = read.node('S3BucketMyuploadsdev');
    assert.equal(created.kind, 'bucket');
    assert.equal(created.defined, true);
    assert.equal(created.label, 'my-uploads.dev');
    assert.equal(read.spanText(created.span), 'my-uploads.${sls:stage}');
    const trigger = read.trigger('S3BucketMyuploadsdev', 'uploads');
    assert.equal(trigger.source, 's3');
    assert.equal(trigger.invocation, 'async');
    assert.equal(trigger.filtered, true);
    assert.equal(read.node('S3BucketPhotos').label, 'photos');
    assert.equal(read.trigger('S3BucketPhotos', 'uploads').filtered, undefined);
    const existing = read.node('shared-archive');
    assert.equal(existing.defined, false);
    assert.equal(existing.kind, 'bucket');
    assert.ok(read.hasEdge('shared-archive', 'uploads', 'trigger'));
  });

  it('reads sns events by topic name (SNSTopic<Name>), by Ref with filter and redrive, and by ARN', () => {
    const created = read.node('SNSTopicOrderevents');
    assert.equal(created.kind, 'topic');
    assert.equal(created.label, 'order-events');
    assert.equal(read.trigger('SNSTopicOrderevents', 'topicByName').invocation, 'async');
    const byRef = read.trigger('AlertsTopic', 'topicByArn');
    assert.equal(byRef.source, 'sns');
    assert.equal(byRef.filtered, true);
    assert.ok(read.hasEdge('AlertsTopic', 'AlertsDlq', 'dlq'), 'the subscription DLQ is drawn from the topic');
    const arn = 'arn:aws:sns:us-east-1:123456789012:partner-topic';
    assert.equal(read.node(arn).kind, 'topic');
    assert.equal(read.node(arn).label, 'partner-topic');
    assert.ok(read.hasEdge(arn, 'topicExternal', 'trigger'));
  });

  it('reads schedules as their own rule nodes, numbered per function as Serverless does', () => {
    const first = read.node('CronEventsRuleSchedule1');
    assert.equal(first.kind, 'schedule');
    assert.equal(first.label, 'rate(5 minutes)');
    const second = read.node('CronEventsRuleSchedule2');
    assert.equal(read.spanText(second.span), 'cron(0 12 * * ? *)');
    assert.equal(read.trigger('CronEventsRuleSchedule1', 'cron').source, 'schedule');
    assert.equal(read.trigger('CronEventsRuleSchedule2', 'cron').enabled, false);
  });

  it('reads http, httpApi, websocket and alb events as synchronous API callers', () => {
    for (const [api, label] of [['ApiGatewayRestApi', 'http'], ['HttpApi', 'httpApi'], ['WebsocketsApi', 'websocket']]) {
      const trigger = read.trigger(api, 'api');
      assert.equal(trigger.invocation, 'sync');
      assert.equal(trigger.source, 'api');
      assert.equal(read.node(api).kind, 'api');
      assert.equal(read.spanText(read.node(api).span), label);
    }
    const listener = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/my-lb/50dc6c495c0c9188/f2f7dc8efc522ab2';
    const alb = read.trigger(listener, 'balancer');
    assert.equal(alb.source, 'alb');
    assert.equal(alb.invocation, 'sync');
  });

  it('reads eventBridge events on a named bus (with its target DLQ), on the default bus, and as a schedule', () => {
    const bus = 'arn:aws:events:us-east-1:123456789012:event-bus/orders';
    assert.equal(read.node(bus).kind, 'event-bus');
    const onBus = read.trigger(bus, 'bridge');
    assert.equal(onBus.source, 'eventbridge');
    assert.equal(onBus.invocation, 'async');
    assert.ok(read.hasEdge(bus, 'StreamFailures', 'dlq'));
    assert.equal(read.trigger('default-event-bus', 'bridge').source, 'eventbridge');
    assert.equal(read.trigger('BridgeEventBridgeSchedule3', 'bridge').source, 'schedule');
    assert.equal(read.node('BridgeEventBridgeSchedule3').label, 'rate(1 hour)');
  });

  it('reads cloudwatchEvent (default bus), cloudwatchLog and iot events as asynchronous', () => {
    assert.equal(read.trigger('default-event-bus', 'legacyEvents').invocation, 'async');
    const logs = read.trigger('/aws/lambda/other', 'logs');
    assert.equal(logs.source, 'cloudwatch-logs');
    assert.equal(logs.invocation, 'async');
    assert.ok(read.hasEdge('/aws/lambda/plain', 'logs', 'trigger'));
    const iot = read.trigger('ThingsIotTopicRule1', 'things');
    assert.equal(iot.source, 'iot');
    assert.equal(iot.invocation, 'async');
    assert.equal(read.node('ThingsIotTopicRule1').label, "IoT: SELECT * FROM 'sensors/#'");
  });

  it('reads kafka, msk, activemq and rabbitmq events as polled sources', () => {
    const kafka = read.trigger('kafka:clicks', 'kafkaConsumer');
    assert.equal(kafka.source, 'kafka');
    assert.equal(kafka.invocation, 'poll');
    assert.equal(kafka.batchSize?.value, 100);
    assert.equal(read.node('kafka:clicks').label, 'Kafka topic clicks');
    const msk = read.trigger('arn:aws:kafka:us-east-1:123456789012:cluster/analytics/abc-123', 'mskConsumer');
    assert.equal(msk.source, 'kafka');
    assert.equal(msk.startingPosition, 'LATEST');
    for (const broker of ['arn:aws:mq:us-east-1:123456789012:broker:orders:b-123', 'arn:aws:mq:us-east-1:123456789012:broker:rabbit:b-456']) {
      const mq = read.trigger(broker, 'mqConsumer');
      assert.equal(mq.source, 'mq');
      assert.equal(mq.invocation, 'poll');
    }
  });

  it('still draws a trigger for event types it knows only by name', () => {
    const other = read.trigger('cognitoUserPool', 'cognito');
    assert.equal(other.source, 'other');
    assert.equal(other.invocation, 'sync');
  });

  it('reads every function with its key as the node span, and reports nothing for this well-formed file', () => {
    const functions = read.model.nodes.filter((n) => n.kind === 'function');
    assert.equal(functions.length, 20);
    for (const fn of functions) assert.equal(read.spanText(fn.span), fn.id);
    assert.deepEqual(read.problems(), []);
  });
});
