// Every rule through analyze() on AWS SAM templates: one template that fires it (at the right key) and one that
// must not. Clean pipelines give no warnings.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import type { Finding, RuleId } from '../../../src/core/findings';
import type { DeepPartial, Settings } from '../../../src/core/settings';

const HEAD = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs20.x
    Timeout: 30
Resources:
`;

function check(resources: string, rule: RuleId, settings: DeepPartial<Settings> = {}) {
  const text = HEAD + resources;
  const analysis = analyze(text, { path: 'template.yaml', settings });
  assert.equal(analysis.format, 'sam');
  const found: Finding[] = analysis.findings.filter((f) => f.rule === rule);
  return { found, at: (f: Finding) => text.slice(f.span.start, f.span.end), analysis };
}

const clicks = (shards = 4) => `  Clicks:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: ${shards}
  Sessions:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
`;

const kinesisFn = (name: string, opts: { metadata?: string; props?: string; event?: string } = {}) => `  ${name}:
    Type: AWS::Serverless::Function
${opts.metadata ?? ''}    Properties:
      Handler: src/index.handler
${opts.props ?? ''}      Events:
        Clicks:
          Type: Kinesis
          Properties:
            Stream: !GetAtt Clicks.Arn
            StartingPosition: LATEST
${opts.event ?? ''}`;

const boundedEvent = `            MaximumRetryAttempts: 3
            DestinationConfig:
              OnFailure:
                Destination: arn:aws:sqs:us-east-1:123456789012:failed
`;
const sessionsPolicy = `      Policies:
        - DynamoDBCrudPolicy:
            TableName: !Ref Sessions
`;

describe('rules through analyze(): SAM', () => {
  describe('stateful-without-store', () => {
    it('fires on a sessionize function with no store, at its logical id', () => {
      const { found, at } = check(kinesisFn('SessionizeFunction', { event: boundedEvent }) + clicks(), 'stateful-without-store');
      assert.equal(found.length, 1);
      assert.equal(at(found[0]), 'SessionizeFunction');
    });

    it('does not fire when a policy grants it a table', () => {
      assert.equal(check(kinesisFn('SessionizeFunction', { event: boundedEvent, props: sessionsPolicy }) + clicks(), 'stateful-without-store').found.length, 0);
    });
  });

  describe('stream-retry-unbounded', () => {
    it('fires at the Kinesis event entry', () => {
      const { found, at } = check(kinesisFn('EnrichFunction') + clicks(), 'stream-retry-unbounded');
      assert.equal(found.length, 1);
      assert.match(at(found[0]), /Type: Kinesis/);
    });

    it('does not fire with an on-failure destination', () => {
      assert.equal(check(kinesisFn('EnrichFunction', { event: boundedEvent }) + clicks(), 'stream-retry-unbounded').found.length, 0);
    });
  });

  const load = (rate: string, duration: string) => `    Metadata:
      PipelineLens:
        rate: ${rate}
        duration: ${duration}
`;
  const heavy = (event = boundedEvent, shards = 4) =>
    kinesisFn('SessionizeFunction', { metadata: load('50/minute', '180s'), props: `      MemorySize: 2432\n      Timeout: 300\n${sessionsPolicy}`, event }) + clicks(shards);

  describe('throughput-exceeds-concurrency', () => {
    it('is an error when 150 expected executions meet 4 shards', () => {
      const { found, at } = check(heavy(), 'throughput-exceeds-concurrency');
      assert.equal(found.length, 1);
      assert.equal(at(found[0]), 'SessionizeFunction');
      assert.match(found[0].message, /at most 4 \(4 shards x parallelization factor 1\)/);
    });

    it('does not fire with 16 shards x parallelization factor 10', () => {
      assert.equal(check(heavy(`${boundedEvent}            ParallelizationFactor: 10\n`, 16), 'throughput-exceeds-concurrency').found.length, 0);
    });
  });

  describe('cost-above-cluster', () => {
    it('fires for $513.02 a day', () => {
      const { found, analysis } = check(heavy(), 'cost-above-cluster');
      assert.equal(found.length, 1);
      assert.equal(analysis.functions[0].cost?.perInvocationUsd, 0.0071252);
      assert.match(found[0].message, /\$513\.02 a day/);
    });

    it('does not fire for a light function', () => {
      const light = kinesisFn('SessionizeFunction', { metadata: load('1/s', '100ms'), props: sessionsPolicy, event: boundedEvent }) + clicks();
      assert.equal(check(light, 'cost-above-cluster').found.length, 0);
    });
  });

  describe('invalid-annotation', () => {
    it('is an error at a duration that cannot be read', () => {
      const { found, at } = check(kinesisFn('EnrichFunction', { metadata: load('1/s', 'soon'), event: boundedEvent }) + clicks(), 'invalid-annotation');
      assert.equal(found.length, 1);
      assert.equal(at(found[0]), 'soon');
    });

    it('does not fire for 2s', () => {
      assert.equal(check(kinesisFn('EnrichFunction', { metadata: load('1/s', '2s'), event: boundedEvent }) + clicks(), 'invalid-annotation').found.length, 0);
    });
  });

  const s3Fn = (props = '', extra = '') => `  IngestFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: src/ingest.handler
