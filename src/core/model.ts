// The pipeline model: what every reader produces and every rule, cost, concurrency and graph step consumes.
// Offsets (Span) point into the analysed text; convert to line/character only at the edges (see text/lines.ts).

export interface Span {
  start: number;
  end: number;
}

export type Format = 'serverless' | 'sam' | 'cloudformation' | 'pipeline';

export type NodeKind =
  | 'function'
  | 'stream'
  | 'table-stream'
  | 'queue'
  | 'topic'
  | 'bucket'
  | 'table'
  | 'event-bus'
  | 'schedule'
  | 'api'
  | 'store'
  | 'external';

export type EdgeKind = 'trigger' | 'write' | 'read' | 'on-failure' | 'on-success' | 'dlq' | 'notify';

export type Architecture = 'x86_64' | 'arm64';

/** How the trigger invokes the function: decides scaling and retry behaviour. */
export type InvocationMode = 'stream' | 'poll' | 'async' | 'sync';

/** The event source behind a trigger edge. */
export type TriggerSource =
  | 'kinesis'
  | 'dynamodb'
  | 'sqs'
  | 's3'
  | 'sns'
  | 'eventbridge'
  | 'schedule'
  | 'api'
  | 'alb'
  | 'iot'
  | 'cloudwatch-logs'
  | 'kafka'
  | 'mq'
  | 'other';

/** A value the reader found with where it was written. */
export interface Located<T> {
  value: T;
  span: Span;
}

/** Load and design facts a user declares (CONTRACT.md section 1), on functions, stages and streams. */
export interface LoadAnnotation {
  /** Span of the annotation block's key (e.g. `sessionize:` under custom.pipelineLens.functions). */
  span: Span;
  /** Where new annotation keys would be inserted (the mapping value of the block). */
  blockSpan?: Span;
  rate?: Located<number>; // invocations per second
  durationMs?: Located<number>;
  stateful?: Located<boolean>;
  stores?: Located<string[]>;
  shards?: Located<number>;
  /** Where rate and duration came from: `measured` (imported from CloudWatch or Power Tuning) or `declared`. */
  source?: Located<LoadSource>;
  /** When they were measured (ISO 8601 date or date-time), with `source: measured`. */
  measuredAt?: Located<string>;
}

export type LoadSource = 'measured' | 'declared';

export interface DestinationRef {
  /** Node id of the destination (queue, topic, bucket, function, event bus) when it resolves. */
  target?: string;
  /** The raw reference text when it did not resolve to a node (ARN, import...). */
  raw?: string;
  span: Span;
}

export interface FunctionFacts {
  /** Deployed name when known, else the logical id / function key. */
  name: string;
  handler?: string;
  runtime?: string;
  memoryMb: number;
  timeoutS: number;
  architecture: Architecture;
  /** False when the file names no architecture: the setting's default applies (CLI --arch, pipelineLens.architecture). */
  architectureDeclared?: boolean;
  ephemeralStorageMb: number;
  reservedConcurrency?: Located<number>;
  /** Environment variables: name -> value text (resolved where safe) and the node ids the value references. */
  environment: EnvVar[];
  iamStatements: IamStatement[];
  /** Asynchronous invocation configuration (EventInvokeConfig / serverless destinations). */
  async: AsyncConfig;
  annotation?: LoadAnnotation;
  /** Where the function's own properties live, for inserting keys (mapping value span). */
  propertiesSpan?: Span;
}

export interface EnvVar {
  name: string;
  value: string;
  refs: string[];
  span: Span;
}

export interface IamStatement {
  effect: 'Allow' | 'Deny';
  actions: string[];
  /** Node ids the Resource entries resolve to; raw strings kept for the rest. */
  resourceIds: string[];
  rawResources: string[];
  span: Span;
}

export interface AsyncConfig {
  maximumRetryAttempts?: Located<number>;
  maximumEventAgeInSeconds?: Located<number>;
  onFailure?: DestinationRef;
  onSuccess?: DestinationRef;
  /** Lambda's legacy DeadLetterConfig / serverless onError. */
  deadLetter?: DestinationRef;
}

