// The target-neutral plan of a generated deployment file: CloudFormation resources both targets embed as they are
// (queues, tables, streams, topics, buckets, buses, buffer wiring), and functions with their triggers, grants,
// environment, destinations and load annotations, which each writer spells in its own format.
import type { Architecture } from '../model';
import type { Intrinsic, YamlValue } from './yamlText';

export type Target = 'serverless' | 'sam';

export interface CfnResource {
  Type: string;
  Properties?: Record<string, YamlValue | undefined>;
  DependsOn?: string[];
  Metadata?: Record<string, YamlValue>;
}

/** Where an on-success / on-failure destination points: a resource of the file or another stage. */
export interface Destination {
  type: 'sqs' | 'sns' | 'eventbridge' | 'function';
  /** Logical id of the resource, or the stage id of a function. */
  id: string;
}

export interface StreamTrigger {
  kind: 'stream';
  source: 'kinesis' | 'dynamodb';
  name: string;
  /** Logical id of the stream (Kinesis) or of the table whose stream it is (DynamoDB). */
  resource: string;
  batchSize?: number;
  parallelizationFactor?: number;
  startingPosition: string;
  maximumRetryAttempts?: number;
  maximumRecordAgeS?: number;
  bisect?: boolean;
  tumblingWindowS?: number;
  batchWindowS?: number;
  onFailure?: Destination;
}

export interface QueueTrigger {
  kind: 'sqs';
  name: string;
  queue: string;
  batchSize?: number;
  batchWindowS?: number;
  maximumConcurrency?: number;
}

export interface ScheduleTrigger { kind: 'schedule'; name: string; expression: string }
export interface ApiTrigger { kind: 'api'; name: string; path: string; method: string }
export interface IotTrigger { kind: 'iot'; name: string; sql: string }

export type Trigger = StreamTrigger | QueueTrigger | ScheduleTrigger | ApiTrigger | IotTrigger;

/** What one stage may do to one resource: IAM actions on ARNs, and the SAM policy template saying the same. */
export interface Grant {
  actions: string[];
  resources: Array<Intrinsic | { function: string }>;
  samTemplate?: { name: string; param: string; value: Intrinsic | string | { functionName: string } };
}

export interface EnvironmentVariable {
  name: string;
  value: Intrinsic | string | { functionName: string };
}

export interface PlannedFunction {
  /** The design's stage id: the serverless function key. */
  key: string;
  /** The SAM logical id. */
  logicalId: string;
  handler: string;
  runtime?: string;
  memoryMb: number;
  timeoutS: number;
  architecture?: Architecture;
  ephemeralStorageMb?: number;
  reservedConcurrency?: number;
  environment: EnvironmentVariable[];
  grants: Grant[];
  triggers: Trigger[];
  /** Invoked asynchronously by some trigger (schedule, IoT, another stage): async retries and destinations apply. */
  invokedAsync?: boolean;
  async: { maximumRetryAttempts?: number; maximumEventAgeS?: number; onSuccess?: Destination; onFailure?: Destination };
  /** rate, duration, stateful, stores: written as custom.pipelineLens / Metadata.PipelineLens. */
  annotation: Record<string, YamlValue>;
}

export interface Plan {
  designFile: string;
  name: string;
  region?: string;
  /** Runtime every function gets unless its stage names another. */
  runtime: string;
  /** True when no stage names a runtime and the target's default was taken. */
  runtimeDefaulted: boolean;
  functions: PlannedFunction[];
  resources: Array<[string, CfnResource]>;
  /** Logical id -> source annotations (shards of streams and tables with streams). */
  sourceAnnotations: Array<[string, Record<string, YamlValue>]>;
  /** What the design says that the file could not express, told in the header comment. */
  notes: string[];
}
