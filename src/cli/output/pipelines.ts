// Text summary of `check --workspace`: what joined across files, and each connected pipeline's totals.
import type { JoinedWorkspace } from '../../core/workspace';
import { busiestText, lowestCapText, pipelineCostText, showsLowestCap } from '../../core/workspace/describeTotals';

export function formatPipelines(joined: JoinedWorkspace): string {
  const lines: string[] = [];
  for (const j of joined.joins) lines.push(`joined ${j.from.file}: ${j.raw} -> ${j.to.file} ${j.to.id} (${j.via})`);
  for (const a of joined.ambiguities) lines.push(`not joined (ambiguous) ${a.file}: ${a.raw} -> ${a.candidates.map((c) => `${c.file} ${c.id}`).join(' | ')}`);
  joined.pipelines.forEach((p, i) => {
    const busiest = p.busiest ? `; busiest: ${busiestText(p.busiest)}` : '';
    const lowest = showsLowestCap(p) ? `; lowest cap: ${lowestCapText(p.lowestCap)}` : '';
    lines.push(`pipeline ${i + 1}: ${p.files.length} file(s), ${p.functions} function(s), ${pipelineCostText(p)}${busiest}${lowest}`);
  });
  return lines.length ? lines.join('\n') + '\n' : '';
}
