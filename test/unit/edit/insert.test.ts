import * as assert from 'node:assert/strict';
import { isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseYaml } from '../../../src/core/parse/parseYaml';
import {
  applyEdits,
  commentAbove,
  editContext,
  getAtt,
  insertAtPath,
  insertItems,
  insertPairs,
  insertResources,
  mapAtPath,
  ownPair,
  ref,
  replaceItem,
  replacePairValue,
  replaceScalar,
  setKey,
  type EditContext,
} from '../../../src/core/edit';
import type { TextEdit } from '../../../src/core/findings';

function ctxOf(text: string): EditContext {
  const ctx = editContext(parseYaml(text));
  assert.ok(ctx, 'parsable');
  return ctx;
}

function apply(text: string, edits: TextEdit[] | undefined): string {
  assert.ok(edits, 'edit offered');
  const out = applyEdits(text, edits);
  assert.equal(parseYaml(out).problems.length, 0, `result parses:\n${out}`);
  return out;
}

describe('edit: insertions at exact offsets', () => {
  it('appends a key at the end of a nested block mapping, keeping comments byte for byte', () => {
    const text = 'functions:\n  ingest:   # the entry\n    handler: h.main  # js\n    timeout: 30\n\n# next section\nresources: {}\n';
    const ctx = ctxOf(text);
    const fn = mapAtPath(ctx.doc.contents, ['functions', 'ingest'])!;
    const out = apply(text, insertPairs(ctx, fn, { reservedConcurrency: 10 }));
    assert.equal(out, 'functions:\n  ingest:   # the entry\n    handler: h.main  # js\n    timeout: 30\n    reservedConcurrency: 10\n\n# next section\nresources: {}\n');
  });

  it('uses the file indentation unit (4 spaces) and list style for nested blocks', () => {
    const text = 'Resources:\n    Fn:\n        Type: AWS::Serverless::Function\n        Properties:\n            Policies:\n            - S3ReadPolicy\n';
    const ctx = ctxOf(text);
    assert.equal(ctx.style.indent, 4);
    assert.equal(ctx.style.seqIndent, 0);
    const out = apply(text, insertResources(ctx, false, { Q: { Type: 'AWS::SQS::Queue', Properties: { Tags: [{ Key: 'a', Value: 'b' }] } } }));
    assert.equal(
      out,
      text + '    Q:\n        Type: AWS::SQS::Queue\n        Properties:\n            Tags:\n            - Key: a\n              Value: b\n',
    );
  });

  it('creates resources.Resources in a serverless file that has neither, at the end of the file without newline', () => {
    const text = 'service: s\nprovider:\n  name: aws\nfunctions:\n  f:\n    handler: h';
    const ctx = ctxOf(text);
    const out = apply(text, insertResources(ctx, true, { Q: { Type: 'AWS::SQS::Queue' } }));
    assert.equal(out, text + '\nresources:\n  Resources:\n    Q:\n      Type: AWS::SQS::Queue\n');
  });

  it('fills an empty `resources:` key instead of adding a second one', () => {
    const text = 'service: s\nprovider:\n  name: aws\nresources:\n# tail comment\n';
    const ctx = ctxOf(text);
    const out = apply(text, insertResources(ctx, true, { Q: { Type: 'AWS::SQS::Queue', Properties: { QueueName: ref('AWS::StackName') } } }));
    assert.equal(out, 'service: s\nprovider:\n  name: aws\nresources:\n  Resources:\n    Q:\n      Type: AWS::SQS::Queue\n      Properties:\n        QueueName: !Ref AWS::StackName\n# tail comment\n');
  });

  it('writes intrinsics in the long form when the file uses only that form', () => {
    const text = 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName:\n        Ref: Name\n';
    const ctx = ctxOf(text);
    assert.equal(ctx.style.intrinsics, 'long');
    const out = apply(text, insertResources(ctx, false, { P: { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [ref('Q')], Arn: getAtt('Q', 'Arn') } } }));
    assert.ok(out.endsWith('  P:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues:\n        - Ref: Q\n      Arn:\n        Fn::GetAtt: [Q, Arn]\n'), out);
  });

  it('quotes only strings that need it, with the file quote character', () => {
    const text = 'a: "x"\nb: "y"\nm:\n  k: 1\n';
    const ctx = ctxOf(text);
    const out = apply(text, insertPairs(ctx, mapAtPath(ctx.doc.contents, ['m'])!, { e: 's3:ObjectCreated:*', v: '2012-10-17', s: '*', t: 'true', p: 'arn:aws:s3:::b/${self:custom.x}' }));
    assert.equal(out, 'a: "x"\nb: "y"\nm:\n  k: 1\n  e: s3:ObjectCreated:*\n  v: "2012-10-17"\n  s: "*"\n  t: "true"\n  p: arn:aws:s3:::b/${self:custom.x}\n');
  });

  it('adds scalar entries to a flow mapping inline and declines a block value there', () => {
    const text = 'fn: { handler: h, timeout: 3 }\n';
    const ctx = ctxOf(text);
    const map = mapAtPath(ctx.doc.contents, ['fn'])!;
    assert.equal(apply(text, insertPairs(ctx, map, { memorySize: 512 })), 'fn: { handler: h, timeout: 3, memorySize: 512 }\n');
    assert.equal(insertPairs(ctx, map, { events: [{ sqs: 'arn' }] }), undefined);
    assert.equal(insertPairs(ctx, map, { arn: getAtt('Q', 'Arn') }), undefined);
  });

  it('declines to nest under a key whose value is a scalar or a sequence', () => {
    const text = 'resources: ${file(./res.yml)}\n';
    const ctx = ctxOf(text);
    assert.equal(insertAtPath(ctx, ctx.doc.contents as YAMLMap, ['resources', 'Resources'], { Q: 1 }), undefined);
  });

  it('appends list items at the dashes column, and replaces one item in place, keeping its comments', () => {
    const text = 'events:\n  - s3:\n      bucket: b   # keep\n      event: s3:ObjectCreated:*\n  - http: GET /\nnext: 1\n';
    const ctx = ctxOf(text);
    const seq = ownPair(ctx.doc.contents as YAMLMap, 'events')!.value as YAMLSeq;
    assert.ok(isSeq(seq));
    assert.equal(
      apply(text, insertItems(ctx, seq, [{ sqs: { arn: getAtt('Q', 'Arn'), batchSize: 10 } }])),
      text.replace('next: 1', '  - sqs:\n      arn: !GetAtt Q.Arn\n      batchSize: 10\nnext: 1'),
    );
    assert.equal(
      apply(text, replaceItem(ctx, seq, 0, { sqs: { arn: getAtt('Q', 'Arn') } })),
      'events:\n  # keep\n  - sqs:\n      arn: !GetAtt Q.Arn\n  - http: GET /\nnext: 1\n',
      'the comment inside the replaced item stays, above it',
    );
    assert.equal(apply(text, replaceItem(ctx, seq, 1, { sqs: 'x' })), text.replace('http: GET /', 'sqs: x'));
  });

  it('sets a scalar value in place, keeping its trailing comment', () => {
    const text = 'Props:\n  VisibilityTimeout: 30 # seconds\n  Other: x\n';
    const ctx = ctxOf(text);
    const props = mapAtPath(ctx.doc.contents, ['Props'])!;
    assert.ok(isMap(props));
    assert.equal(apply(text, setKey(ctx, props, 'VisibilityTimeout', 180)), 'Props:\n  VisibilityTimeout: 180 # seconds\n  Other: x\n');
    assert.equal(apply(text, setKey(ctx, props, 'DelaySeconds', 0)), text + '  DelaySeconds: 0\n');
  });

  it('replaces a tagged scalar with its tag, and moves a block value under its key', () => {
    const text = 'd:\n  onSuccess: next   # the next stage\n  Destination: !GetAtt Next.Arn\n';
    const ctx = ctxOf(text);
    const map = mapAtPath(ctx.doc.contents, ['d'])!;
    assert.equal(apply(text, replaceScalar(ctx, ownPair(map, 'Destination')!.value, getAtt('Q', 'Arn'))), text.replace('!GetAtt Next.Arn', '!GetAtt Q.Arn'));
    assert.equal(
      apply(text, replacePairValue(ctx, ownPair(map, 'onSuccess')!, { arn: getAtt('Q', 'Arn'), type: 'sqs' })),
      'd:\n  onSuccess:   # the next stage\n    arn: !GetAtt Q.Arn\n    type: sqs\n  Destination: !GetAtt Next.Arn\n',
    );
  });

  it('puts a comment line above a line at its indentation, with CRLF kept', () => {
    const text = 'a:\r\n  - s3: b\r\n';
    const ctx = ctxOf(text);
    const offset = text.indexOf('s3');
    assert.equal(apply(text, commentAbove(ctx, offset, 'pipeline-lens-ignore async-without-buffer')), 'a:\r\n  # pipeline-lens-ignore async-without-buffer\r\n  - s3: b\r\n');
  });

  it('renders block values in CRLF files with CRLF line ends', () => {
    const text = 'service: s\r\nprovider:\r\n  name: aws\r\n';
    const ctx = ctxOf(text);
    const out = apply(text, insertResources(ctx, true, { Q: { Type: 'AWS::SQS::Queue' } }));
    assert.equal(out, text + 'resources:\r\n  Resources:\r\n    Q:\r\n      Type: AWS::SQS::Queue\r\n');
  });
});
