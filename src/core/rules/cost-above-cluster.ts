// cost-above-cluster: a function's expected daily cost exceeds an always-on reference cluster's.
import type { Finding } from '../findings';
import { formatUsd } from '../cost/round';
import { describeDuration, describeRate } from '../cost/load';
import { findNode } from './lookup';
import { finding, type Rule } from './types';

export const costAboveCluster: Rule = (model, settings, reports) => {
  const out: Finding[] = [];
  const reference = settings.clusterReference;
  const clusterPerDay = reference.usdPerHour * 24;
  for (const report of reports) {
    const cost = report.cost;
    if (!cost || cost.perDayUsd <= clusterPerDay) continue;
    const { ratePerSecond, durationMs } = report.load;
    const label = findNode(model, report.id)?.label ?? report.id;
    const load = ratePerSecond !== null && durationMs !== null ? ` at ${describeRate(ratePerSecond)} x ${describeDuration(durationMs)}` : '';
    out.push(
      finding('cost-above-cluster', {
        node: report.id,
        span: report.span,
        message:
          `'${label}' is expected to cost about ${formatUsd(cost.perDayUsd)} a day (${formatUsd(cost.perInvocationUsd)} a call${load}, ` +
          `${report.memoryMb} MB ${report.architecture} in ${cost.breakdown.region}), more than the always-on reference ` +
          `cluster ${reference.label} at ${formatUsd(reference.usdPerHour)}/h = ${formatUsd(clusterPerDay)} a day. ` +
          `Lambda bills every GB-second; for steady heavy load a container or instance cluster costs less. Cut memory ` +
          `or duration, move to arm64 (about 20% cheaper), or run this step on a cluster.`,
      }),
    );
  }
  return out;
};
