// Text summary of `check --workspace`: what joined across files, and each connected pipeline's totals.
import type { JoinedWorkspace } from '../../core/workspace';
import { formatNumber, formatUsd } from '../../core/cost/round';

export function formatPipelines(joined: JoinedWorkspace): string {
  const lines: string[] = [];
  for (const j of joined.joins) lines.push(`joined ${j.from.file}: ${j.raw} -> ${j.to.file} ${j.to.id} (${j.via})`);
  for (const a of joined.ambiguities) lines.push(`not joined (ambiguous) ${a.file}: ${a.raw} -> ${a.candidates.map((c) => `${c.file} ${c.id}`).join(' | ')}`);
  joined.pipelines.forEach((p, i) => {
    const unknown = p.functionsWithoutLoad ? ` (+${p.functionsWithoutLoad} function(s) with unknown load)` : '';
    const busiest = p.busiest
      ? `; busiest: ${p.busiest.file} ${p.busiest.id} at ${formatNumber(p.busiest.expected)} of ${formatNumber(p.busiest.cap)} concurrent (${p.busiest.capReason})`
      : '';
    const cost = p.functionsWithoutLoad === p.functions ? 'cost unknown (no load declared)' : `${formatUsd(p.costPerDayUsd)}/day${unknown}`;
    lines.push(`pipeline ${i + 1}: ${p.files.length} file(s), ${p.functions} function(s), ${cost}${busiest}`);
  });
  return lines.length ? lines.join('\n') + '\n' : '';
}
