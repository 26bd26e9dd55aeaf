// Data safety (issue 10): no fix changes the logical id of an existing bucket, table, stream or queue on any stage;
// where the id depends on a variable, the fix is not offered and the finding says why (shown in the hover).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { applyEdits } from '../../../src/core/edit';
import type { Format, NodeKind } from '../../../src/core/model';
import { computeFix } from '../../../src/core/fixes';
import { triggerHover } from '../../../src/extension/present/hoverText';
import { goldenCases } from '../fixes/golden';
import { assertDataResourcesKept, dataNodes, dataSnapshot, DATA_KINDS } from './dataResources';

const REPO = path.join(__dirname, '..', '..', '..');

function s3Service(bucket: string, extra = ''): string {
  return [
    'service: docs',
    'provider:',
    '  name: aws',
    '  runtime: nodejs20.x',
    "  stage: ${opt:stage, 'dev'}",
    extra,
    'functions:',
    '  convert:',
    '    handler: src/convert.handler',
    '    events:',
    '      - s3:',
    `          bucket: ${bucket}`,
    '          event: s3:ObjectCreated:*',
    '          rules:',
    '            - suffix: .pdf   # only PDFs',
    '',
  ].join('\n');
}

const asyncFinding = (text: string) => analyze(text).findings.find((f) => f.rule === 'async-without-buffer');

/** Inputs beyond the golden files so every kind is covered in both formats. */
const EXTRA_CASES: { name: string; text: string }[] = [
  {
    name: 'serverless: a queue and a table',
    text: [
      'service: orders',
      'provider: {name: aws, runtime: nodejs20.x}',
      'functions:',
      '  worker:',
      '    handler: w.handler',
      '    timeout: 30',
      '    events:',
      '      - sqs: {arn: !GetAtt Orders.Arn}',
      '    environment: {TABLE: !Ref OrdersTable}',
      'resources:',
      '  Resources:',
      '    Orders:',
      '      Type: AWS::SQS::Queue',
      '      Properties:',
      '        QueueName: orders-${sls:stage}',
      '        VisibilityTimeout: 10',
      '    OrdersTable:',
      '      Type: AWS::DynamoDB::Table',
      '      Properties:',
      '        TableName: orders-${sls:stage}',
      '        BillingMode: PAY_PER_REQUEST',
      '        KeySchema: [{AttributeName: id, KeyType: HASH}]',
      '',
    ].join('\n'),
  },
  {
    name: 'sam: a queue, a stream and a table',
    text: [
      'Transform: AWS::Serverless-2016-10-31',
      'Parameters:',
      '  Stage: {Type: String, Default: dev}',
      'Resources:',
      '  Orders:',
      '    Type: AWS::SQS::Queue',
      '    Properties: {QueueName: !Sub "orders-${Stage}", VisibilityTimeout: 10}',
      '  Clicks:',
      '    Type: AWS::Kinesis::Stream',
      '    Properties: {Name: !Sub "clicks-${Stage}", ShardCount: 1}',
      '  Sessions:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      TableName: !Sub "sessions-${Stage}"',
      '      BillingMode: PAY_PER_REQUEST',
      '      KeySchema: [{AttributeName: id, KeyType: HASH}]',
      '  Worker:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: w.handler',
      '      Timeout: 30',
      '      Events:',
      '        Work: {Type: SQS, Properties: {Queue: !GetAtt Orders.Arn}}',
      '        Stream: {Type: Kinesis, Properties: {Stream: !GetAtt Clicks.Arn, StartingPosition: LATEST}}',
      '      Environment: {Variables: {TABLE: !Ref Sessions}}',
      '',
    ].join('\n'),
  },
  { name: 'serverless: an s3 event on a fixed bucket name', text: s3Service('docs-archive') },
  { name: 'serverless: an s3 event on a bucket named per stage', text: s3Service('docs-${sls:stage}') },
  { name: 'serverless: an sns event on a topic named per stage', text: s3Service('x').replace(/ {6}- s3:[\s\S]*$/, '      - sns: alerts-${sls:stage}\n') },
];

