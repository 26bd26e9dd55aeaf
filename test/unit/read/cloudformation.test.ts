import { strict as assert } from 'assert';
import { readCloudFormation } from '../../../src/core/read/cloudformation/index';
import { fixture, readText } from './cloudformation-helpers';

describe('CloudFormation reader', () => {
  const read = () => readText(fixture('cloudformation/stream-pipeline.yaml'), readCloudFormation);

  it('reads a Lambda function with its sizes, role statements, environment and annotation', () => {
    const r = read();
    const node = r.node('Sessionize');
    assert.equal(node.kind, 'function');
    assert.equal(r.textOf(node.span), 'Sessionize');
    const fn = node.fn!;
    assert.equal(fn.name, 'sessionize');
    assert.equal(fn.memoryMb, 2432);
    assert.equal(fn.timeoutS, 300);
    assert.equal(fn.architecture, 'arm64');
    assert.equal(fn.ephemeralStorageMb, 1024);
    assert.equal(fn.reservedConcurrency?.value, 20);
    assert.equal(r.textOf(fn.reservedConcurrency?.span), '20');
    assert.deepEqual(fn.environment.map((e) => [e.name, e.refs]), [['TABLE', ['Sessions']], ['OUT_QUEUE', ['WorkQueue']]]);
    assert.equal(fn.iamStatements.length, 4, 'managed Kinesis execution role + 3 inline statements');
    assert.deepEqual(fn.iamStatements.map((s) => s.resourceIds), [['Sessions'], ['Orders'], ['Clicks'], []]);
    assert.deepEqual(fn.iamStatements[3].rawResources, ['*'], 'AWSLambdaKinesisExecutionRole grants on any stream');
    assert.equal(fn.annotation?.rate?.value, 50 / 60);
    assert.equal(fn.annotation?.stateful?.value, true);
    assert.equal(fn.async.deadLetter?.target, 'WorkDLQ');
  });

  it('applies Lambda defaults: 128 MB, 3 s, x86_64, 512 MB ephemeral storage, logical id as name', () => {
    const fn = read().node('IngestFunction').fn!;
    assert.deepEqual([fn.name, fn.memoryMb, fn.timeoutS, fn.architecture, fn.ephemeralStorageMb], ['IngestFunction', 128, 3, 'x86_64', 512]);
    assert.equal(fn.reservedConcurrency, undefined);
  });

  it('turns an event source mapping into a stream trigger with every mapping fact', () => {
    const r = read();
    const edge = r.edge('Clicks', 'Sessionize', 'trigger');
    assert.equal(r.textOf(edge.span), 'ClicksMapping');
    const t = edge.trigger!;
    assert.equal(t.source, 'kinesis');
    assert.equal(t.invocation, 'stream');
    assert.deepEqual(
      [t.batchSize?.value, t.parallelizationFactor?.value, t.maximumRetryAttempts?.value, t.maximumRecordAgeInSeconds?.value,
        t.bisectBatchOnFunctionError?.value, t.tumblingWindowInSeconds?.value, t.maximumBatchingWindowInSeconds?.value, t.startingPosition],
      [100, 2, 3, 3600, true, 60, 5, 'LATEST'],
    );
    assert.equal(t.onFailure?.target, 'WorkDLQ');
    assert.equal(r.textOf(t.parallelizationFactor?.span), '2');
    assert.ok(r.hasEdge('Sessionize', 'WorkDLQ', 'on-failure'));
  });

  it('gives a DynamoDB stream its own node fed by the table, and reads filters', () => {
    const r = read();
    const stream = r.node('SessionsStream');
    assert.equal(stream.kind, 'table-stream');
    assert.equal(stream.label, 'Sessions stream');
    r.edge('Sessions', 'SessionsStream', 'notify');
    const edge = r.edge('SessionsStream', 'NotifyFunction', 'trigger');
    assert.equal(edge.trigger?.source, 'dynamodb');
    assert.equal(edge.trigger?.filtered, true);
    assert.deepEqual(r.node('Sessions').table, { billingMode: 'PAY_PER_REQUEST', streamEnabled: true, streamViewType: 'NEW_IMAGE' });
    assert.equal(r.node('Orders').table?.billingMode, 'PROVISIONED');
  });

  it('matches a mapping given by plain ARN and function name, with SQS scaling facts', () => {
    const r = read();
    const edge = r.edge('WorkQueue', 'WorkerFunction', 'trigger');
    assert.equal(edge.trigger?.invocation, 'poll');
    assert.equal(edge.trigger?.maximumConcurrency?.value, 10);
    assert.equal(edge.trigger?.enabled, false);
  });

  it('reads queues: visibility timeout, FIFO, redrive as map and as JSON string, dead-letter-for', () => {
    const r = read();
    const work = r.node('WorkQueue').queue!;
    assert.equal(work.visibilityTimeoutS?.value, 180);
    assert.equal(work.redrive?.target, 'WorkDLQ');
    assert.equal(work.redrive?.maxReceiveCount, 5);
    const legacy = r.node('LegacyQueue').queue!;
    assert.equal(legacy.fifo, true);
    assert.equal(legacy.redrive?.target, 'WorkDLQ', 'JSON-string ARN matched by QueueName');
    assert.equal(legacy.redrive?.maxReceiveCount, 3);
    assert.deepEqual(r.node('WorkDLQ').queue?.deadLetterFor, ['WorkQueue', 'LegacyQueue']);
    assert.match(r.textOf(r.edge('WorkQueue', 'WorkDLQ', 'dlq').span), /^RedrivePolicy:/);
  });

  it('reads Kinesis stream facts and its Metadata annotation', () => {
    const clicks = read().node('Clicks');
    assert.equal(clicks.stream?.shards?.value, 4);
    assert.equal(clicks.annotation?.shards?.value, 8);
  });

  it('reads S3 notifications: lambda -> async trigger, queue -> notify', () => {
    const r = read();
    const edge = r.edge('Uploads', 'IngestFunction', 'trigger');
    assert.deepEqual([edge.trigger?.source, edge.trigger?.invocation], ['s3', 'async']);
    r.edge('Uploads', 'WorkQueue', 'notify');
    assert.equal(r.triggersInto('IngestFunction').filter((e) => e.from === 'Uploads').length, 1, 'the Permission does not add a second trigger');
  });

  it('reads SNS inline subscriptions and Subscription resources', () => {
    const r = read();
    assert.equal(r.edge('Events', 'NotifyFunction', 'trigger').trigger?.source, 'sns');
    r.edge('Events', 'WorkQueue', 'notify');
    r.edge('Events', 'ProdOnlyQueue', 'notify');
  });

  it('reads a lambda Subscription resource to a foreign topic; its Permission adds nothing more', () => {
    const r = read();
    const topic = 'arn:aws:sns:eu-west-1:123456789012:partner-feed';
    const edges = r.triggersInto('WorkerFunction').filter((e) => e.from === topic);
    assert.equal(edges.length, 1);
    assert.equal(r.textOf(edges[0].span), 'PartnerSubscription');
    assert.deepEqual([edges[0].trigger?.source, edges[0].trigger?.invocation, edges[0].trigger?.filtered], ['sns', 'async', true]);
    assert.equal(r.node(topic).label, 'partner-feed');
  });

  it('reads a QueuePolicy for an SNS source as a notify edge only where nothing else links them', () => {
    const r = read();
    assert.equal(r.textOf(r.edge('arn:aws:sns:eu-west-1:123456789012:partner-feed', 'PartnerQueue', 'notify').span), 'PartnerQueuePolicy');
    r.edge('Events', 'PartnerQueue', 'notify');
    const toWork = r.model.edges.filter((e) => e.from === 'Events' && e.to === 'WorkQueue');
    assert.equal(toWork.length, 1, 'the inline subscription already links Events to WorkQueue');
  });

  it('reads EventBridge rules: a schedule node, or the default bus for a pattern', () => {
    const r = read();
    const schedule = r.node('NightlyRule');
    assert.deepEqual([schedule.kind, schedule.label], ['schedule', 'rate(1 day)']);
    assert.equal(r.edge('NightlyRule', 'IngestFunction', 'trigger').trigger?.source, 'schedule');
    assert.equal(r.node('default-event-bus').kind, 'event-bus');
    const pattern = r.edge('default-event-bus', 'NotifyFunction', 'trigger').trigger!;
    assert.deepEqual([pattern.invocation, pattern.filtered, pattern.enabled], ['async', true, false]);
    assert.equal(r.edge('NightlyRule', 'IngestFunction', 'trigger').trigger?.enabled, undefined);
  });

  it('turns a Permission into a trigger only when nothing else wires that source', () => {
    const r = read();
    const edge = r.edge('arn:aws:s3:::partner-drop', 'WorkerFunction', 'trigger');
    assert.equal(r.textOf(edge.span), 'ExternalBucketPermission');
    const bucket = r.node('arn:aws:s3:::partner-drop');
    assert.deepEqual([bucket.kind, bucket.defined, bucket.label], ['bucket', false, 'partner-drop']);
  });

  it('applies an EventInvokeConfig to its function: retries, age, destinations', () => {
    const r = read();
    const async = r.node('IngestFunction').fn!.async;
    assert.equal(async.maximumRetryAttempts?.value, 1);
    assert.equal(async.maximumEventAgeInSeconds?.value, 600);
    assert.equal(async.onFailure?.target, 'WorkDLQ');
    assert.equal(async.onSuccess?.target, 'Events');
    r.edge('IngestFunction', 'WorkDLQ', 'on-failure');
    r.edge('IngestFunction', 'Events', 'on-success');
  });

  it('infers write and read edges from IAM statements and environment references', () => {
    const r = read();
    assert.match(r.textOf(r.edge('Sessionize', 'Sessions', 'write').span), /dynamodb:PutItem/);
    r.edge('Sessionize', 'Orders', 'read');
    assert.equal(r.textOf(r.edge('Sessionize', 'WorkQueue', 'write').span), 'OUT_QUEUE: !Ref WorkQueue');
    assert.ok(!r.hasEdge('Sessionize', 'Clicks', 'read'), 'reading its own trigger stream is not a separate edge');
  });

  it('draws Firehose and ElastiCache as stores and Firehose links', () => {
    const r = read();
    assert.equal(r.node('Archive').kind, 'store');
    assert.equal(r.node('Cache').kind, 'store');
    r.edge('Clicks', 'Archive', 'notify');
    r.edge('Archive', 'Uploads', 'notify');
  });

  it('marks conditional resources and every edge they take part in', () => {
    const r = read();
    assert.equal(r.node('ProdOnlyQueue').condition, 'IsProd');
    assert.equal(r.edge('Events', 'ProdOnlyQueue', 'notify').condition, 'IsProd');
  });

  it('reports a missing reference as unresolved-reference, pointing at it', () => {
    const r = read();
    const problems = r.model.problems.filter((p) => p.rule === 'unresolved-reference');
    assert.equal(problems.length, 1);
    assert.equal(r.textOf(problems[0].span), 'NotDefinedAnywhere');
    assert.equal(problems[0].node, 'NotifyFunction');
  });
});

