// An index of one template's Resources, Parameters and Mappings, so references can be resolved without walking
// the document again. Shared by the CloudFormation, SAM and serverless (`resources:`) readers.
import type { Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import type { Span } from '../../model';
import { asMap, deref, get, keySpan, keyText, pairs, scalarText, spanOf } from '../../parse/nodes';

export interface ResourceEntry {
  logicalId: string;
  type: string;
  pair: Pair;
  block: YAMLMap;
  properties?: YAMLMap;
  condition?: string;
  keySpan: Span;
}

export interface TemplateOptions {
  /** Region used for `AWS::Region` when the file or settings say; otherwise it stays a `${AWS::Region}` placeholder. */
  region?: string;
  /** Model node id for a logical id the template does not define itself (serverless: `HelloLambdaFunction` -> `hello`). */
  nodeIdFor?: (logicalId: string) => string | undefined;
  /** Resolves format-specific variables in plain strings (serverless `${self:...}`) before ARNs are matched. */
  resolveString?: (text: string) => string;
}

/** Property that holds each resource type's physical name, for matching ARN strings and names. */
export const PHYSICAL_NAME_KEYS: Readonly<Record<string, string>> = {
  'AWS::SQS::Queue': 'QueueName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::Kinesis::Stream': 'Name',
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::Serverless::SimpleTable': 'TableName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::Serverless::Function': 'FunctionName',
  'AWS::KinesisFirehose::DeliveryStream': 'DeliveryStreamName',
  'AWS::Events::EventBus': 'Name',
  'AWS::StepFunctions::StateMachine': 'StateMachineName',
  'AWS::Serverless::StateMachine': 'Name',
};

export const PSEUDO_PARAMETERS: Readonly<Record<string, string | undefined>> = {
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::Region': undefined,
  'AWS::AccountId': undefined,
  'AWS::StackName': undefined,
  'AWS::StackId': undefined,
  'AWS::NotificationARNs': undefined,
  'AWS::NoValue': undefined,
};

export class Template {
  readonly resources = new Map<string, ResourceEntry>();
  /** Parameter name -> its Default node (undefined when it has none). */
  readonly parameters = new Map<string, YamlNode | undefined>();
  readonly mappings?: YAMLMap;
  /** Nesting depth of the reference resolver right now (it stops at a fixed depth: cyclic input). */
  resolveDepth = 0;
  /** Steps of the current top-level resolution (bounded: alias bombs). */
  resolveSteps = 0;

  constructor(
    readonly doc: Document | undefined,
    resourcesMap: YAMLMap | undefined,
    root: YAMLMap | undefined,
    readonly options: TemplateOptions = {},
  ) {
    for (const pair of pairs(resourcesMap, doc)) {
      const logicalId = keyText(pair);
      const block = asMap(deref(doc, pair.value));
      if (!logicalId || !block) continue;
      this.resources.set(logicalId, {
        logicalId,
        type: scalarText(get(block, 'Type', doc)) ?? '',
        pair,
        block,
        properties: asMap(get(block, 'Properties', doc)),
        condition: scalarText(get(block, 'Condition', doc)),
        keySpan: keySpan(pair),
      });
    }
    const params = asMap(get(root, 'Parameters', doc));
    for (const pair of pairs(params, doc)) {
      const name = keyText(pair);
      if (name) this.parameters.set(name, get(asMap(get(params, name, doc)), 'Default', doc));
    }
    this.mappings = asMap(get(root, 'Mappings', doc));
  }

  resource(logicalId: string): ResourceEntry | undefined {
    return this.resources.get(logicalId);
  }

  ofType(...types: string[]): ResourceEntry[] {
    return [...this.resources.values()].filter((r) => types.includes(r.type));
  }

  /** The model node id of a logical id (resources keep their logical id; others via options.nodeIdFor). */
  nodeId(logicalId: string): string | undefined {
    if (this.resources.has(logicalId)) return logicalId;
    return this.options.nodeIdFor?.(logicalId);
  }

  isParameter(name: string): boolean {
    return this.parameters.has(name);
  }

  isPseudo(name: string): boolean {
    return name in PSEUDO_PARAMETERS;
  }

  pseudoValue(name: string): string {
    if (name === 'AWS::Region' && this.options.region) return this.options.region;
    return PSEUDO_PARAMETERS[name] ?? '${' + name + '}';
  }

  /** Value of `Mappings.map.top.second` when all three are plain text. */
  findInMap(map: string, top: string, second: string): YamlNode | undefined {
    return get(asMap(get(asMap(get(this.mappings, map, this.doc)), top, this.doc)), second, this.doc);
  }

  private physicalIndex?: Map<string, string[]>;

  /** Logical ids whose physical name (QueueName, TableName...) is `name`, read as text with `${...}` placeholders. */
  byPhysicalName(name: string, nameOf: (node: YamlNode | undefined) => string | undefined): string[] {
    if (!this.physicalIndex) {
      this.physicalIndex = new Map();
      for (const entry of this.resources.values()) {
        const key = PHYSICAL_NAME_KEYS[entry.type];
        if (!key) continue;
        const physical = nameOf(get(entry.properties, key, this.doc));
        // A name with placeholders (`partner-orders-${Stage}-${AWS::AccountId}`, parameters without a default and
        // pseudo parameters kept as `${...}`) matches the same text written elsewhere: one resource named two ways.
        if (!physical || physical.replace(/\$\{[^}]*\}/g, '').trim() === '') continue;
        const list = this.physicalIndex.get(physical) ?? [];
        list.push(entry.logicalId);
        this.physicalIndex.set(physical, list);
      }
    }
    return this.physicalIndex.get(name) ?? [];
  }

  spanOfResource(logicalId: string): Span | undefined {
    const entry = this.resources.get(logicalId);
    return entry ? entry.keySpan : undefined;
  }
}

export function blockSpan(entry: ResourceEntry): Span {
  return spanOf(entry.block);
}