describe('data safety: fixes keep every bucket, table, stream and queue', function () {
  this.timeout(60_000); // about 30 files, each analysed again per fix and per stage
  it('every fix offered on the golden inputs, the examples and the extra cases keeps the logical ids (on every stage) and names', () => {
    const covered = new Set<string>();
    const inputs = [
      ...goldenCases('insert-buffer-queue'),
      ...['add-on-failure-destination', 'add-redrive-policy', 'add-state-table', 'raise-visibility-timeout', 'set-parallelization-factor', 'insert-chain-queue', 'set-reserved-concurrency'].flatMap(goldenCases),
    ].map((c) => ({ name: path.basename(c.inputPath), text: fs.readFileSync(c.inputPath, 'utf8') }));
    inputs.push({ name: 's3-ingest', text: fs.readFileSync(path.join(REPO, 'examples', 's3-ingest', 'template.yaml'), 'utf8') }, ...EXTRA_CASES);
    let fixes = 0;
    for (const input of inputs) {
      const before = analyze(input.text);
      const kinds = new Set(dataNodes(before).values());
      const data = dataSnapshot(input.text, before);
      for (const finding of before.findings) {
        for (const offer of finding.fixes) {
          if (offer.id === 'ignore-rule') continue;
          const fix = computeFix(before, finding, offer.id);
          assert.ok(fix, `${input.name}: ${offer.id} computes`);
          assertDataResourcesKept(`${input.name}: ${offer.id} for ${finding.rule}`, data, applyEdits(input.text, fix.edits));
          fixes++;
          for (const kind of kinds) covered.add(`${before.format}:${kind}`);
        }
      }
    }
    const wanted = (['serverless', 'sam'] as Format[]).flatMap((format) => DATA_KINDS.map((kind: NodeKind) => `${format}:${kind}`));
    assert.deepEqual(wanted.filter((w) => !covered.has(w)), [], 'each kind of data resource, in each format, stood in a file a fix edited');
    assert.ok(fixes >= 20, `${fixes} fixes checked`);
  });

  it('serverless bucket: the buffer queue is not offered when the bucket name follows the stage, and says why', () => {
    for (const bucket of ['docs-${sls:stage}', "docs-${opt:stage, 'dev'}", 'docs-${self:provider.stage}', 'docs-${aws:accountId}', '${self:custom.bucket}']) {
      const text = s3Service(bucket, '  # the bucket per stage\ncustom:\n  bucket: docs-${sls:stage}');
      const finding = asyncFinding(text);
      assert.ok(finding, bucket);
      assert.deepEqual(finding.fixes.map((o) => o.id), ['add-on-failure-destination', 'ignore-rule'], `${bucket}: only fixes that leave the bucket alone`);
      assert.equal(finding.declined?.length, 1, bucket);
      assert.equal(finding.declined[0].id, 'insert-buffer-queue');
      assert.match(finding.declined[0].reason, /logical id \(S3BucketDocs\w+ here\) differs per stage/);
      assert.match(finding.declined[0].reason, /replace the bucket, and the objects in it, on every other stage/);
      const fix = computeFix(analyze(text), finding, 'add-on-failure-destination')!;
      assertDataResourcesKept(bucket, text, applyEdits(text, fix.edits));
    }
  });

  it('serverless bucket: with a fixed name (also through ${self:}) the fix is offered, keeps S3Bucket<Name> and carries the rule comment', () => {
    for (const bucket of ['docs-archive', '${self:custom.bucket}']) {
      const text = s3Service(bucket, 'custom:\n  bucket: docs-archive');
      const analysis = analyze(text);
      const finding = asyncFinding(text)!;
      assert.equal(finding.declined, undefined);
      const fix = computeFix(analysis, analysis.findings.find((f) => f.rule === 'async-without-buffer')!, 'insert-buffer-queue');
      assert.ok(fix, bucket);
      const out = applyEdits(text, fix.edits);
      assert.match(out, /\n {4}S3BucketDocsarchive:\n {6}Type: AWS::S3::Bucket\n/);
      assert.match(out, /- Name: suffix\n\s+Value: \.pdf {3}# only PDFs\n/, 'the inline comment stays on its rule');
      assertDataResourcesKept(bucket, text, out);
    }
  });

  it('the hover on the event says which quick fix is not offered and why', () => {
    const analysis = analyze(s3Service('docs-${sls:stage}'));
    const edge = analysis.model.edges.find((e) => e.kind === 'trigger')!;
    const hover = triggerHover(edge, analysis);
    assert.ok(hover.includes('**Quick fix not offered:** Insert an SQS buffer queue'), hover);
    assert.match(hover, /depends on .*sls:stage.*S3BucketDocsdev here/);
    assert.doesNotMatch(triggerHover(edge, analyze(s3Service('docs-archive'))), /not offered/);
  });

  it('serverless topic: the buffer queue is not offered for a topic named per stage (SNSTopic<Name> would change)', () => {
    const text = s3Service('x').replace(/ {6}- s3:[\s\S]*$/, '      - sns: alerts-${sls:stage}\n');
    const finding = asyncFinding(text)!;
    assert.ok(!finding.fixes.some((o) => o.id === 'insert-buffer-queue'));
    assert.match(finding.declined?.[0].reason ?? '', /topic name alerts-\$\{sls:stage\} depends on \$\{sls:stage\}.*SNSTopicAlertsdev/);
    const fixed = s3Service('x').replace(/ {6}- s3:[\s\S]*$/, '      - sns: alerts\n');
    assert.ok(asyncFinding(fixed)!.fixes.some((o) => o.id === 'insert-buffer-queue'));
  });
});
