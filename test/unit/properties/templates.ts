// Generated pipeline files that the readers recognise, so rules fire and fixes are offered: serverless.yml and SAM
// templates with random functions, events (S3, SNS, SQS, Kinesis, DynamoDB streams, schedules), queues, tables,
// load annotations, and comments (whole-line and inline) sprinkled where fixes edit.
import fc from 'fast-check';

const comment = fc.option(fc.constantFrom('# only PDFs', '# keep: partner files', '# TODO tune', '#x', '# pipeline-lens: note'), { freq: 2 });
const inline = (c: string | null) => (c ? `   ${c}` : '');
const line = (indent: number, c: string | null) => (c ? [`${' '.repeat(indent)}${c}`] : []);

const bucketName = fc.constantFrom('uploads', 'uploads-${sls:stage}', 'orders-${opt:stage, "dev"}-files', '${self:custom.bucket}', 'raw-${self:provider.stage}', 'partner.orders', 'in-${aws:accountId}');
const s3Rules = fc.array(fc.tuple(fc.constantFrom('prefix', 'suffix'), fc.constantFrom('incoming/', '.pdf', '.csv'), comment), { maxLength: 2 });

const serverlessEvent = fc.oneof(
  fc.record({ bucket: bucketName, rules: s3Rules, c: comment, short: fc.boolean(), existing: fc.boolean() }).map(({ bucket, rules, c, short, existing }) =>
    short && rules.length === 0
      ? [`      - s3: ${bucket}${inline(c)}`]
      : [
          '      - s3:',
          `          bucket: ${bucket}${inline(c)}`,
          '          event: s3:ObjectCreated:*',
          ...(existing ? ['          existing: true'] : []),
          ...(rules.length ? ['          rules:', ...rules.flatMap(([k, v, rc]) => [`            - ${k}: ${v}${inline(rc)}`])] : []),
        ],
  ),
  fc.record({ topic: fc.constantFrom('alerts', 'alerts-${sls:stage}', 'arn:aws:sns:us-east-1:123456789012:t'), c: comment }).map(({ topic, c }) => [`      - sns: ${topic}${inline(c)}`]),
  fc.record({ queue: fc.constantFrom('WorkQueue', 'OtherQueue'), batch: fc.integer({ min: 1, max: 20 }), c: comment, between: comment }).map(({ queue, batch, c, between }) => [
    '      - sqs:',
    `          arn: !GetAtt ${queue}.Arn${inline(c)}`,
    ...line(10, between),
    `          batchSize: ${batch}`,
  ]),
  fc.record({ pf: fc.option(fc.integer({ min: 1, max: 10 })), c: comment, table: fc.boolean(), between: comment }).map(({ pf, c, table, between }) => [
    '      - stream:',
    ...line(10, between),
    `          type: ${table ? 'dynamodb' : 'kinesis'}`,
    `          arn: ${table ? '!GetAtt Table.StreamArn' : '!GetAtt Clicks.Arn'}${inline(c)}`,
    ...(pf === null ? [] : [`          parallelizationFactor: ${pf}`]),
  ]),
  fc.constant(['      - schedule: rate(5 minutes)']),
);

const serverlessFunction = fc.record({
  events: fc.array(serverlessEvent, { minLength: 1, maxLength: 3 }),
  timeout: fc.option(fc.integer({ min: 1, max: 900 })),
  reserved: fc.option(fc.integer({ min: 1, max: 50 })),
  stateful: fc.boolean(),
  rate: fc.option(fc.constantFrom('1/s', '50/minute', '2000/second', '3M/month')),
  c: comment,
});

export const serverlessArb = fc
  .record({
    fns: fc.array(serverlessFunction, { minLength: 1, maxLength: 3 }),
    redrive: fc.boolean(),
    visibility: fc.option(fc.integer({ min: 1, max: 2000 })),
    headComment: comment,
    queueComment: comment,
    tailComment: comment,
  })
  .map(({ fns, redrive, visibility, headComment, queueComment, tailComment }) => {
    const names = fns.map((_, i) => ['ingest', 'sessionize', 'report-builder'][i]);
    return [
      ...line(0, headComment),
      'service: fuzzed',
      'provider:',
      '  name: aws',
      '  runtime: nodejs20.x',
      "  stage: ${opt:stage, 'dev'}",
      'custom:',
      '  bucket: custom-${sls:stage}',
      '  pipelineLens:',
      '    functions:',
      ...fns.flatMap((f, i) => [`      ${names[i]}:`, ...(f.rate ? [`        rate: ${f.rate}`, '        duration: 2s'] : []), `        stateful: ${f.stateful}`]),
      '    sources:',
      '      Clicks: {shards: 2}',
      'functions:',
      ...fns.flatMap((f, i) => [
        `  ${names[i]}:`,
        `    handler: src/${names[i]}.handler${inline(f.c)}`,
        ...(f.timeout === null ? [] : [`    timeout: ${f.timeout}`]),
        ...(f.reserved === null ? [] : [`    reservedConcurrency: ${f.reserved}`]),
        ...line(4, f.c),
        '    events:',
        ...f.events.flat(),
      ]),
      'resources:',
      '  Resources:',
      '    WorkQueue:',
      '      Type: AWS::SQS::Queue   # the work queue',
      '      Properties:',
      ...(visibility === null ? ['        MessageRetentionPeriod: 1209600'] : [`        VisibilityTimeout: ${visibility}${inline(queueComment)}`]),
      ...line(8, queueComment),
      ...(redrive ? ['        RedrivePolicy:', '          deadLetterTargetArn: !GetAtt WorkDLQ.Arn', '          maxReceiveCount: 5', '    WorkDLQ:', '      Type: AWS::SQS::Queue'] : []),
      '    Clicks:',
      '      Type: AWS::Kinesis::Stream',
      '      Properties: {ShardCount: 2}',
      '    Table:',
      '      Type: AWS::DynamoDB::Table',
      '      Properties:',
      '        BillingMode: PROVISIONED',
      '        StreamSpecification: {StreamViewType: NEW_IMAGE}',
      ...line(0, tailComment),
      '',
    ].join('\n');
  });

