// The one entry point: text in, analysis out. The extension, the CLI, the graph and the tests all call this.
import type { Format, PipelineModel } from './model';
import type { DeclinedFix, Finding, FixOffer } from './findings';
import type { FunctionReport } from './report';
import { parseYaml, type ParsedYaml } from './parse/parseYaml';
import { detectFormat } from './parse/detectFormat';
import { readModel } from './read/index';
import { resolveSettings, type DeepPartial, type Settings } from './settings';
import { functionReports } from './cost/reports';
import { readProblemFindings, runRules } from './rules/index';
import { applySeverities } from './rules/severity';
import { applyIgnoreComments } from './rules/ignore';
import { declinedFixes, fixOffers } from './fixes/index';

export interface AnalyzeOptions {
  path?: string;
  settings?: DeepPartial<Settings>;
  /** Synchronous read of a workspace file for `${file()}` includes. */
  readFile?: (path: string) => string | undefined;
}

export interface Analysis {
  path?: string;
  /** null when the file is not a pipeline file we recognise. */
  format: Format | null;
  parsed: ParsedYaml;
  model: PipelineModel;
  findings: Finding[];
  functions: FunctionReport[];
  settings: Settings;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const settings = resolveSettings(options.settings);
  const parsed = parseYaml(text);
  const format = detectFormat(parsed.doc);
  const model: PipelineModel = format
    ? readModel(format, { parsed, path: options.path, readFile: options.readFile })
    : { format: 'pipeline', nodes: [], edges: [], problems: [] };
  const functions = format ? functionReports(model, settings) : [];
  const raw = [
    ...readProblemFindings([...parsed.problems, ...model.problems]),
    ...(format ? runRules(model, settings, functions) : []),
  ];
  const findings = applyIgnoreComments(applySeverities(raw, settings), text).sort(
    (a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule),
  );
  const analysis: Analysis = { path: options.path, format, parsed, model, findings, functions, settings };
  for (const finding of findings) offerFixesLazily(analysis, finding);
  return analysis;
}

/**
 * `finding.fixes` is computed on first read: most analyses (typing, `check` text output) never look at the fixes,
 * and offering them for every finding was a fifth of analyze()'s time. Enumerable, so JSON.stringify and
 * structuredClone still carry the offers.
 */
function offerFixesLazily(analysis: Analysis, finding: Finding): void {
  let offers: FixOffer[] | undefined;
  Object.defineProperty(finding, 'fixes', {
    enumerable: true,
    configurable: true,
    get: () => (offers ??= fixOffers(analysis, finding)),
    set: (value: FixOffer[]) => {
      offers = value;
    },
  });
  // Why a fix is not offered (data safety) is read by hovers only: computed on first read too. Not enumerable, so
  // findings without a declined fix compare and serialise as before; the worker copies it where it exists.
  let declined: DeclinedFix[] | undefined;
  Object.defineProperty(finding, 'declined', {
    enumerable: false,
    configurable: true,
    get: () => {
      declined ??= declinedFixes(analysis, finding);
      return declined.length > 0 ? declined : undefined;
    },
    set: (value: DeclinedFix[] | undefined) => {
      declined = value ?? [];
    },
  });
}
