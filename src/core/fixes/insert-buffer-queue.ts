// insert-buffer-queue (async-without-buffer, the flagship fix): an SQS queue with a DLQ between an asynchronous
// source and its function, so failed events wait in a queue (then a DLQ) instead of being dropped after 2 retries.
// S3 and SNS sources in serverless.yml and SAM templates; EventBridge and plain CloudFormation are not offered
// (their rewiring needs IAM and mapping resources that a text edit cannot check).
import type { FixDefinition } from './context';
import { findingEdge, findingNode } from './context';
import { samS3Buffer } from './buffer/samS3';
import { serverlessS3Buffer, serverlessS3Declined } from './buffer/serverlessS3';
import { snsBuffer, snsDeclined } from './buffer/sns';

function build(ctx: Parameters<FixDefinition['edits']>[0]) {
  const edge = findingEdge(ctx);
  if (edge?.trigger?.source === 'sns') return snsBuffer(ctx);
  if (edge?.trigger?.source !== 's3') return undefined;
  if (ctx.analysis.format === 'serverless') return serverlessS3Buffer(ctx);
  if (ctx.analysis.format === 'sam') return samS3Buffer(ctx);
  return undefined;
}

export const insertBufferQueue: FixDefinition = {
  id: 'insert-buffer-queue',
  rules: ['async-without-buffer'],
  preferred: true,
  title(ctx) {
    if (!build(ctx)) return undefined;
    const fn = findingNode(ctx);
    return `Insert an SQS buffer queue (with DLQ) between ${findingEdge(ctx)?.from} and ${fn?.label ?? 'the function'}`;
  },
  edits: build,
  declined(ctx) {
    const source = findingEdge(ctx)?.trigger?.source;
    const reason = source === 'sns' ? snsDeclined(ctx) : source === 's3' && ctx.serverless ? serverlessS3Declined(ctx) : undefined;
    return reason ? { title: 'Insert an SQS buffer queue (with DLQ)', reason } : undefined;
  },
};
