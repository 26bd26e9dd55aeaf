// Plan -> serverless.yml for the Serverless Framework v3. Plain v3 shares provider.iam.role among all functions
// (per-function statements need a plugin), which would let every stage write every store; so each function names
// its own role (`role:`, a plain v3 key) defined under resources with only what that stage uses.
import { lambdaLogicalId } from '../read/serverless/naming';
import { headerLines } from './header';
import type { CfnResource, Destination, EnvironmentVariable, Plan, PlannedFunction, Trigger } from './plan';
import { getAtt, ref, render, type YamlValue } from './yamlText';
import { functionRole } from './roles';

export function writeServerless(plan: Plan): string {
  const header = headerLines(plan, 'serverless', [
    'IAM: each function runs under its own role (resources <Function>Role) allowing only what its stage reads and writes.',
    ...(plan.runtimeDefaulted
      ? [`Runtime ${plan.runtime} is the newest Node.js serverless@3 validates; AWS stopped creating ${plan.runtime} functions on 2026-06-01 (cfn-lint E2533): set a newer one to deploy.`]
      : []),
  ]);
  const taken = new Set(plan.resources.map(([id]) => id));
  const roles: Array<[string, CfnResource]> = plan.functions.map((fn) => [uniqueId(`${fn.logicalId.replace(/Function$/, '')}Role`, taken), functionRole(fn, plan.name)]);
  const functions = Object.fromEntries(plan.functions.map((fn, i) => [fn.key, functionEntry(fn, roles[i][0])]));
  const annotated = plan.functions.filter((fn) => Object.keys(fn.annotation).length > 0);
  const pipelineLens: Record<string, YamlValue> = {};
  if (annotated.length > 0) pipelineLens.functions = Object.fromEntries(annotated.map((fn) => [fn.key, fn.annotation]));
  if (plan.sourceAnnotations.length > 0) pipelineLens.sources = Object.fromEntries(plan.sourceAnnotations);
  return render(header, [
    ['service', plan.name],
    ['frameworkVersion', '3'],
    ['provider', {
      name: 'aws',
      runtime: plan.runtime,
      region: plan.region,
    }],
    ['custom', Object.keys(pipelineLens).length > 0 ? { pipelineLens } : undefined],
    ['functions', functions],
    ['resources', { Resources: Object.fromEntries([...plan.resources, ...roles]) as unknown as YamlValue }],
  ]);
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
  taken.add(id);
  return id;
}

function functionEntry(fn: PlannedFunction, role: string): YamlValue {
  return {
    handler: fn.handler,
    role,
    runtime: fn.runtime,
    memorySize: fn.memoryMb,
    timeout: fn.timeoutS,
    architecture: fn.architecture,
    ephemeralStorageSize: fn.ephemeralStorageMb,
    reservedConcurrency: fn.reservedConcurrency,
    maximumRetryAttempts: fn.async.maximumRetryAttempts,
    maximumEventAge: fn.async.maximumEventAgeS,
    destinations: fn.async.onSuccess || fn.async.onFailure
      ? { onSuccess: destination(fn.async.onSuccess), onFailure: destination(fn.async.onFailure) }
      : undefined,
    environment: fn.environment.length > 0 ? Object.fromEntries(fn.environment.map(environment)) : undefined,
    events: fn.triggers.length > 0 ? fn.triggers.map(event) : undefined,
  };
}

function environment(variable: EnvironmentVariable): [string, YamlValue] {
  const value = variable.value;
  return [variable.name, typeof value === 'object' && 'functionName' in value ? ref(lambdaLogicalId(value.functionName)) : value];
}

const DESTINATION_TYPE: Readonly<Record<Destination['type'], string>> = { sqs: 'sqs', sns: 'sns', eventbridge: 'eventBus', function: 'function' };

function destination(target: Destination | undefined): YamlValue | undefined {
  if (!target) return undefined;
  if (target.type === 'function') return target.id;
  return { arn: target.type === 'sns' ? ref(target.id) : getAtt(target.id, 'Arn'), type: DESTINATION_TYPE[target.type] };
}

function event(trigger: Trigger): YamlValue {
  switch (trigger.kind) {
    case 'stream':
      return {
        stream: {
          type: trigger.source,
          arn: getAtt(trigger.resource, trigger.source === 'kinesis' ? 'Arn' : 'StreamArn'),
          batchSize: trigger.batchSize,
          batchWindow: trigger.batchWindowS,
          parallelizationFactor: trigger.parallelizationFactor,
          startingPosition: trigger.startingPosition,
          maximumRetryAttempts: trigger.maximumRetryAttempts,
          maximumRecordAgeInSeconds: trigger.maximumRecordAgeS,
          bisectBatchOnFunctionError: trigger.bisect,
          tumblingWindowInSeconds: trigger.tumblingWindowS,
          destinations: trigger.onFailure ? { onFailure: destination(trigger.onFailure) } : undefined,
        },
      };
    case 'sqs':
      return {
        sqs: {
          arn: getAtt(trigger.queue, 'Arn'),
          batchSize: trigger.batchSize,
          maximumBatchingWindow: trigger.batchWindowS,
          maximumConcurrency: trigger.maximumConcurrency,
        },
      };
    case 'schedule':
      return { schedule: trigger.expression };
    case 'api':
      return { http: { path: trigger.path, method: trigger.method } };
    case 'iot':
      return { iot: { sql: trigger.sql } };
  }
}
