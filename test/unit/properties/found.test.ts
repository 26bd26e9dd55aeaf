// What the property suite and issue 10 found, one regression test each (each failed before its fix).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { applyEdits } from '../../../src/core/edit';
import { computeFix } from '../../../src/core/fixes';
import { MAX_PARSE_ERRORS } from '../../../src/core/parse/parseYaml';
import { assertEveryFixHolds, assertRangesInside, commentsOf } from './invariants';

/** Applies the fix `fixId` offered for the first finding of `rule`, and returns the new text. */
function applyOffered(text: string, rule: string, fixId: string): string {
  const analysis = analyze(text);
  const finding = analysis.findings.find((f) => f.rule === rule && f.fixes.some((o) => o.id === fixId));
  assert.ok(finding, `${rule} offers ${fixId}; findings: ${analysis.findings.map((f) => `${f.rule}(${f.fixes.map((o) => o.id)})`).join(', ')}`);
  const fix = computeFix(analysis, finding, fixId);
  assert.ok(fix);
  return applyEdits(text, fix.edits);
}

describe('found by the property suite', () => {
  it('a parse error at the end of the file ends at the end of the text, not one past it', () => {
    for (const text of ['a: "unterminated', 'a: [1, 2', 'a: {b: 1', '"a']) {
      const errors = analyze(text).findings.filter((f) => f.rule === 'parse-error');
      assert.ok(errors.length > 0, text);
      for (const e of errors) assert.ok(e.span.start <= e.span.end && e.span.end <= text.length, `${JSON.stringify(text)}: [${e.span.start}, ${e.span.end}]`);
    }
  });

  it('an environment variable whose value is an alias spans its key and the alias, not the anchor above it', () => {
    const text = [
      'Transform: AWS::Serverless-2016-10-31',
      'Mappings:',
      '  shared: &shared "value"',
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: h',
      '      Environment:',
      '        Variables: {X: *shared}',
      '',
    ].join('\n');
    const analysis = analyze(text);
    const env = analysis.model.nodes.find((n) => n.id === 'Fn')?.fn?.environment[0];
    assert.equal(env && text.slice(env.span.start, env.span.end), 'X: *shared');
    assertRangesInside(analysis, text);
  });

  it('a fix on a file that starts with a byte order mark writes at the right column', () => {
    const text = [
      '\uFEFFservice: s',
      'provider:',
      '  name: aws',
      'functions:',
      '  listener:',
      '    handler: h.listener',
      '    events:',
      '      - stream:',
      '          type: kinesis',
      '          arn: arn:aws:kinesis:us-east-1:123456789012:stream/clicks',
      '',
    ].join('\n');
    const out = applyOffered(text, 'stream-retry-unbounded', 'add-on-failure-destination');
    assert.deepEqual(analyze(out).findings.filter((f) => f.rule === 'parse-error').map((f) => f.message), []);
    assert.ok(/\nresources:\n {2}Resources:\n/.test(out), out);
  });

  it('says how many more YAML errors there are instead of reporting thousands', () => {
    const text = `Resources:\n  Fn:\n    Environment: {X: ${'${a}'.repeat(3000)}}\n`;
    const errors = analyze(text).findings.filter((f) => f.rule === 'parse-error');
    assert.equal(errors.length, MAX_PARSE_ERRORS);
    assert.match(errors[errors.length - 1].message, /and \d+ more YAML errors after this one/);
  });

  it('an alias names the last node anchored with its name before it (one walk per document, same answer)', () => {
    const text = 'service: s\nprovider: {name: aws}\nx: &t 3\ny: &t 7\nfunctions:\n  f:\n    handler: h\n    timeout: *t\nz: &t 9\n';
    assert.equal(analyze(text).model.nodes.find((n) => n.id === 'f')?.fn?.timeoutS, 7);
  });

  it('one bucket named two ways (!Sub with parameters) is one node: the SAM S3 fix on s3-ingest draws IngestBucket once', () => {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 's3-ingest', 'template.yaml'), 'utf8');
    const after = analyze(applyOffered(text, 'async-without-buffer', 'insert-buffer-queue'));
    assert.deepEqual(after.model.nodes.filter((n) => n.kind === 'bucket').map((n) => n.id), ['IngestBucket']);
    const notify = after.model.edges.filter((e) => e.kind === 'notify');
    assert.deepEqual(notify.map((e) => `${e.from}->${e.to}`), ['IngestBucket->IngestFunctionBufferQueue'], 'the queue policy condition adds no second source');
    // The S3ReadPolicy names the bucket by the same !Sub text: the function reads IngestBucket.
    assert.ok(after.model.edges.some((e) => e.kind === 'read' && e.from === 'IngestFunction' && e.to === 'IngestBucket'));
  });

  it('a queue policy condition naming another bucket adds no second source to a queue a bucket already feeds', () => {
    const text = [
      'Resources:',
      '  Uploads:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      NotificationConfiguration:',
      '        QueueConfigurations: [{Event: "s3:ObjectCreated:*", Queue: !GetAtt Work.Arn}]',
      '  Work:',
      '    Type: AWS::SQS::Queue',
      '  WorkPolicy:',
      '    Type: AWS::SQS::QueuePolicy',
      '    Properties:',
      '      Queues: [!Ref Work]',
      '      PolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal: {Service: s3.amazonaws.com}',
      '            Action: sqs:SendMessage',
      '            Resource: !GetAtt Work.Arn',
      '            Condition: {ArnLike: {"aws:SourceArn": "arn:aws:s3:::legacy-uploads"}}',
      '',
    ].join('\n');
    const model = analyze(text).model;
    assert.deepEqual(model.edges.filter((e) => e.kind === 'notify').map((e) => `${e.from}->${e.to}`), ['Uploads->Work']);
    assert.deepEqual(model.nodes.filter((n) => n.kind === 'bucket').map((n) => n.id), ['Uploads']);
    // Without the bucket's own notification, the policy stays the evidence that an outside bucket feeds the queue.
    const outside = analyze(text.replace(/ {2}Uploads:\n[\s\S]*?(?= {2}Work:)/, '')).model;
    assert.deepEqual(outside.edges.filter((e) => e.kind === 'notify').map((e) => `${e.from}->${e.to}`), ['arn:aws:s3:::legacy-uploads->Work']);
  });

  it('a serverless function key that is also a resource logical id does not throw', () => {
    const text = [
      'service: s',
      'provider: {name: aws}',
      'functions:',
      '  Clicks:',
      '    handler: h.clicks',
      '    environment: {X: y}',
      'resources:',
      '  Resources:',
      '    Clicks:',
      '      Type: AWS::Kinesis::Stream',
      '      Properties: {ShardCount: 2}',
      '',
    ].join('\n');
    const analysis = analyze(text);
    assert.equal(analysis.format, 'serverless');
    assertRangesInside(analysis, text);
  });

  it('the SNS buffer-queue fix on SAM keeps the comments of the event it rewrites', () => {
    const text = [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Alerts:',
      '    Type: AWS::SNS::Topic',
      '  Page:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: page.handler',
      '      Events:',
      '        Alert:',
      '          Type: SNS   # paging only',
      '          Properties:',
      '            Topic: !Ref Alerts   # the on-call topic',
      '',
    ].join('\n');
    const out = applyOffered(text, 'async-without-buffer', 'insert-buffer-queue');
    assert.deepEqual(commentsOf(out), commentsOf(text));
    assert.ok(out.includes('        Alert:\n          # paging only\n          # the on-call topic\n          Type: SQS\n'), out);
    assertEveryFixHolds(analyze(text), text);
  });
});
