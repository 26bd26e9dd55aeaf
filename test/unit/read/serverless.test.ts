import { strict as assert } from 'assert';
import { readFixture, readServerlessText, type Read } from './serverless-helpers';
import { analyze } from '../../../src/core/analyze';

describe('serverless reader: functions and provider', () => {
  let read: Read;
  before(() => {
    read = readFixture('functions.yml');
  });

  it('applies provider memory, timeout, architecture and runtime to functions that do not override them', () => {
    const ingest = read.fn('ingest');
    assert.equal(ingest.memoryMb, 2048);
    assert.equal(ingest.timeoutS, 30);
    assert.equal(ingest.architecture, 'arm64');
    assert.equal(ingest.runtime, 'python3.12');
    assert.equal(ingest.ephemeralStorageMb, 512);
    assert.equal(ingest.handler, 'src/ingest.handler');
  });

  it('lets function settings override the provider, with reservedConcurrency where it is written', () => {
    const enrich = read.fn('enrich');
    assert.equal(enrich.memoryMb, 512);
    assert.equal(enrich.timeoutS, 120);
    assert.equal(enrich.architecture, 'x86_64');
    assert.equal(enrich.runtime, 'nodejs20.x');
    assert.equal(enrich.ephemeralStorageMb, 2048);
    assert.equal(enrich.reservedConcurrency?.value, 10);
    assert.equal(read.spanText(enrich.reservedConcurrency?.span), '10');
  });

  it('names functions <service>-<stage>-<key> unless `name:` says otherwise (service given as {name})', () => {
    assert.equal(read.fn('ingest').name, 'orders-prod-ingest');
    assert.equal(read.fn('enrich').name, 'orders-enrich-custom');
    assert.equal(read.model.name, 'orders');
  });

  it('spans: the node is the function key, the block and properties its mapping', () => {
    const node = read.node('enrich');
    assert.equal(read.spanText(node.span), 'enrich');
    assert.ok(read.spanText(node.blockSpan).startsWith('name: orders-enrich-custom'));
    assert.deepEqual(node.fn?.propertiesSpan, node.blockSpan);
  });

  it('merges provider and function environment, resolving variables and references to node ids', () => {
    const env = read.fn('enrich').environment;
    const byName = Object.fromEntries(env.map((v) => [v.name, v]));
    assert.equal(byName.STAGE.value, 'prod');
    assert.equal(byName.TABLE.value, 'overridden');
    assert.deepEqual(byName.TABLE.refs, []);
    assert.deepEqual(byName.TOPIC.refs, ['OrderTopic']);
    assert.equal(read.spanText(byName.TOPIC.span), 'TOPIC');
    assert.deepEqual(read.fn('ingest').environment.find((v) => v.name === 'TABLE')?.refs, ['OrdersTable']);
  });

  it('reads provider.iamRoleStatements and provider.iam.role.statements for functions without their own', () => {
    const statements = read.fn('ingest').iamStatements;
    assert.equal(statements.length, 2);
    const dynamo = statements.find((s) => s.actions.includes('dynamodb:PutItem'));
    assert.deepEqual(dynamo?.actions, ['dynamodb:PutItem', 'dynamodb:GetItem']);
    assert.deepEqual(dynamo?.resourceIds, ['OrdersTable']);
    assert.deepEqual(statements.find((s) => s.actions.includes('s3:GetObject'))?.rawResources, ['arn:aws:s3:::reports-bucket/*']);
    assert.ok(read.hasEdge('ingest', 'OrdersTable', 'write'));
  });

  it('per-function iamRoleStatements replace the provider role, unless iamRoleStatementsInherit', () => {
    const enrich = read.fn('enrich').iamStatements;
    assert.equal(enrich.length, 1);
    assert.deepEqual(enrich[0].resourceIds, ['OrderTopic']);
    assert.ok(read.hasEdge('enrich', 'OrderTopic', 'write'));
    assert.ok(!read.hasEdge('enrich', 'OrdersTable', 'write'));
    assert.equal(read.fn('notify').iamStatements.length, 3);
  });

  it('reads async destinations: function keys, deployed names, ARNs, {type, arn}, onError, retries and age', () => {
    const ingest = read.fn('ingest').async;
    assert.equal(ingest.onFailure?.target, 'IngestFailures');
    assert.equal(ingest.maximumRetryAttempts?.value, 1);
    assert.equal(ingest.maximumEventAgeInSeconds?.value, 3600);
    assert.ok(read.hasEdge('ingest', 'IngestFailures', 'on-failure'));
    const enrich = read.fn('enrich').async;
    assert.equal(enrich.onSuccess?.target, 'notify');
    assert.equal(enrich.onFailure?.target, 'OrderTopic');
    assert.ok(read.hasEdge('enrich', 'notify', 'on-success'));
    const notify = read.fn('notify').async;
    assert.equal(notify.deadLetter?.target, 'arn:aws:sns:eu-central-1:123456789012:notify-dlq');
    assert.equal(read.node('arn:aws:sns:eu-central-1:123456789012:notify-dlq').kind, 'topic');
    assert.equal(read.node('arn:aws:sqs:eu-central-1:123456789012:done').kind, 'queue');
    assert.equal(read.fn('chained').async.onSuccess?.target, 'enrich', 'a deployed function name resolves to its key');
  });

  it('puts custom.pipelineLens annotations on functions and sources, and its region on the model', () => {
    const annotation = read.fn('ingest').annotation;
    assert.ok(annotation);
    assert.equal(annotation.rate?.value, 20);
    assert.equal(annotation.durationMs?.value, 250);
    assert.equal(annotation.stateful?.value, true);
    assert.deepEqual(annotation.stores?.value, ['OrdersTable']);
    assert.equal(read.spanText(annotation.span), 'ingest');
    assert.equal(read.node('arn:aws:kinesis:eu-central-1:123456789012:stream/orders').annotation?.shards?.value, 8);
    assert.equal(read.model.region, 'eu-west-1');
  });

  it('reports an annotation for a function that does not exist as invalid-annotation at its key', () => {
    const problems = read.problems('invalid-annotation');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /no function "ghost"/);
    assert.equal(read.spanText(problems[0].span), 'ghost');
  });

  it('resolves variables in annotations; one that stays unresolved is reported as such, not as malformed', () => {
    const annotated = readServerlessText([
      'service: s', 'provider: {name: aws}', 'custom:', '  expected: 3M/month', '  pipelineLens:', '    functions:', '      a:',
      '        rate: ${self:custom.expected}', '        duration: ${ssm:/perf/a}', 'functions:', '  a: {handler: h}', '',
    ].join('\n'));
    const annotation = annotated.fn('a').annotation;
    assert.ok(annotation?.rate);
    assert.ok(Math.abs(annotation.rate.value - 3e6 / (730 * 3600)) < 1e-9);
    assert.equal(annotated.spanText(annotation.rate.span), '${self:custom.expected}');
    assert.equal(annotation.durationMs, undefined);
    assert.deepEqual(annotated.problems('invalid-annotation'), []);
    assert.match(annotated.problems('unresolved-reference')[0].message, /annotation duration of a/);
  });

  it('uses the Serverless defaults (1024 MB, 6 s, x86_64) and the provider region when nothing is said', () => {
    const bare = readServerlessText('service: s\nprovider:\n  name: aws\n  region: ap-south-1\nfunctions:\n  a:\n    handler: a.h\n');
    const a = bare.fn('a');
    assert.equal(a.memoryMb, 1024);
    assert.equal(a.timeoutS, 6);
    assert.equal(a.architecture, 'x86_64');
    assert.equal(a.name, 's-dev-a');
    assert.equal(bare.model.region, 'ap-south-1');
    assert.equal(readServerlessText('service: s\nprovider:\n  name: aws\n').model.region, undefined);
  });

  it('reads functions given as a list of mappings', () => {
    const listed = readServerlessText('service: s\nprovider: {name: aws}\nfunctions:\n  - a: {handler: a.h}\n  - b: {handler: b.h}\n');
    assert.deepEqual(listed.model.nodes.filter((n) => n.kind === 'function').map((n) => n.id), ['a', 'b']);
  });

  it('reads serverless-lift queue constructs: queue, DLQ after maxRetries, and the worker function', () => {
    const lift = readServerlessText([
      'service: s', 'provider: {name: aws}', 'constructs:', '  jobs:', '    type: queue', '    maxRetries: 5',
      '    batchSize: 2', '    worker:', '      handler: w.h', '      timeout: 20', 'functions:', '  api:', '    handler: a.h',
      '    environment:', '      QUEUE_URL: ${construct:jobs.queueUrl}', '',
    ].join('\n'));
    const queue = lift.node('jobs');
    assert.equal(queue.kind, 'queue');
    assert.equal(queue.queue?.visibilityTimeoutS?.value, 120);
    assert.equal(queue.queue?.redrive?.target, 'jobsDlq');
    assert.equal(queue.queue?.redrive?.maxReceiveCount, 5);
    assert.ok(lift.hasEdge('jobs', 'jobsDlq', 'dlq'));
    assert.equal(lift.trigger('jobs', 'jobsWorker').batchSize?.value, 2);
    assert.equal(lift.fn('jobsWorker').timeoutS, 20);
    assert.deepEqual(lift.fn('api').environment[0].refs, ['jobs']);
  });

  it('is what analyze() returns for a serverless file', () => {
    const analysis = analyze(read.text);
    assert.equal(analysis.format, 'serverless');
    assert.deepEqual(analysis.model.nodes.map((n) => n.id).sort(), readServerlessText(read.text).model.nodes.map((n) => n.id).sort());
  });
});
