// A generated serverless.yml of about `lines` lines: Kinesis, SQS, S3 and SNS stages with annotations, IAM,
// destinations and resources, so every reader path and rule has work to do.
export function generatedServerless(lines = 5000): string {
  const out: string[] = [
    'service: bench-pipeline',
    "frameworkVersion: '3'",
    'provider:',
    '  name: aws',
    '  runtime: nodejs20.x',
    '  region: us-east-1',
    '  memorySize: 1024',
    '  timeout: 30',
    'custom:',
    '  pipelineLens:',
    '    functions:',
  ];
  const stages = Math.max(1, Math.round(lines / 43));
  for (let i = 0; i < stages; i++) out.push(`      stage${i}:`, `        rate: ${10 + i}/second`, `        duration: ${100 + i}ms`);
  out.push('functions:');
  for (let i = 0; i < stages; i++) out.push(...stageFunction(i));
  out.push('resources:', '  Resources:');
  for (let i = 0; i < stages; i++) out.push(...stageResources(i));
  return `${out.join('\n')}\n`;
}

function stageFunction(i: number): string[] {
  const event = [
    ['      - stream:', '          type: kinesis', `          arn: !GetAtt Stream${i}.Arn`, '          batchSize: 100', '          startingPosition: LATEST'],
    ['      - sqs:', `          arn: !GetAtt Queue${i}.Arn`, '          batchSize: 10'],
    ['      - s3:', `          bucket: bench-bucket-${i}`, '          event: s3:ObjectCreated:*'],
    ['      - sns:', `          arn: !Ref Topic${i}`],
  ][i % 4];
  return [
    `  stage${i}:`,
    `    handler: src/stage${i}.handler`,
    `    memorySize: ${512 + (i % 8) * 256}`,
    '    timeout: 60',
    '    events:',
    ...event,
    '    environment:',
    `      TABLE_NAME: !Ref Table${i}`,
    `      NEXT_QUEUE: !Ref Queue${i + 1}`,
    '    iamRoleStatements:',
    '      - Effect: Allow',
    '        Action: [dynamodb:PutItem, dynamodb:GetItem]',
    `        Resource: !GetAtt Table${i}.Arn`,
    '      - Effect: Allow',
    '        Action: [sqs:SendMessage]',
    `        Resource: !GetAtt Queue${i + 1}.Arn`,
  ];
}

function stageResources(i: number): string[] {
  return [
    `    Stream${i}:`,
    '      Type: AWS::Kinesis::Stream',
    '      Properties:',
    `        ShardCount: ${1 + (i % 4)}`,
    `    Queue${i}:`,
    '      Type: AWS::SQS::Queue',
    '      Properties:',
    '        VisibilityTimeout: 120',
    `    Queue${i + 1}Dlq:`,
    '      Type: AWS::SQS::Queue',
    `    Topic${i}:`,
    '      Type: AWS::SNS::Topic',
    `    Table${i}:`,
    '      Type: AWS::DynamoDB::Table',
    '      Properties:',
    '        BillingMode: PAY_PER_REQUEST',
    '        AttributeDefinitions:',
    '          - AttributeName: id',
    '            AttributeType: S',
    '        KeySchema:',
    '          - AttributeName: id',
    '            KeyType: HASH',
  ];
}

/**
 * A generated SAM template of about `lines` lines (~119 per stage): a function per stage with a Kinesis, SQS, S3 or
 * SNS event, environment, policies and a load annotation, and its stream, queue, dead-letter queue, topic, bucket
 * and table. Valid CloudFormation under the 500-resource limit, so cfn-lint checks it fully (bench/cli.bench.ts).
 */
export function generatedSam(lines = 5000): string {
  const stages = Math.max(1, Math.round((lines - 13) / 119));
  const out: string[] = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Transform: AWS::Serverless-2016-10-31',
    'Description: Generated pipeline for benchmarks',
    'Globals:',
    '  Function:',
    '    Runtime: python3.12',
    '    MemorySize: 1024',
    '    Timeout: 30',
    'Parameters:',
    '  Stage:',
    '    Type: String',
    '    Default: dev',
    'Resources:',
  ];
  for (let i = 0; i < stages; i++) out.push(...samStage(i, (i + 1) % stages));
  return `${out.join('\n')}\n`;
}

const tags = (indent: string, i: number) => [`${indent}Tags:`, `${indent}  - Key: stage`, `${indent}    Value: s${i}`, `${indent}  - Key: team`, `${indent}    Value: data`];

