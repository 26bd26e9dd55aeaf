// Every rule through analyze() on serverless.yml text: one file that fires it (pointing at the right key) and one
// that must not. Clean pipelines give no warnings.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import type { Finding, RuleId } from '../../../src/core/findings';
import type { DeepPartial, Settings } from '../../../src/core/settings';

const HEAD = 'service: shop\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  region: us-east-1\n';

function check(body: string, rule: RuleId, settings: DeepPartial<Settings> = {}): { text: string; found: Finding[]; at: (f: Finding) => string } {
  const text = HEAD + body;
  const analysis = analyze(text, { path: 'serverless.yml', settings });
  assert.equal(analysis.format, 'serverless');
  const found = analysis.findings.filter((f) => f.rule === rule);
  return { text, found, at: (f) => text.slice(f.span.start, f.span.end) };
}

const stream = (extra = '') => `
    events:
      - stream:
          type: kinesis
          arn: !GetAtt Clicks.Arn
          startingPosition: LATEST${extra}`;
const bounded = '\n          maximumRetryAttempts: 3\n          destinations:\n            onFailure: arn:aws:sqs:us-east-1:123456789012:failed';
const clicks = `
resources:
  Resources:
    Clicks:
      Type: AWS::Kinesis::Stream
      Properties:
        ShardCount: 4
    Sessions:
      Type: AWS::DynamoDB::Table
      Properties:
        BillingMode: PAY_PER_REQUEST
`;

