// Pipeline totals in words, the same in the CLI's text output and the workspace graph's side panel.
import { formatNumber, formatUsd } from '../cost/round';
import type { PipelineTotal } from './totals';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "$12.34/day (+1 function(s) with unknown load)", or why there is no figure. */
export function pipelineCostText(p: PipelineTotal): string {
  if (p.functionsWithoutLoad === p.functions) return 'cost unknown (no load declared)';
  const unknown = p.functionsWithoutLoad ? ` (+${p.functionsWithoutLoad} function(s) with unknown load)` : '';
  return `${formatUsd(p.costPerDayUsd)}/day${unknown}`;
}

/** "process/serverless.yml sessionize at 8.333 of 4 concurrent (4 shards)". */
export function busiestText(busiest: NonNullable<PipelineTotal['busiest']>): string {
  return `${busiest.file} ${busiest.id} at ${formatNumber(busiest.expected)} of ${formatNumber(busiest.cap)} concurrent (${busiest.capReason})`;
}

/** "2 files, 3 functions". */
export function pipelineSizeText(p: PipelineTotal): string {
  return `${plural(p.files.length, 'file')}, ${plural(p.functions, 'function')}`;
}

/** "ingest/serverless.yml enrich at 2 concurrent (2 shards x parallelization factor 1)". */
export function lowestCapText(lowest: NonNullable<PipelineTotal['lowestCap']>): string {
  return `${lowest.file} ${lowest.id} at ${formatNumber(lowest.cap)} concurrent (${lowest.capReason})`;
}

/** The lowest cap is worth saying when the load is unknown (no busiest stage) or it is another function. */
export function showsLowestCap(p: PipelineTotal): p is PipelineTotal & { lowestCap: NonNullable<PipelineTotal['lowestCap']> } {
  return p.lowestCap !== undefined && (!p.busiest || p.busiest.file !== p.lowestCap.file || p.busiest.id !== p.lowestCap.id);
}
