// downstream-unprotected: a function that scales out with its source writes to a capacity-limited store unguarded.
import type { Finding } from '../findings';
import type { PipelineNode } from '../model';
import { functionNodes } from '../model';
import { findNode } from './lookup';
import { triggerEdges } from '../concurrency/limits';
import { formatNumber } from '../cost/round';
import { finding, type Rule } from './types';
import { reachedNodes, type Reach } from './reach';

/** Sources whose invocations scale out to the account limit (or 1,000 SQS pollers) without a cap of their own. */
const SCALE_OUT_SOURCES = new Set(['s3', 'sqs', 'sns', 'api', 'alb']);

function capacityLimited(node: PipelineNode): string | undefined {
  if (node.kind === 'table' && node.table?.billingMode === 'PROVISIONED') return `DynamoDB table ${node.label} (provisioned capacity)`;
  if (/^AWS::(RDS|DocDB|Redshift)::/.test(node.resourceType ?? '')) return `database ${node.label} (${node.resourceType}, limited connections)`;
  if (/^AWS::(OpenSearchService|Elasticsearch)::Domain$/.test(node.resourceType ?? '')) return `search domain ${node.label} (fixed instance capacity)`;
  if (node.kind === 'api') return `API ${node.label}`;
  return undefined;
}

function how(reach: Reach): string {
  if (reach.via === 'iam') return 'as its IAM statements allow';
  if (reach.via === 'environment') return 'named in its environment';
  return reach.via === 'destination' ? 'as its destination' : 'as declared';
}

export const downstreamUnprotected: Rule = (model, settings) => {
  const out: Finding[] = [];
  for (const node of functionNodes(model)) {
    if (!node.fn || node.fn.reservedConcurrency) continue;
    const triggers = triggerEdges(model, node.id).filter((e) => e.trigger && SCALE_OUT_SOURCES.has(e.trigger.source));
    // SQS mappings with maximumConcurrency are already held back.
    const open = triggers.filter((e) => !(e.trigger?.source === 'sqs' && e.trigger.maximumConcurrency));
    if (open.length === 0) continue;
    const reach = reachedNodes(model, node).find((r) => r.writes && capacityLimited(r.target));
    if (!reach) continue;
    const target = capacityLimited(reach.target)!;
    const sources = [...new Set(open.map((e) => findNode(model, e.from)?.label ?? e.from))].join(', ');
    out.push(
      finding('downstream-unprotected', {
        node: node.id,
        span: node.span,
        related: [{ span: reach.span, message: `'${node.label}' writes to ${reach.target.label} here` }],
        message:
          `'${node.label}' can write to ${target} ${how(reach)}, and scales out with ${sources}, with no reservedConcurrency or ` +
          `maximumConcurrency: a burst can run up to ${formatNumber(settings.accountConcurrencyLimit)} copies at once ` +
          `(the account limit; Lambda adds 1,000 environments every 10 s), throttling or exhausting ${reach.target.label}. ` +
          `Set reservedConcurrency on '${node.label}' (or maximumConcurrency on an SQS mapping) to what ${reach.target.label} can take.`,
      }),
    );
  }
  return out;
};