describe('CloudFormation reader: long form, conditions and odd input', () => {
  const read = () => readText(fixture('cloudformation/long-form.json'), readCloudFormation);

  it('reads a JSON template with long-form intrinsics', () => {
    const r = read();
    assert.equal(r.node('Handler').fn?.memoryMb, 512);
    assert.equal(r.node('Orders').stream?.mode, 'on-demand');
    assert.equal(r.textOf(r.node('Handler').span), '"Handler"');
  });

  it('follows a parameter default ARN to the stream the file defines', () => {
    const edge = read().edge('Orders', 'Handler', 'trigger');
    assert.equal(edge.trigger?.source, 'kinesis');
  });

  it('keeps an imported source as an external node named after the import', () => {
    const r = read();
    const node = r.node('ImportValue other-stack-stream-arn');
    assert.deepEqual([node.kind, node.defined], ['stream', false]);
    r.edge('ImportValue other-stack-stream-arn', 'Handler', 'trigger');
  });

  it('reads both branches of Fn::If and marks the conditional edge', () => {
    const r = read();
    assert.deepEqual(r.node('Handler').fn?.environment[0].refs, ['BigQueue', 'SmallQueue']);
    assert.equal(r.edge('Handler', 'BigQueue', 'write').condition, 'BigQueue');
    assert.equal(r.edge('Handler', 'SmallQueue', 'write').condition, undefined);
  });

  it('reads statements of a managed policy the role references', () => {
    const r = read();
    const statements = r.node('Handler').fn!.iamStatements;
    assert.deepEqual(statements[0].resourceIds, ['SmallQueue', 'BigQueue']);
    assert.match(r.textOf(r.edge('Handler', 'SmallQueue', 'write').span), /sqs:SendMessage/);
  });

  it('survives resources without properties, of odd shape or without type, and bad redrive JSON', () => {
    const r = read();
    assert.equal(r.node('NoProperties').fn?.memoryMb, 128);
    assert.equal(r.node('WeirdQueue').kind, 'queue');
    assert.equal(r.node('OddRedrive').queue?.redrive?.target, undefined);
    assert.ok(!r.model.nodes.some((n) => n.id === 'NoType'));
  });

  it('reports the missing stream of a mapping and still draws the edge to an external node', () => {
    const r = read();
    const problem = r.model.problems.find((p) => p.rule === 'unresolved-reference');
    assert.ok(problem);
    assert.match(problem.message, /"NoSuchStream" is referenced here but not defined/);
    assert.equal(r.textOf(problem.span), '{ "Fn::GetAtt": ["NoSuchStream", "Arn"] }');
    assert.equal(r.node('NoSuchStream').defined, false);
    r.edge('NoSuchStream', 'Handler', 'trigger');
  });
});

