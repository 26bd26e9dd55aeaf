// Each connected pipeline of the joined workspace in words, for the graph's side panel and the exported report.
import type { JoinedWorkspace } from '../../core/workspace';
import { busiestText, lowestCapText, pipelineCostText, pipelineSizeText, showsLowestCap } from '../../core/workspace/describeTotals';
import type { PipelineSummary } from '../../protocol';

/** Pipelines spanning several files first, then by cost per day (the unknown last). */
export function pipelineSummaries(joined: JoinedWorkspace): PipelineSummary[] {
  const known = (p: JoinedWorkspace['pipelines'][number]) => (p.functionsWithoutLoad === p.functions ? -1 : p.costPerDayUsd);
  return [...joined.pipelines]
    .sort((a, b) => Number(b.files.length > 1) - Number(a.files.length > 1) || known(b) - known(a))
    .map((p, i) => ({
      title: `Pipeline ${i + 1} · ${pipelineSizeText(p)}`,
      cost: pipelineCostText(p),
      busiest: p.busiest && { text: `Busiest: ${busiestText(p.busiest)}`, nodeId: `${p.busiest.file}#${p.busiest.id}` },
      lowestCap: showsLowestCap(p) ? { text: `Lowest cap: ${lowestCapText(p.lowestCap)}`, nodeId: `${p.lowestCap.file}#${p.lowestCap.id}` } : undefined,
    }));
}
