// Workspace join at scale (issue 12): 200 generated serverless services / 2,000 functions, each consuming the
// previous service's stream through ${cf:}, importing its queue through an export and naming a table by ARN.
// Prints the analysis time, the join time (index + join + rules on the joined model) and an incremental re-join.
import { analyze, type Analysis } from '../src/core/analyze';
import { Workspace } from '../src/core/workspace';
import type { Figure } from './measure';

export function generatedService(i: number, functions: number): string {
  const prev = i - 1;
  const out = [`service: svc${i}`, 'provider:', '  name: aws', '  runtime: nodejs20.x', '  stage: dev', 'functions:'];
  for (let f = 0; f < functions; f++) {
    out.push(`  fn${f}:`, `    handler: h.fn${f}`, '    environment:', `      TABLE_ARN: arn:aws:dynamodb:us-east-1:123456789012:table/svc${Math.max(prev, 0)}-table`);
    if (prev >= 0 && f === 0) out.push('    events:', '      - stream:', '          type: kinesis', `          arn: \${cf:svc${prev}-dev.StreamArn}`);
    else if (prev >= 0 && f === 1) out.push('    events:', '      - sqs:', `          arn: !ImportValue svc${prev}-dev-QueueArn`);
    else out.push('    events:', '      - sqs:', `          arn: !GetAtt Queue.Arn`);
  }
  out.push('custom:', '  pipelineLens:', '    functions:');
  for (let f = 0; f < functions; f++) out.push(`      fn${f}:`, `        rate: ${5 + f}/second`, '        duration: 200ms');
  out.push(
    'resources:', '  Resources:',
    '    Stream:', '      Type: AWS::Kinesis::Stream', '      Properties:', `        Name: svc${i}-stream`, '        ShardCount: 2',
    '    Queue:', '      Type: AWS::SQS::Queue', '      Properties:', `        QueueName: svc${i}-queue`, '        VisibilityTimeout: 60',
    '    Table:', '      Type: AWS::DynamoDB::Table', '      Properties:', `        TableName: svc${i}-table`, '        BillingMode: PAY_PER_REQUEST',
    '  Outputs:',
    '    StreamArn:', '      Value: !GetAtt Stream.Arn',
    '    QueueArn:', '      Value: !GetAtt Queue.Arn', '      Export:', `        Name: svc${i}-dev-QueueArn`,
  );
  return out.join('\n') + '\n';
}

export interface WorkspaceBenchResult {
  files: number;
  functions: number;
  joins: number;
  analyzeMs: number;
  joinMs: number;
  incrementalMs: number;
  /** CPU time of this process per phase (user + system): wall time on a shared machine also counts waiting. */
  analyzeCpuMs: number;
  joinCpuMs: number;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** Generates the workspace and times it; the bench runner (bench/run.ts) calls run(), tests may call this. */
export function workspaceJoinBench(files = 200, functionsPerFile = 10): WorkspaceBenchResult {
  const texts = Array.from({ length: files }, (_, i) => generatedService(i, functionsPerFile));
  let t = performance.now();
  let cpu = process.cpuUsage();
  const analyses: Analysis[] = texts.map((text, i) => analyze(text, { path: `svc${i}/serverless.yml` }));
  const analyzeMs = performance.now() - t;
  const analyzeCpuMs = cpuMs(cpu);
  t = performance.now();
  cpu = process.cpuUsage();
  const workspace = new Workspace();
  analyses.forEach((a, i) => workspace.update(`svc${i}/serverless.yml`, a));
  const joined = workspace.joined();
  const joinMs = performance.now() - t;
  const joinCpuMs = cpuMs(cpu);
  t = performance.now();
  const middle = Math.floor(files / 2);
  workspace.update(`svc${middle}/serverless.yml`, analyze(texts[middle].replace('ShardCount: 2', 'ShardCount: 4'), { path: `svc${middle}/serverless.yml` }));
  workspace.joined();
  const incrementalMs = performance.now() - t;
  const functions = joined.files.reduce((n, f) => n + f.analysis.functions.length, 0);
  return { files, functions, joins: joined.joins.length, analyzeMs, joinMs, incrementalMs, analyzeCpuMs, joinCpuMs };
}

export function run(): Figure[] {
  const r = workspaceJoinBench();
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  console.log(`workspace: ${r.files} files, ${r.functions} functions, ${r.joins} joins`);
  console.log(`  analyze every file:        ${ms(r.analyzeMs)} (cpu ${ms(r.analyzeCpuMs)})`);
  console.log(`  join (index, join, rules): ${ms(r.joinMs)} (cpu ${ms(r.joinCpuMs)})`);
  console.log(`  total (CLI target < 3 s):  ${ms(r.analyzeMs + r.joinMs)} (cpu ${ms(r.analyzeCpuMs + r.joinCpuMs)})`);
  console.log(`  one file changed, re-join: ${ms(r.incrementalMs)}`);
  const total = r.analyzeMs + r.joinMs;
  return [{ what: `CLI: ${r.files} files / ${r.functions} functions analysed and joined`, now: ms(total), target: '< 3 s', met: total < 3000 }];
}

if (require.main === module) run();
