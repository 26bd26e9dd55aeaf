// Which fixes a finding offers, in which order, and where a fix declines because it cannot be made safely.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import type { RuleId } from '../../../src/core/findings';
import { computeFix } from '../../../src/core/fixes';

const SERVERLESS_HEAD = 'service: s\nprovider:\n  name: aws\n  runtime: nodejs20.x\n';

function offers(text: string, rule: RuleId): { id: string; preferred: boolean }[] {
  const finding = analyze(text).findings.find((f) => f.rule === rule);
  assert.ok(finding, `a ${rule} finding`);
  return finding.fixes.map((f) => ({ id: f.id, preferred: f.preferred }));
}

describe('fixes: offers and declines', () => {
  it('offers no edit while a later YAML document of the file is broken (found by the property suite)', () => {
    const text = `${SERVERLESS_HEAD}functions:\n  f:\n    handler: h.main\n    events:\n      - s3: uploads\n...\n    broken: [\n`;
    assert.deepEqual(offers(text, 'async-without-buffer'), []);
    const healthy = text.slice(0, text.indexOf('...'));
    assert.ok(offers(healthy, 'async-without-buffer').length > 0, 'the same file without the broken document gets fixes');
  });

  it('offers the buffer queue first and preferred, the on-failure destination as an alternative, ignore last', () => {
    const text = `${SERVERLESS_HEAD}functions:\n  f:\n    handler: h.main\n    events:\n      - s3: uploads\n`;
    assert.deepEqual(offers(text, 'async-without-buffer'), [
      { id: 'insert-buffer-queue', preferred: true },
      { id: 'add-on-failure-destination', preferred: false },
      { id: 'ignore-rule', preferred: false },
    ]);
  });

  it('does not insert a buffer queue for a bucket outside the stack (existing: true); the destination is preferred', () => {
    const text = `${SERVERLESS_HEAD}functions:\n  f:\n    handler: h.main\n    events:\n      - s3:\n          bucket: shared\n          existing: true\n`;
    assert.deepEqual(offers(text, 'async-without-buffer'), [
      { id: 'add-on-failure-destination', preferred: true },
      { id: 'ignore-rule', preferred: false },
    ]);
  });

  it('does not insert a buffer queue for a bucket configured under provider.s3 (it renames the bucket)', () => {
    const text = `${SERVERLESS_HEAD}  s3:\n    uploads:\n      name: acme-uploads\nfunctions:\n  f:\n    handler: h.main\n    events:\n      - s3: uploads\n`;
    assert.ok(!offers(text, 'async-without-buffer').some((o) => o.id === 'insert-buffer-queue'));
  });

  it('offers only ignore-rule for plain CloudFormation S3 -> Lambda (the role and mapping are not ours to write)', () => {
    const text = [
      'Resources:',
      '  Fn:',
      '    Type: AWS::Lambda::Function',
      '    Properties: { Handler: i.h, Runtime: python3.12, Role: arn:aws:iam::1:role/r, Code: { ZipFile: x } }',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      NotificationConfiguration:',
      '        LambdaConfigurations:',
      '          - Event: s3:ObjectCreated:*',
      '            Function: !GetAtt Fn.Arn',
      '  Allow:',
      '    Type: AWS::Lambda::Permission',
      '    Properties: { Action: lambda:InvokeFunction, FunctionName: !Ref Fn, Principal: s3.amazonaws.com, SourceArn: !GetAtt Bucket.Arn }',
      '',
    ].join('\n');
    assert.deepEqual(offers(text, 'async-without-buffer'), [{ id: 'ignore-rule', preferred: false }]);
  });

  it('does not overwrite a VisibilityTimeout that comes from a parameter', () => {
    const text = [
      'Parameters:',
      '  Visibility: { Type: Number, Default: 10 }',
      'Resources:',
      '  Jobs:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      VisibilityTimeout: !Ref Visibility',
      '  Fn:',
      '    Type: AWS::Lambda::Function',
      '    Properties: { Handler: i.h, Runtime: python3.12, Timeout: 60, Role: arn:aws:iam::1:role/r, Code: { ZipFile: x } }',
      '  Map:',
      '    Type: AWS::Lambda::EventSourceMapping',
      '    Properties: { EventSourceArn: !GetAtt Jobs.Arn, FunctionName: !Ref Fn }',
      '',
    ].join('\n');
    const analysis = analyze(text);
    const finding = analysis.findings.find((f) => f.rule === 'visibility-timeout-too-short');
    assert.ok(finding, 'the parameter default (10 s) is read');
    assert.ok(!finding.fixes.some((f) => f.id === 'raise-visibility-timeout'), 'no literal written over a Ref');
    const dlq = analysis.findings.find((f) => f.rule === 'queue-without-dlq');
    assert.ok(dlq?.fixes.some((f) => f.id === 'add-redrive-policy'), 'the redrive fix is still offered');
  });

  it('offers no parallelization factor above 10, and no fix at all for broken YAML', () => {
    const text =
      `${SERVERLESS_HEAD}functions:\n  f:\n    handler: h.main\n    events:\n      - stream:\n          type: kinesis\n` +
      '          arn: !GetAtt S.Arn\n          maximumRetryAttempts: 2\ncustom:\n  pipelineLens:\n    functions:\n      f:\n' +
      '        rate: 100/second\n        duration: 1s\nresources:\n  Resources:\n    S:\n      Type: AWS::Kinesis::Stream\n' +
      '      Properties:\n        ShardCount: 2\n';
    assert.deepEqual(offers(text, 'throughput-exceeds-concurrency'), [{ id: 'ignore-rule', preferred: false }]);
    assert.deepEqual(offers('service: x\nprovider: [\n', 'parse-error'), []);
  });

  it('computes nothing for a fix id the finding was not offered', () => {
    const text = `${SERVERLESS_HEAD}functions:\n  f:\n    handler: h.main\n    events:\n      - s3: uploads\n`;
    const analysis = analyze(text);
    const finding = analysis.findings.find((f) => f.rule === 'async-without-buffer')!;
    assert.equal(computeFix(analysis, finding, 'add-redrive-policy'), undefined);
    assert.equal(computeFix(analysis, finding, 'no-such-fix'), undefined);
    assert.ok(computeFix(analysis, finding, 'insert-buffer-queue')?.edits.length);
  });
});