export interface TriggerFacts {
  source: TriggerSource;
  invocation: InvocationMode;
  batchSize?: Located<number>;
  parallelizationFactor?: Located<number>;
  maximumRetryAttempts?: Located<number>;
  maximumRecordAgeInSeconds?: Located<number>;
  bisectBatchOnFunctionError?: Located<boolean>;
  tumblingWindowInSeconds?: Located<number>;
  maximumConcurrency?: Located<number>;
  maximumBatchingWindowInSeconds?: Located<number>;
  startingPosition?: string;
  enabled?: boolean;
  /** On-failure destination of a stream/queue mapping (DestinationConfig.OnFailure / serverless destinations.onFailure). */
  onFailure?: DestinationRef;
  /** Filter criteria or SNS filter policy present. */
  filtered?: boolean;
  /** For SNS: SAM SqsSubscription (an implicit buffer queue exists). */
  sqsSubscription?: boolean;
  /** The event's own mapping (e.g. the `- stream:` item, the SAM Events entry), for edits. */
  eventSpan: Span;
}

export interface QueueFacts {
  fifo: boolean;
  visibilityTimeoutS?: Located<number>; // undefined: AWS default 30 s
  /** VisibilityTimeout is written but is not a number we can read (e.g. an unresolved variable): unknown, not 30 s. */
  visibilityTimeoutUnresolved?: boolean;
  redrive?: { target?: string; raw?: string; maxReceiveCount?: number; span: Span };
  /** Ids of queues that use this queue as their DLQ. */
  deadLetterFor: string[];
}

export interface StreamFacts {
  shards?: Located<number>;
  /** 'provisioned' or 'on-demand' Kinesis capacity mode. */
  mode?: 'provisioned' | 'on-demand';
  retentionHours?: number;
}

export interface TableFacts {
  billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST';
  streamEnabled: boolean;
  streamViewType?: string;
}

export interface PipelineNode {
  /** Unique in the model: function key (serverless), logical id (CFN/SAM), stage/source id (pipeline), or an ARN/name for externals. */
  id: string;
  kind: NodeKind;
  label: string;
  /** The key that names this node in the YAML (function key, logical id): findings point here. */
  span: Span;
  /** The node's whole value (mapping), for edits and reveal. */
  blockSpan?: Span;
  /** False for things referenced but defined elsewhere (ARN strings, imports, other stacks). */
  defined: boolean;
  /** CloudFormation type when it came from one (AWS::SQS::Queue...). */
  resourceType?: string;
  /** CloudFormation `Condition:` name; the node only exists when it holds. */
  condition?: string;
  fn?: FunctionFacts;
  queue?: QueueFacts;
  stream?: StreamFacts;
  table?: TableFacts;
  /** Design-time annotations on non-function nodes (e.g. shards of an external stream). */
  annotation?: LoadAnnotation;
}

export interface PipelineEdge {
  /** Stable id: `${kind}:${from}->${to}` plus a suffix when repeated. */
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  /** Where this edge is written (event entry, IAM statement, redrive policy, env var...). */
  span: Span;
  /** Condition name when the edge exists only under a CloudFormation condition. */
  condition?: string;
  trigger?: TriggerFacts;
}

/** A problem found while reading (parse-error, invalid-annotation, unresolved-reference): reported as findings. */
export interface ReadProblem {
  rule: 'parse-error' | 'invalid-annotation' | 'unresolved-reference';
  message: string;
  span: Span;
  node?: string;
}

export interface PipelineModel {
  format: Format;
  nodes: PipelineNode[];
  edges: PipelineEdge[];
  problems: ReadProblem[];
  /** Region from annotations/provider, if the file says. */
  region?: string;
  /** Stage/service names etc. for display. */
  name?: string;
}

export function nodeById(model: PipelineModel, id: string): PipelineNode | undefined {
  return model.nodes.find((n) => n.id === id);
}

export function functionNodes(model: PipelineModel): PipelineNode[] {
  return model.nodes.filter((n) => n.kind === 'function');
}

export function edgesInto(model: PipelineModel, id: string, kind?: EdgeKind): PipelineEdge[] {
  return model.edges.filter((e) => e.to === id && (kind === undefined || e.kind === kind));
}

export function edgesFrom(model: PipelineModel, id: string, kind?: EdgeKind): PipelineEdge[] {
  return model.edges.filter((e) => e.from === id && (kind === undefined || e.kind === kind));
}
