// Every serverless.yml a quick fix writes must pass the real Serverless Framework v3 (`print` and `package` with
// configValidationMode: error), and the packaged CloudFormation must hold what the fix promised.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { declaredResources, toolCases, type ToolCase } from './cases';
import { ensureServerless, pool, serverless } from './tools';

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown>; DependsOn?: unknown }> };

/** A temp copy of the fixed file, validated strictly, with a handler file so packaging has something to zip. */
function workspace(c: ToolCase): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pl-sls-${c.name}-`));
  const strict = /^configValidationMode:.*$/m.test(c.output)
    ? c.output.replace(/^configValidationMode:.*$/m, 'configValidationMode: error')
    : `configValidationMode: error\n${c.output}`;
  fs.writeFileSync(path.join(dir, 'serverless.yml'), strict);
  fs.writeFileSync(path.join(dir, 'handler.js'), 'exports.handler = async () => {};\n');
  return dir;
}

interface Packaged {
  dir: string;
  runs: { args: string[]; status: number | null; output: string }[];
}

/** `serverless print` then `serverless package` in a temp copy; the checks read the results. */
async function packageCase(c: ToolCase): Promise<Packaged> {
  const dir = workspace(c);
  const runs: Packaged['runs'] = [];
  for (const args of [['print'], ['package']]) {
    const result = await serverless(args, dir);
    runs.push({ args, ...result });
    if (result.status !== 0) break;
  }
  return { dir, runs };
}

function assertAccepted(packaged: Packaged): void {
  assert.equal(packaged.runs.length, 2, 'print and package both ran');
  for (const { args, status, output } of packaged.runs) {
    assert.equal(status, 0, `serverless ${args.join(' ')} failed:\n${output}`);
    assert.doesNotMatch(output, /Configuration error|Warning:/i, `serverless ${args.join(' ')} warned:\n${output}`);
  }
}

const arnOf = (value: unknown): string | undefined => {
  const getAtt = (value as { 'Fn::GetAtt'?: string[] } | undefined)?.['Fn::GetAtt'];
  return getAtt ? getAtt[0] : undefined;
};

function checkBufferQueue(template: Template, added: Map<string, string>, sns: boolean): void {
  const queues = [...added].filter(([, type]) => type === 'AWS::SQS::Queue').map(([id]) => id);
  const buffer = queues.find((id) => template.Resources[id]?.Properties?.RedrivePolicy);
  assert.ok(buffer, 'a buffer queue with a RedrivePolicy');
  const redrive = template.Resources[buffer].Properties!.RedrivePolicy as { deadLetterTargetArn: unknown; maxReceiveCount: number };
  assert.equal(redrive.maxReceiveCount, 5);
  assert.ok(queues.includes(arnOf(redrive.deadLetterTargetArn) ?? ''), 'the DLQ is the new queue');
  const mappings = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping' && arnOf(r.Properties?.EventSourceArn) === buffer);
  assert.equal(mappings.length, 1, 'an event source mapping from the buffer queue to the function');
  if (sns) {
    const subscriptions = Object.values(template.Resources).filter((r) => r.Type === 'AWS::SNS::Subscription' && arnOf(r.Properties?.Endpoint) === buffer);
    assert.equal(subscriptions.length, 1, 'the topic delivers to the queue');
    assert.equal(subscriptions[0].Properties?.Protocol, 'sqs');
  } else {
    const buckets = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::S3::Bucket' && (r.Properties?.NotificationConfiguration as { QueueConfigurations?: unknown[] } | undefined)?.QueueConfigurations);
    assert.equal(buckets.length, 1, 'the bucket notifies the queue');
  }
  const service = sns ? 'sns.amazonaws.com' : 's3.amazonaws.com';
  assert.ok(!Object.values(template.Resources).some((r) => r.Type === 'AWS::Lambda::Permission' && (r.Properties?.Principal as string) === service), `${service} no longer invokes the function`);
  assert.ok(Object.values(template.Resources).some((r) => r.Type === 'AWS::SQS::QueuePolicy'), `a queue policy for ${service}`);
}

function checkStreamDestination(template: Template, added: Map<string, string>): void {
  const [queue] = [...added].find(([, type]) => type === 'AWS::SQS::Queue') ?? [];
  const mapping = Object.values(template.Resources).find((r) => r.Type === 'AWS::Lambda::EventSourceMapping');
  assert.ok(queue && mapping, 'a failure queue and the stream mapping');
  const props = mapping.Properties as { MaximumRetryAttempts?: number; BisectBatchOnFunctionError?: boolean; DestinationConfig?: { OnFailure?: { Destination?: unknown } } };
  assert.equal(props.MaximumRetryAttempts, 5);
  assert.equal(props.BisectBatchOnFunctionError, true);
  assert.equal(arnOf(props.DestinationConfig?.OnFailure?.Destination), queue);
  assert.match(JSON.stringify(template.Resources.IamRoleLambdaExecution), /sqs:SendMessage/, 'the role may send to the failure queue');
}

function checkAsyncDestination(template: Template, added: Map<string, string>): void {
  const [queue] = [...added].find(([, type]) => type === 'AWS::SQS::Queue') ?? [];
  const config = Object.values(template.Resources).find((r) => r.Type === 'AWS::Lambda::EventInvokeConfig');
  assert.ok(queue && config, 'a failure queue and an EventInvokeConfig');
  assert.equal(arnOf((config.Properties as { DestinationConfig: { OnFailure: { Destination: unknown } } }).DestinationConfig.OnFailure.Destination), queue);
}

function checkChainQueue(template: Template, added: Map<string, string>): void {
  const queue = [...added].find(([id, type]) => type === 'AWS::SQS::Queue' && template.Resources[id]?.Properties?.RedrivePolicy)?.[0];
  assert.ok(queue, 'a queue with a DLQ between the stages');
  const config = Object.values(template.Resources).find((r) => r.Type === 'AWS::Lambda::EventInvokeConfig');
  const onSuccess = (config?.Properties as { DestinationConfig?: { OnSuccess?: { Destination?: unknown } } } | undefined)?.DestinationConfig?.OnSuccess;
  assert.equal(arnOf(onSuccess?.Destination), queue, 'the first stage sends its results to the queue');
  const mapping = Object.values(template.Resources).find((r) => r.Type === 'AWS::Lambda::EventSourceMapping' && arnOf(r.Properties?.EventSourceArn) === queue);
  assert.ok(mapping, 'the next stage is triggered by the queue');
}

describe('real tool: serverless@3 accepts what the fixes write', function () {
  const cases = toolCases().filter((c) => c.format === 'serverless');
  const packaged = new Map<string, Packaged>();
  before(async function () {
    this.timeout(1_200_000);
    ensureServerless();
    const results = await pool(cases, 3, packageCase);
    cases.forEach((c, i) => packaged.set(c.expectedPath, results[i]));
  });
  after(() => {
    for (const { dir } of packaged.values()) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has serverless golden cases to check', () => assert.ok(cases.length >= 5, `found ${cases.length}`));

  for (const c of cases) {
    it(`${c.fixId}: ${c.name} passes print and package`, function () {
      const result = packaged.get(c.expectedPath);
      assert.ok(result, 'serverless ran on this case');
      assertAccepted(result);
      const templatePath = path.join(result.dir, '.serverless', 'cloudformation-template-update-stack.json');
      const template = JSON.parse(fs.readFileSync(templatePath, 'utf8')) as Template;
      const before = declaredResources(c.input, true);
      const added = new Map([...declaredResources(c.output, true)].filter(([id]) => !before.has(id)));
      for (const [id, type] of added) assert.equal(template.Resources[id]?.Type, type, `${id} is in the packaged template`);
      if (c.fixId === 'insert-buffer-queue') checkBufferQueue(template, added, /- sns:/.test(c.input));
      if (c.fixId === 'insert-chain-queue') checkChainQueue(template, added);
      if (c.fixId === 'add-on-failure-destination' && /stream/.test(c.input)) checkStreamDestination(template, added);
      if (c.fixId === 'add-on-failure-destination' && !/stream/.test(c.input)) checkAsyncDestination(template, added);
    });
  }
});