${props}      Policies:
        - DynamoDBCrudPolicy:
            TableName: !Ref Orders
      Events:
        Upload:
          Type: S3
          Properties:
            Bucket: !Ref Uploads
            Events: s3:ObjectCreated:*
  Uploads:
    Type: AWS::S3::Bucket
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      ProvisionedThroughput:
        ReadCapacityUnits: 5
        WriteCapacityUnits: 50
${extra}`;

  describe('async-without-buffer', () => {
    it('fires at the S3 event entry', () => {
      const { found, at } = check(s3Fn(), 'async-without-buffer');
      assert.equal(found.length, 1);
      assert.match(at(found[0]), /Type: S3/);
      assert.match(found[0].message, /S3 bucket Uploads invokes 'IngestFunction' asynchronously/);
    });

    it('does not fire with a DeadLetterQueue', () => {
      const props = '      DeadLetterQueue:\n        Type: SQS\n        TargetArn: !GetAtt Failed.Arn\n';
      assert.equal(check(s3Fn(props, '  Failed:\n    Type: AWS::SQS::Queue\n'), 'async-without-buffer').found.length, 0);
    });
  });

  describe('downstream-unprotected', () => {
    it('fires when S3 scales the function into a provisioned table', () => {
      const { found, at } = check(s3Fn(), 'downstream-unprotected');
      assert.equal(found.length, 1);
      assert.equal(at(found[0]), 'IngestFunction');
    });

    it('does not fire with ReservedConcurrentExecutions', () => {
      assert.equal(check(s3Fn('      ReservedConcurrentExecutions: 5\n'), 'downstream-unprotected').found.length, 0);
    });
  });

  const sqs = (queueProps: string) => `  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: src/worker.handler
      Events:
        Jobs:
          Type: SQS
          Properties:
            Queue: !GetAtt Jobs.Arn
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
${queueProps}
  JobsDlq:
    Type: AWS::SQS::Queue
`;
  const redrive = '      RedrivePolicy:\n        deadLetterTargetArn: !GetAtt JobsDlq.Arn\n        maxReceiveCount: 5';

  describe('queue-without-dlq', () => {
    it('fires at the queue logical id', () => {
      const { found, at } = check(sqs('      VisibilityTimeout: 180'), 'queue-without-dlq');
      assert.equal(found.length, 1);
      assert.equal(at(found[0]), 'Jobs');
    });

    it('does not fire with a RedrivePolicy', () => {
      assert.equal(check(sqs(`      VisibilityTimeout: 180\n${redrive}`), 'queue-without-dlq').found.length, 0);
    });
  });

  describe('visibility-timeout-too-short', () => {
    it('is an error below the 30 s function timeout', () => {
      const { found, at } = check(sqs(`      VisibilityTimeout: 20\n${redrive}`), 'visibility-timeout-too-short');
      assert.equal(found.length, 1);
      assert.equal(found[0].severity, 'error');
      assert.equal(at(found[0]), '20');
    });

    it('does not fire at 180 s', () => {
      assert.equal(check(sqs(`      VisibilityTimeout: 180\n${redrive}`), 'visibility-timeout-too-short').found.length, 0);
    });
  });

  describe('chained-without-buffer', () => {
    const chained = (type: string, destination: string) => `  First:
    Type: AWS::Serverless::Function
    Properties:
      Handler: src/first.handler
      EventInvokeConfig:
        DestinationConfig:
          OnSuccess:
            Type: ${type}
            Destination: ${destination}
  Second:
    Type: AWS::Serverless::Function
    Properties:
      Handler: src/second.handler
  Handoff:
    Type: AWS::SQS::Queue
`;
    it('is info when First sends its results to Second as an on-success destination', () => {
      const { found } = check(chained('Lambda', '!GetAtt Second.Arn'), 'chained-without-buffer');
      assert.equal(found.length, 1);
      assert.match(found[0].message, /'First' hands its output straight to 'Second'/);
    });

    it('does not fire when the destination is a queue', () => {
      assert.equal(check(chained('SQS', '!GetAtt Handoff.Arn'), 'chained-without-buffer').found.length, 0);
    });
  });

  describe('unresolved-reference', () => {
    it('is info for a stream the template does not define', () => {
      const text = kinesisFn('EnrichFunction', { event: boundedEvent }).replace('!GetAtt Clicks.Arn', '!GetAtt Missing.Arn');
      const { found } = check(text, 'unresolved-reference');
      assert.ok(found.length >= 1);
      assert.equal(found[0].severity, 'info');
    });

    it('does not fire when the stream is defined', () => {
      assert.equal(check(kinesisFn('EnrichFunction', { event: boundedEvent }) + clicks(), 'unresolved-reference').found.length, 0);
    });
  });

  describe('parse-error', () => {
    it('is an error for a broken template', () => {
      const analysis = analyze(`${HEAD}  Broken: [unclosed\n`, { path: 'template.yaml' });
      assert.ok(analysis.findings.some((f) => f.rule === 'parse-error' && f.severity === 'error'));
    });

    it('does not fire for a well-formed one', () => {
      assert.equal(check(clicks(), 'parse-error').found.length, 0);
    });
  });

  it('gives no warnings or errors for a clean SQS pipeline', () => {
    const { analysis } = check(sqs(`      VisibilityTimeout: 180\n${redrive}`), 'parse-error');
    assert.deepEqual(analysis.findings.filter((f) => f.severity !== 'info').map((f) => f.message), []);
  });
});
