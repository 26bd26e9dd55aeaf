// The status bar text for the active pipeline file: total cost/day and finding counts (pure).
import type { AnalysisFacts as Analysis } from '../worker/protocol';
import { usd } from './numbers';

export interface StatusText {
  text: string;
  tooltip: string;
}

export function statusText(analysis: Analysis): StatusText {
  const known = analysis.functions.filter((f) => f.cost);
  const perDay = known.reduce((sum, f) => sum + (f.cost?.perDayUsd ?? 0), 0);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of analysis.findings) counts[f.severity]++;
  const cost = analysis.functions.length === 0 ? 'no functions' : known.length === 0 ? 'cost unknown' : `${usd(perDay)}/day`;
  const text = `$(type-hierarchy) ${cost} $(error) ${counts.error} $(warning) ${counts.warning}`;
  const partial = known.length < analysis.functions.length ? ` (${known.length} of ${analysis.functions.length} functions have a known load)` : '';
  const tooltip = `Pipeline Lens: ${cost}${partial}; ${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos. Click for the problems or the graph.`;
  return { text, tooltip };
}