function samStage(i: number, next: number): string[] {
  const event = [
    ['        Stream:', '          Type: Kinesis', '          Properties:', `            Stream: !GetAtt Stream${i}.Arn`, '            StartingPosition: LATEST', '            BatchSize: 100'],
    ['        Queue:', '          Type: SQS', '          Properties:', `            Queue: !GetAtt Queue${i}.Arn`, '            BatchSize: 10', '            Enabled: true'],
    ['        Upload:', '          Type: S3', '          Properties:', `            Bucket: !Ref Bucket${i}`, '            Events: s3:ObjectCreated:*'],
    ['        Notice:', '          Type: SNS', '          Properties:', `            Topic: !Ref Topic${i}`],
  ][i % 4];
  return [
    `  Stage${i}Function:`,
    '    Type: AWS::Serverless::Function',
    '    Metadata:',
    '      PipelineLens:',
    `        rate: ${10 + i}/second`,
    `        duration: ${100 + i}ms`,
    '    Properties:',
    `      Description: Stage ${i} of the generated pipeline`,
    `      CodeUri: src/stage${i}/`,
    '      Handler: app.handler',
    `      MemorySize: ${512 + (i % 8) * 256}`,
    '      Tracing: Active',
    '      Events:',
    ...event,
    '      Environment:',
    '        Variables:',
    `          TABLE_NAME: !Ref Table${i}`,
    `          NEXT_QUEUE: !Ref Queue${next}`,
    `          BUCKET_NAME: bench-bucket-${i}`,
    `          TOPIC_ARN: !Ref Topic${i}`,
    '          LOG_LEVEL: INFO',
    `          POWERTOOLS_SERVICE_NAME: stage-${i}`,
    '      Policies:',
    `        - DynamoDBCrudPolicy: { TableName: !Ref Table${i} }`,
    `        - SQSSendMessagePolicy: { QueueName: !GetAtt Queue${next}.QueueName }`,
    `        - S3ReadPolicy: { BucketName: bench-bucket-${i} }`,
    '        - Statement:',
    '            - Effect: Allow',
    '              Action:',
    '                - kinesis:PutRecord',
    '                - kinesis:PutRecords',
    `              Resource: !GetAtt Stream${i}.Arn`,
    '            - Effect: Allow',
    '              Action:',
    '                - sns:Publish',
    `              Resource: !Ref Topic${i}`,
    '      Tags:',
    `        stage: s${i}`,
    '        team: data',
    `  Stream${i}:`,
    '    Type: AWS::Kinesis::Stream',
    '    Properties:',
    `      ShardCount: ${1 + (i % 4)}`,
    '      RetentionPeriodHours: 24',
    '      StreamEncryption:',
    '        EncryptionType: KMS',
    '        KeyId: alias/aws/kinesis',
    ...tags('      ', i),
    `  Queue${i}:`,
    '    Type: AWS::SQS::Queue',
    '    Properties:',
    '      VisibilityTimeout: 180',
    '      MessageRetentionPeriod: 345600',
    '      RedrivePolicy:',
    `        deadLetterTargetArn: !GetAtt Queue${i}Dlq.Arn`,
    '        maxReceiveCount: 5',
    ...tags('      ', i),
    `  Queue${i}Dlq:`,
    '    Type: AWS::SQS::Queue',
    '    Properties:',
    '      MessageRetentionPeriod: 1209600',
    ...tags('      ', i),
    `  Topic${i}:`,
    '    Type: AWS::SNS::Topic',
    '    Properties:',
    `      DisplayName: stage-${i}`,
    ...tags('      ', i),
    `  Bucket${i}:`,
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    `      BucketName: bench-bucket-${i}`,
    '      VersioningConfiguration:',
    '        Status: Enabled',
    '      PublicAccessBlockConfiguration:',
    '        BlockPublicAcls: true',
    '        BlockPublicPolicy: true',
    '        IgnorePublicAcls: true',
    '        RestrictPublicBuckets: true',
    ...tags('      ', i),
    `  Table${i}:`,
    '    Type: AWS::DynamoDB::Table',
    '    Properties:',
    '      BillingMode: PAY_PER_REQUEST',
    '      AttributeDefinitions:',
    '        - AttributeName: id',
    '          AttributeType: S',
    '      KeySchema:',
    '        - AttributeName: id',
    '          KeyType: HASH',
    '      PointInTimeRecoverySpecification:',
    '        PointInTimeRecoveryEnabled: true',
    ...tags('      ', i),
  ];
}
