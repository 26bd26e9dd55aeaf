// `stream` events: Kinesis and DynamoDB streams (a string ARN, or `{ arn, type, batchSize, ... }`).
// A DynamoDB table's stream is its own node `<Table>Stream` fed by a `notify` edge from the table.
import { isMap } from 'yaml';
import type { Span } from '../../../model';
import { labelOf, parseArnText, type Target } from '../context';
import { destinationRef } from '../destinations';
import { addTrigger, capSetting, boolSetting, enabledSetting, filtered, numberSetting, setting, textSetting, type EventInput } from './common';

export function readStreamEvent(input: EventInput): void {
  const { context, functionKey } = input;
  const settings = isMap(input.value.node);
  const arnView = settings ? setting(input, 'arn') : input.value;
  const written = settings ? textSetting(input, 'type') : undefined;
  const target = context.target(arnView, { what: `The stream that triggers ${functionKey}`, node: functionKey }) ?? {};
  const source = streamSource(input, target, written);
  const span = arnView?.span ?? input.value.span;
  const sourceId = source === 'dynamodb' ? tableStreamNode(input, target, span) : kinesisNode(input, target, span);
  if (!sourceId) return;
  const onFailure = settings
    ? destinationRef(context, context.resolver.getIn(input.value, ['destinations', 'onFailure']), functionKey, 'on-failure')
    : undefined;
  addTrigger(input, sourceId, {
    source,
    invocation: 'stream',
    batchSize: numberSetting(input, 'batchSize'),
    parallelizationFactor: capSetting(input, 'parallelizationFactor'),
    maximumRetryAttempts: numberSetting(input, 'maximumRetryAttempts'),
    maximumRecordAgeInSeconds: numberSetting(input, 'maximumRecordAgeInSeconds'),
    bisectBatchOnFunctionError: boolSetting(input, 'bisectBatchOnFunctionError'),
    tumblingWindowInSeconds: numberSetting(input, 'tumblingWindowInSeconds'),
    maximumBatchingWindowInSeconds: numberSetting(input, 'batchWindow'),
    startingPosition: textSetting(input, 'startingPosition'),
    enabled: enabledSetting(input),
    filtered: filtered(input, 'filterPatterns'),
    onFailure,
  });
}

function streamSource(input: EventInput, target: Target, written: string | undefined): 'kinesis' | 'dynamodb' {
  if (written === 'dynamodb' || written === 'kinesis') return written;
  if (target.attribute === 'StreamArn') return 'dynamodb';
  const id = target.id ?? target.raw ?? '';
  const resource = input.context.builder.getNode(id);
  if (resource?.kind === 'table-stream' || resource?.kind === 'table') return 'dynamodb';
  return parseArnText(id)?.service === 'dynamodb' ? 'dynamodb' : 'kinesis';
}

function kinesisNode(input: EventInput, target: Target, span: Span): string | undefined {
  const id = target.id ?? target.raw;
  if (!id) return undefined;
  return input.context.ensureNode({ id }, 'stream', span, labelOf(id));
}

/** The `<Table>Stream` node (with its table -> stream `notify` edge), or an external stream for ARN strings. */
function tableStreamNode(input: EventInput, target: Target, span: Span): string | undefined {
  const { builder } = input.context;
  const id = target.id ?? target.raw;
  if (!id) return undefined;
  const tableId = id.endsWith('Stream') ? id.slice(0, -'Stream'.length) : undefined;
  const table = tableId ? builder.getNode(tableId) : undefined;
  if (!table || table.kind !== 'table') {
    const arn = parseArnText(id);
    return input.context.ensureNode({ id }, 'table-stream', span, arn ? `${arn.name} stream` : labelOf(id));
  }
  if (!builder.hasNode(id)) {
    builder.addNode({ id, kind: 'table-stream', label: `${table.label} stream`, span: table.span, defined: true, condition: table.condition });
    builder.addEdge({ from: table.id, to: id, kind: 'notify', span: table.span });
  }
  return id;
}
