// Push sources that invoke asynchronously: `s3` (a bucket name, or `{ bucket, event, rules, existing }`) and `sns`
// (a topic name or ARN, or `{ arn, topicName, filterPolicy, redrivePolicy }`). A bucket or topic the framework
// creates keeps the logical id Serverless gives it (`S3Bucket<Name>`, `SNSTopic<Name>`).
import { isMap } from 'yaml';
import { labelOf, parseArnText } from '../context';
import { bucketLogicalId, topicLogicalId } from '../naming';
import { boolOf, textOf, type View } from '../../../resolve/view';
import { destinationRef } from '../destinations';
import { addTrigger, filtered, setting, type EventInput } from './common';

export function readS3Event(input: EventInput): void {
  const { context, functionKey } = input;
  const settings = isMap(input.value.node);
  const bucketView = settings ? setting(input, 'bucket') : input.value;
  if (!bucketView) return;
  const existing = settings && boolOf(setting(input, 'existing')) === true;
  const target = context.target(bucketView, { what: `The bucket that triggers ${functionKey}`, node: functionKey });
  let id: string | undefined;
  if (target && target.id !== undefined && !target.external) id = target.id;
  else {
    const name = bucketView.text ?? target?.raw ?? target?.id ?? 'bucket';
    id = existing || parseArnText(name) ? name : bucketLogicalId(name);
    if (!context.builder.hasNode(id)) {
      context.builder.addNode({
        id,
        kind: 'bucket',
        label: parseArnText(name)?.name ?? name,
        span: bucketView.span,
        defined: !existing,
        resourceType: existing ? undefined : 'AWS::S3::Bucket',
      });
    }
  }
  addTrigger(input, id, { source: 's3', invocation: 'async', filtered: filtered(input, 'rules') });
}

export function readSnsEvent(input: EventInput): void {
  const { functionKey } = input;
  const settings = isMap(input.value.node);
  const arnView = settings ? setting(input, 'arn') : undefined;
  const nameView = settings ? setting(input, 'topicName') : input.value;
  const what = { what: `The topic that triggers ${functionKey}`, node: functionKey };
  const id = arnView ? arnTopic(input, arnView, what) : nameView ? namedTopic(input, nameView, what) : undefined;
  if (!id) return;
  const redrive = settings ? setting(input, 'redrivePolicy') : undefined;
  if (redrive) readSnsRedrive(input, id, redrive);
  addTrigger(input, id, { source: 'sns', invocation: 'async', filtered: filtered(input, 'filterPolicy') });
}

function arnTopic(input: EventInput, arnView: View, what: { what: string; node: string }): string | undefined {
  const target = input.context.target(arnView, what);
  return target && input.context.ensureNode(target, 'topic', arnView.span);
}

/** A topic given by name or ARN string: a resource of this file with that name, an ARN, or one the framework creates. */
function namedTopic(input: EventInput, nameView: View, what: { what: string; node: string }): string | undefined {
  const { context } = input;
  const target = context.target(nameView, what);
  if (target && target.id !== undefined && !target.external) return target.id;
  const name = nameView.text ?? target?.raw ?? '';
  if (!name) return undefined;
  if (parseArnText(name)) return context.ensureNode({ id: name }, 'topic', nameView.span, labelOf(name));
  const id = topicLogicalId(name);
  if (!context.builder.hasNode(id)) {
    context.builder.addNode({ id, kind: 'topic', label: name, span: nameView.span, defined: true, resourceType: 'AWS::SNS::Topic' });
  }
  return id;
}

/** The subscription's DLQ: messages SNS could not deliver to the function land there (a `dlq` edge topic -> queue). */
function readSnsRedrive(input: EventInput, topicId: string, redrive: View): void {
  const { context } = input;
  const arn = context.resolver.get(redrive, 'deadLetterTargetArn');
  const ref = textOf(context.resolver.get(redrive, 'deadLetterTargetRef'));
  const imported = context.resolver.getIn(redrive, ['deadLetterTargetImport', 'arn']);
  if (ref) {
    context.ensureNode({ id: ref }, 'queue', redrive.span);
    context.builder.addEdge({ from: topicId, to: ref, kind: 'dlq', span: redrive.span });
  } else destinationRef(context, arn ?? imported, topicId, 'dlq', true);
}
