// The status bar text for the active pipeline file: total cost/day and finding counts (pure). When functions have no
// known load it says so and leads to declaring it: the click declares the first such function's load, the tooltip
// (Markdown) links to that and to the default-load settings.
import type { Analysis } from '../../core/analyze';
import { COMMANDS } from '../commandIds';
import { code } from './hoverText';
import { usd } from './numbers';
import { commandLink, declareLinks, missingWords, unknownLoad, type LoadPart } from './unknownLoad';

export interface StatusText {
  text: string;
  /** Markdown; its command links are limited to TRUSTED_COMMANDS. */
  tooltip: string;
  /** The function whose load the click declares, when some function's load is unknown. */
  declare?: { functionId: string; title: string };
}

const NAMES_SHOWN = 5;
const BOTH: LoadPart[] = ['rate', 'duration'];

export function statusText(analysis: Analysis, documentUri?: string): StatusText {
  const known = analysis.functions.filter((f) => f.cost);
  const unknown = analysis.functions.filter((f) => !f.cost);
  const perDay = known.reduce((sum, f) => sum + (f.cost?.perDayUsd ?? 0), 0);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of analysis.findings) counts[f.severity]++;
  const cost =
    analysis.functions.length === 0
      ? 'no functions'
      : known.length === 0
        ? 'cost: declare load'
        : `${usd(perDay)}/day${unknown.length > 0 ? ` + ${unknown.length} unknown` : ''}`;
  const text = `$(type-hierarchy) ${cost} $(error) ${counts.error} $(warning) ${counts.warning}`;
  const findings = `${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos`;
  if (unknown.length === 0) {
    const tooltip = `**Pipeline Lens:** ${cost}; ${findings}. Click for the problems or the graph.`;
    return { text, tooltip };
  }
  const missing = new Set<LoadPart>(unknown.flatMap((f) => unknownLoad(f, analysis)?.missing ?? BOTH));
  const names = unknown.slice(0, NAMES_SHOWN).map((f) => code(f.id)).join(', ') + (unknown.length > NAMES_SHOWN ? ', ...' : '');
  const first = unknown[0];
  const title = `Declare the load of ${first.id}`;
  const parts = missingWords(BOTH.filter((m) => missing.has(m)));
  const summary =
    known.length === 0
      ? `cost unknown: ${unknown.length === 1 ? 'the function declares' : `all ${unknown.length} functions declare`} no ${parts} (${names}).`
      : `${usd(perDay)}/day for the functions with a known load; ${unknown.length} of ${analysis.functions.length} declare${unknown.length === 1 ? 's' : ''} no ${parts} (${names}).`;
  const tooltip = [
    `**Pipeline Lens:** ${summary}`,
    '',
    declareLinks(documentUri, first.id, `Declare the load of ${code(first.id)}`),
    '',
    `${findings} · ${commandLink('Open Graph', COMMANDS.openGraph)}. Click: ${title.toLowerCase()}.`,
  ].join('\n');
  return { text, tooltip, declare: { functionId: first.id, title } };
}