const samBucketName = fc.constantFrom('!Sub partner-orders-${Stage}-${AWS::AccountId}', 'plain-bucket', '!Ref BucketParam', null);

const samEvent = fc.oneof(
  fc.record({ filter: fc.option(fc.tuple(fc.constantFrom('suffix', 'prefix'), fc.constantFrom('.csv', 'in/'), comment)), c: comment }).map(({ filter, c }) => [
    '          Type: S3',
    '          Properties:',
    ...line(12, c),
    `            Bucket: !Ref IngestBucket${inline(c)}`,
    '            Events: s3:ObjectCreated:*',
    ...(filter ? ['            Filter:', '              S3Key:', '                Rules:', `                  - Name: ${filter[0]}${inline(filter[2])}`, `                    Value: ${filter[1]}`] : []),
  ]),
  fc.record({ c: comment }).map(({ c }) => ['          Type: SNS', '          Properties:', `            Topic: !Ref Alerts${inline(c)}`]),
  fc.record({ batch: fc.integer({ min: 1, max: 10 }), c: comment }).map(({ batch, c }) => ['          Type: SQS', '          Properties:', `            Queue: !GetAtt Work.Arn${inline(c)}`, `            BatchSize: ${batch}`]),
  fc.record({ pf: fc.option(fc.integer({ min: 1, max: 10 })), c: comment }).map(({ pf, c }) => [
    '          Type: Kinesis',
    '          Properties:',
    `            Stream: !GetAtt Clicks.Arn${inline(c)}`,
    ...line(12, c),
    '            StartingPosition: LATEST',
    ...(pf === null ? [] : [`            ParallelizationFactor: ${pf}`]),
  ]),
);

export const samArb = fc
  .record({
    events: fc.array(samEvent, { minLength: 1, maxLength: 3 }),
    name: samBucketName,
    timeout: fc.integer({ min: 1, max: 900 }),
    rate: fc.option(fc.constantFrom('2000/hour', '100/second')),
    c: comment,
    workDlq: fc.boolean(),
  })
  .map(({ events, name, timeout, rate, c, workDlq }) =>
    [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Transform: AWS::Serverless-2016-10-31',
      'Parameters:',
      '  Stage: {Type: String, Default: dev}',
      '  BucketParam: {Type: String}',
      'Resources:',
      '  IngestBucket:',
      '    Type: AWS::S3::Bucket',
      ...(name ? ['    Properties:', `      BucketName: ${name}${inline(c)}`] : []),
      ...line(2, c),
      '  Alerts:',
      '    Type: AWS::SNS::Topic',
      '  Work:',
      `    Type: AWS::SQS::Queue${inline(c)}`,
      ...(workDlq ? ['    Properties:', '      RedrivePolicy: {deadLetterTargetArn: !GetAtt WorkDLQ.Arn, maxReceiveCount: 5}', '  WorkDLQ:', '    Type: AWS::SQS::Queue'] : []),
      '  Clicks:',
      '    Type: AWS::Kinesis::Stream',
      '    Properties: {ShardCount: 1}',
      '  IngestFunction:',
      '    Type: AWS::Serverless::Function',
      ...(rate ? ['    Metadata:', '      PipelineLens:', `        rate: ${rate}`, '        duration: 4s'] : []),
      '    Properties:',
      `      Handler: src/ingest.handler${inline(c)}`,
      `      Timeout: ${timeout}`,
      '      Policies:',
      '        - S3ReadPolicy:',
      '            BucketName: !Sub partner-orders-${Stage}-${AWS::AccountId}',
      '      Events:',
      ...events.flatMap((e, i) => [`        Event${i}:`, ...e]),
      '',
    ].join('\n'),
  );

export const templateArb = fc.oneof(serverlessArb, samArb);