describe('CloudFormation reader: references to other stacks', () => {
  const text = `Resources:
  Dlq:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: dlq.yaml }
  Consumer:
    Type: AWS::Lambda::Function
    Properties:
      DeadLetterConfig:
        TargetArn: !GetAtt Dlq.Outputs.QueueArn
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: '{{resolve:ssm:/shared/orders-stream-arn}}'
      FunctionName: !Ref Consumer
`;
  it('names a nested stack output after what it returns and an SSM reference after its parameter', () => {
    const r = readText(text, readCloudFormation);
    const dlq = r.node('Dlq');
    assert.deepEqual([dlq.kind, dlq.defined, dlq.label], ['queue', false, 'Dlq (nested stack)']);
    r.edge('Consumer', 'Dlq', 'on-failure');
    const source = r.node('{{resolve:ssm:/shared/orders-stream-arn}}');
    assert.deepEqual([source.kind, source.label], ['stream', 'ssm:/shared/orders-stream-arn']);
    assert.deepEqual(r.model.problems, []);
  });
});

describe('CloudFormation reader: stores and workflows', () => {
  const text = `Metadata:
  PipelineLens:
    region: ap-southeast-2
Resources:
  Db: { Type: AWS::RDS::DBCluster }
  Instance: { Type: AWS::RDS::DBInstance }
  Docs: { Type: AWS::DocDB::DBCluster }
  Search: { Type: AWS::OpenSearchService::Domain }
  Memory: { Type: AWS::MemoryDB::Cluster }
  Cache: { Type: AWS::ElastiCache::CacheCluster }
  Flow: { Type: AWS::StepFunctions::StateMachine }
  Bus: { Type: AWS::Events::EventBus, Properties: { Name: shop } }
  Writer:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt WriterRole.Arn
  WriterRole:
    Type: AWS::IAM::Role
  WriterPolicy:
    Type: AWS::IAM::Policy
    Properties:
      Roles: [!Ref WriterRole]
      PolicyDocument:
        Statement:
          - { Effect: Allow, Action: rds-data:ExecuteStatement, Resource: !Ref Db }
          - { Effect: Allow, Action: states:StartExecution, Resource: !Ref Flow }
          - { Effect: Allow, Action: events:PutEvents, Resource: !GetAtt Bus.Arn }
          - { Effect: Deny, Action: "es:*", Resource: !GetAtt Search.Arn }
`;
  it('draws databases, caches and search domains as stores and Step Functions as external', () => {
    const r = readText(text, readCloudFormation);
    assert.deepEqual(['Db', 'Instance', 'Docs', 'Search', 'Memory', 'Cache'].map((id) => r.node(id).kind), Array(6).fill('store'));
    assert.equal(r.node('Flow').kind, 'external');
    assert.equal(r.node('Bus').kind, 'event-bus');
    assert.equal(r.model.region, 'ap-southeast-2');
  });

  it('reads statements of an AWS::IAM::Policy attached to the role, ignoring Deny', () => {
    const r = readText(text, readCloudFormation);
    r.edge('Writer', 'Db', 'write');
    r.edge('Writer', 'Flow', 'write');
    r.edge('Writer', 'Bus', 'write');
    assert.ok(!r.hasEdge('Writer', 'Search', 'write'));
  });
});

