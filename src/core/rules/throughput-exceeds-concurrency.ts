// throughput-exceeds-concurrency: the expected concurrency (rate x duration) is above the cap.
import type { Finding, RelatedLocation } from '../findings';
import { findNode } from './lookup';
import type { FunctionReport } from '../report';
import { describeDuration, describeRate } from '../cost/load';
import { formatNumber } from '../cost/round';
import { finding, type Rule } from './types';

function advice(report: FunctionReport): string {
  switch (report.concurrency.capKind) {
    case 'shards':
      return 'Raise parallelizationFactor (up to 10 per shard), add shards, or make each call shorter.';
    case 'maximum-concurrency':
      return 'Raise maximumConcurrency (up to 1,000), or make each call shorter.';
    case 'sqs-pollers':
      return 'Split the queue across several mappings or make each call shorter: one SQS mapping scales to about 1,000.';
    case 'reserved':
      return 'Raise reservedConcurrency, or make each call shorter.';
    case 'account':
      return 'Ask AWS to raise the account concurrency quota, or make each call shorter.';
  }
}

export const throughputExceedsConcurrency: Rule = (model, _settings, reports) => {
  const out: Finding[] = [];
  for (const report of reports) {
    const { expected, cap, capReason, capSpan } = report.concurrency;
    const { ratePerSecond, durationMs } = report.load;
    if (expected === null || ratePerSecond === null || durationMs === null || expected <= cap) continue;
    const related: RelatedLocation[] = capSpan ? [{ span: capSpan, message: `cap: ${capReason}` }] : [];
    const node = findNode(model, report.id);
    const label = node?.label ?? report.id;
    const annotation = node?.fn?.annotation;
    if (annotation?.rate) related.push({ span: annotation.rate.span, message: `expected rate ${describeRate(ratePerSecond)}` });
    out.push(
      finding('throughput-exceeds-concurrency', {
        node: report.id,
        span: report.span,
        related,
        message:
          `'${label}' needs about ${formatNumber(expected)} concurrent executions (${describeRate(ratePerSecond)} x ` +
          `${describeDuration(durationMs)}, Little's law) but can run at most ${formatNumber(cap)} (${capReason}): work ` +
          `piles up behind the cap, so latency and backlog grow without end. ${advice(report)}`,
      }),
    );
  }
  return out;
};
