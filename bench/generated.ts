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