describe('CloudFormation reader: aliases and versions', () => {
  it('follows an alias of a version to its function, and gives up on an alias cycle', () => {
    const text = `Resources:
  Clicks: { Type: AWS::Kinesis::Stream }
  Fn: { Type: AWS::Lambda::Function }
  FnVersion: { Type: AWS::Lambda::Version, Properties: { FunctionName: !Ref Fn } }
  Live: { Type: AWS::Lambda::Alias, Properties: { FunctionName: !Ref FnVersion, FunctionVersion: "1", Name: live } }
  Loop: { Type: AWS::Lambda::Alias, Properties: { FunctionName: !Ref Loop, Name: loop } }
  ToLive:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Clicks.Arn, FunctionName: !Ref Live }
  ToLoop:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Clicks.Arn, FunctionName: !Ref Loop }
`;
    const r = readText(text, readCloudFormation);
    r.edge('Clicks', 'Fn', 'trigger');
    assert.equal(r.model.edges.filter((e) => e.kind === 'trigger').length, 1);
  });
});

describe('CloudFormation reader: numbers through parameters, mappings and conditions', () => {
  it('reads sizes and mapping facts given by parameter defaults, FindInMap and the first branch of Fn::If', () => {
    const text = `Parameters:
  Memory: { Type: Number, Default: 1536 }
  Batch: { Type: Number, Default: "250" }
  Bisect: { Type: String, Default: "true" }
Mappings:
  Sizes: { prod: { Timeout: 90 } }
Resources:
  Clicks: { Type: AWS::Kinesis::Stream, Properties: { ShardCount: !If [IsProd, 8, 2] } }
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      MemorySize: !Ref Memory
      Timeout: !FindInMap [Sizes, prod, Timeout]
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: !GetAtt Clicks.Arn
      FunctionName: !Ref Fn
      BatchSize: !Ref Batch
      BisectBatchOnFunctionError: !Ref Bisect
`;
    const r = readText(text, readCloudFormation);
    assert.deepEqual([r.node('Fn').fn?.memoryMb, r.node('Fn').fn?.timeoutS], [1536, 90]);
    assert.equal(r.node('Clicks').stream?.shards?.value, 8);
    const trigger = r.edge('Clicks', 'Fn', 'trigger').trigger!;
    assert.equal(trigger.batchSize?.value, 250);
    assert.equal(r.textOf(trigger.batchSize?.span), 'Batch', 'the span stays on the value written in the mapping');
    assert.equal(trigger.bisectBatchOnFunctionError?.value, true);
  });
});