describe('rules through analyze(): serverless.yml', () => {
  describe('stateful-without-store', () => {
    it('fires on a sessionize function with no store, at its key', () => {
      const { found, at } = check(`functions:\n  sessionize:\n    handler: src/sessionize.handler${stream(bounded)}\n${clicks}`, 'stateful-without-store');
      assert.equal(found.length, 1);
      assert.equal(at(found[0]), 'sessionize');
    });

    it('does not fire when it writes its sessions to a table', () => {
      const body = `functions:\n  sessionize:\n    handler: src/sessionize.handler${stream(bounded)}
    iamRoleStatements:
      - Effect: Allow
        Action: [dynamodb:PutItem, dynamodb:GetItem]
        Resource: !GetAtt Sessions.Arn
${clicks}`;
      assert.equal(check(body, 'stateful-without-store').found.length, 0);
    });
  });

  describe('async-without-buffer', () => {
    const s3 = (extra = '') => `functions:
  ingest:
    handler: src/ingest.handler
    events:
      - s3:
          bucket: partner-uploads
          event: s3:ObjectCreated:*${extra}
`;
    it('fires at the s3 event of a function without a failure destination', () => {
      const { found, at } = check(s3(), 'async-without-buffer');
      assert.equal(found.length, 1);
      assert.match(at(found[0]), /bucket: partner-uploads/);
      assert.match(found[0].message, /S3 bucket partner-uploads invokes 'ingest' asynchronously/);
    });

    it('does not fire with an on-failure destination', () => {
      const body = s3('\n    destinations:\n      onFailure: arn:aws:sqs:us-east-1:123456789012:ingest-failures');
      assert.equal(check(body, 'async-without-buffer').found.length, 0);
    });
  });

  describe('stream-retry-unbounded', () => {
    it('fires at a Kinesis event with no bound and no destination', () => {
      const { found, at } = check(`functions:\n  enrich:\n    handler: a.b${stream()}\n${clicks}`, 'stream-retry-unbounded');
      assert.equal(found.length, 1);
      assert.match(at(found[0]), /type: kinesis/);
      assert.match(found[0].message, /Clicks to 'enrich'.*24 h/);
    });

    it('does not fire with maximumRetryAttempts', () => {
      const body = `functions:\n  enrich:\n    handler: a.b${stream('\n          maximumRetryAttempts: 3')}\n${clicks}`;
      assert.equal(check(body, 'stream-retry-unbounded').found.length, 0);
    });
  });

  const sqsBody = (queueProps: string, fnExtra = '') => `functions:
  worker:
    handler: src/worker.handler
    timeout: 30${fnExtra}
    events:
      - sqs:
          arn: !GetAtt Orders.Arn
resources:
  Resources:
    Orders:
      Type: AWS::SQS::Queue
      Properties:
${queueProps}
    OrdersDlq:
      Type: AWS::SQS::Queue
`;
  const redrive = '        RedrivePolicy:\n          deadLetterTargetArn: !GetAtt OrdersDlq.Arn\n          maxReceiveCount: 5\n';

  describe('queue-without-dlq', () => {
    it('fires at the queue logical id', () => {
      const { found, at } = check(sqsBody('        VisibilityTimeout: 180'), 'queue-without-dlq');
      assert.equal(found.length, 1);
      assert.equal(at(found[0]), 'Orders');
    });

    it('does not fire with a RedrivePolicy (and not for the DLQ itself)', () => {
      assert.equal(check(sqsBody(`        VisibilityTimeout: 180\n${redrive}`), 'queue-without-dlq').found.length, 0);
    });
  });

  describe('visibility-timeout-too-short', () => {
    it('is an error below the function timeout, at the VisibilityTimeout value', () => {
      const { found, at } = check(sqsBody(`        VisibilityTimeout: 10\n${redrive}`), 'visibility-timeout-too-short');
      assert.equal(found.length, 1);
      assert.equal(found[0].severity, 'error');
      assert.equal(at(found[0]), '10');
      assert.match(found[0].message, /Queue Orders has a visibility timeout of 10 s but its consumer 'worker' may run for 30 s/);
    });

    it('is a warning below 6 x the timeout', () => {
      const { found } = check(sqsBody(`        VisibilityTimeout: 100\n${redrive}`), 'visibility-timeout-too-short');
      assert.equal(found[0].severity, 'warning');
      assert.match(found[0].message, /at least 180 s \(6 x 30 s = 180 s\)/);
    });

    it('does not fire at 6 x the timeout', () => {
      assert.equal(check(sqsBody(`        VisibilityTimeout: 180\n${redrive}`), 'visibility-timeout-too-short').found.length, 0);
    });

    it('does not take a timeout set through an unreadable variable for the 30 s default', () => {
      assert.equal(check(sqsBody(`        VisibilityTimeout: \${ssm:/shop/visibility}\n${redrive}`), 'visibility-timeout-too-short').found.length, 0);
    });
  });

  const sessionizeLoad = (fnExtra = '', eventExtra = '') => `custom:
  pipelineLens:
    functions:
      sessionize:
        rate: 50/minute
        duration: 180s
functions:
  sessionize:
    handler: src/sessionize.handler
    memorySize: 2432
    timeout: 300${fnExtra}${stream(bounded + eventExtra)}
    iamRoleStatements:
      - Effect: Allow
        Action: [dynamodb:PutItem]
        Resource: !GetAtt Sessions.Arn
${clicks}`;

  describe('throughput-exceeds-concurrency', () => {
    it('is an error when 150 expected executions meet 4 shards', () => {
      const { found, at } = check(sessionizeLoad(), 'throughput-exceeds-concurrency');
      assert.equal(found.length, 1);
      assert.equal(found[0].severity, 'error');
      assert.equal(at(found[0]), 'sessionize');
      assert.match(found[0].message, /about 150 concurrent executions .* at most 4 \(4 shards x parallelization factor 1\)/);
    });

    it('does not fire when the load is unknown', () => {
      assert.equal(check(`functions:\n  sessionize:\n    handler: a.b${stream(bounded)}\n${clicks}`, 'throughput-exceeds-concurrency').found.length, 0);
    });
  });

  describe('cost-above-cluster', () => {
    it('fires for $513.02 a day and names the reference cluster', () => {
      const { found } = check(sessionizeLoad(), 'cost-above-cluster');
      assert.equal(found.length, 1);
      assert.match(found[0].message, /about \$513\.02 a day/);
      assert.match(found[0].message, /3 x m5\.xlarge on-demand/);
    });

    it('does not fire when the reference cluster costs more', () => {
      assert.equal(check(sessionizeLoad(), 'cost-above-cluster', { clusterReference: { label: 'big', usdPerHour: 50 } }).found.length, 0);
    });
  });

  describe('downstream-unprotected', () => {
    const body = (fnExtra = '') => `functions:
  writer:
    handler: src/writer.handler${fnExtra}
    events:
      - sqs:
          arn: !GetAtt Jobs.Arn
          maximumBatchingWindow: 0
    iamRoleStatements:
      - Effect: Allow
        Action: [dynamodb:PutItem]
        Resource: !GetAtt Ledger.Arn
resources:
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
    Ledger:
      Type: AWS::DynamoDB::Table
      Properties:
        ProvisionedThroughput:
          ReadCapacityUnits: 5
          WriteCapacityUnits: 5
`;
    it('fires when an SQS-driven function writes to a provisioned table with no cap', () => {
      const { found, at } = check(body(), 'downstream-unprotected');
      assert.equal(found.length, 1);
      assert.equal(at(found[0]), 'writer');
      assert.match(found[0].message, /DynamoDB table Ledger \(provisioned capacity\)/);
    });

    it('does not fire with reservedConcurrency', () => {
      assert.equal(check(body('\n    reservedConcurrency: 5'), 'downstream-unprotected').found.length, 0);
    });
  });

  describe('chained-without-buffer', () => {
    const body = (resource: string) => `functions:
  scheduler:
    handler: src/scheduler.handler
    iamRoleStatements:
      - Effect: Allow
        Action: [lambda:InvokeFunction]
        Resource: ${resource}
  worker:
    handler: src/worker.handler
`;
    it('is info at the IAM statement that lets one function invoke the other', () => {
      const { found, at } = check(body('!GetAtt WorkerLambdaFunction.Arn'), 'chained-without-buffer');
      assert.equal(found.length, 1);
      assert.equal(found[0].severity, 'info');
      assert.match(at(found[0]), /lambda:InvokeFunction/);
      assert.match(found[0].message, /'scheduler' hands its output straight to 'worker'/);
    });

    it('does not fire for another account\'s function', () => {
      assert.equal(check(body('arn:aws:lambda:us-east-1:999999999999:function:elsewhere'), 'chained-without-buffer').found.length, 0);
    });
  });

  describe('invalid-annotation', () => {
    const body = (rate: string) => `custom:\n  pipelineLens:\n    functions:\n      worker:\n        rate: ${rate}\nfunctions:\n  worker:\n    handler: a.b\n`;
    it('is an error at a rate that cannot be read', () => {
      const { found, at } = check(body('fast'), 'invalid-annotation');
      assert.equal(found.length, 1);
      assert.equal(found[0].severity, 'error');
      assert.equal(at(found[0]), 'fast');
    });

    it('does not fire for 5/s', () => {
      assert.equal(check(body('5/s'), 'invalid-annotation').found.length, 0);
    });
  });

  describe('unresolved-reference', () => {
    const body = (arn: string) => `functions:\n  enrich:\n    handler: a.b\n    events:\n      - stream:\n          type: kinesis\n          arn: ${arn}\n          maximumRetryAttempts: 3\n${clicks}`;
    it('is info when a stream ARN comes from a source that is never read', () => {
      const { found } = check(body('${ssm:/shop/clicks-arn}'), 'unresolved-reference');
      assert.ok(found.length >= 1);
      assert.equal(found[0].severity, 'info');
    });

    it('does not fire for a stream defined in the file', () => {
      assert.equal(check(body('!GetAtt Clicks.Arn'), 'unresolved-reference').found.length, 0);
    });
  });

  describe('parse-error', () => {
    it('is an error at the parser position', () => {
      const { found } = check('functions:\n  worker: [unclosed\n', 'parse-error');
      assert.ok(found.length >= 1);
      assert.equal(found[0].severity, 'error');
    });

    it('does not fire for well-formed YAML', () => {
      assert.equal(check('functions:\n  worker:\n    handler: a.b\n', 'parse-error').found.length, 0);
    });
  });

  it('gives no warnings or errors for a clean pipeline', () => {
    const text = `${HEAD}custom:
  pipelineLens:
    functions:
      worker:
        rate: 5/second
        duration: 200ms
functions:
  worker:
    handler: src/worker.handler
    timeout: 30
    reservedConcurrency: 10
    events:
      - sqs:
          arn: !GetAtt Orders.Arn
resources:
  Resources:
    Orders:
      Type: AWS::SQS::Queue
      Properties:
        VisibilityTimeout: 180
${redrive}    OrdersDlq:
      Type: AWS::SQS::Queue
`;
    const analysis = analyze(text, { path: 'serverless.yml' });
    assert.deepEqual(analysis.findings.filter((f) => f.severity !== 'info').map((f) => f.message), []);
    const worker = analysis.functions.find((f) => f.id === 'worker')!;
    assert.equal(worker.concurrency.expected, 1);
    assert.equal(worker.concurrency.cap, 10);
  });

  it('honours ignore comments and severity settings in the file', () => {
    const body = `functions:\n  # pipeline-lens-ignore stateful-without-store\n  sessionize:\n    handler: a.b${stream()}\n${clicks}`;
    assert.equal(check(body, 'stateful-without-store').found.length, 0);
    assert.equal(check(body, 'stream-retry-unbounded').found.length, 1);
    assert.equal(check(body, 'stream-retry-unbounded', { severities: { 'stream-retry-unbounded': 'off' } }).found.length, 0);
    assert.equal(check(body, 'stream-retry-unbounded', { severities: { 'stream-retry-unbounded': 'error' } }).found[0].severity, 'error');
  });
});
