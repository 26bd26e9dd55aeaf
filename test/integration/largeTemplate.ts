// A generated serverless.yml of a given size (no vscode import: also usable outside the editor).

/** About 5,000 lines: SQS-fed functions with their queues, DLQs and annotations. */
export function generatedServerless(targetLines: number): string {
  const functions: string[] = [];
  const annotations: string[] = [];
  const resources: string[] = [];
  for (let i = 0; functions.length + annotations.length + resources.length < targetLines - 20; i++) {
    functions.push(`  worker${i}:`, `    handler: src/worker${i}.handler`, '    memorySize: 512', '    timeout: 30', '    events:', '      - sqs:',
      `          arn: !GetAtt Queue${i}.Arn`, '          batchSize: 10');
    annotations.push(`      worker${i}:`, '        rate: 20/minute', '        duration: 800ms');
    resources.push(`    Queue${i}:`, '      Type: AWS::SQS::Queue', '      Properties:', '        VisibilityTimeout: 180', '        RedrivePolicy:',
      `          deadLetterTargetArn: !GetAtt Dlq${i}.Arn`, '          maxReceiveCount: 5', `    Dlq${i}:`, '      Type: AWS::SQS::Queue');
  }
  return ['service: latency', 'provider:', '  name: aws', '  runtime: nodejs20.x', 'custom:', '  pipelineLens:', '    functions:', ...annotations,
    'functions:', ...functions, '  # end of functions', 'resources:', '  Resources:', ...resources, ''].join('\n');
}
