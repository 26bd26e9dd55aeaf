// A function whose load is unknown: which of rate and duration is missing, and the cost figures that need no load.
// One call bills at most memory x timeout, so its price has an upper bound even with nothing declared; with a
// duration it is exact, and with a rate but no duration a day has an upper bound too. Pure (no vscode).
import type { Analysis } from '../../core/analyze';
import { estimateCost } from '../../core/cost/estimate';
import { HOURS_PER_MONTH } from '../../core/cost/prices';
import type { FunctionReport } from '../../core/report';
import { COMMANDS } from '../commandIds';

export type LoadPart = 'rate' | 'duration';

export interface UnknownLoad {
  missing: LoadPart[];
  /** Price of one call: exact when the duration is known, else at most this (billed for the whole timeout). */
  perCallUsd: number;
  /** What a million calls cost at that price (first price tier, no free tier). */
  perMillionUsd: number;
  /** True when the figures are upper bounds (the duration is unknown, so the timeout is used). */
  upperBound: boolean;
  /** With a rate but no duration: the most a day can cost. */
  perDayUsd?: number;
}

/** Settings query that shows the two default-load settings (the settings editor's `@id:` filter). */
export const DEFAULT_LOAD_SETTINGS_QUERY = '@id:pipelineLens.defaults.rate,pipelineLens.defaults.duration';

/** Undefined when the function's cost is known. */
export function unknownLoad(report: FunctionReport, analysis: Analysis): UnknownLoad | undefined {
  if (report.cost) return undefined;
  const { ratePerSecond, durationMs } = report.load;
  const missing: LoadPart[] = [];
  if (ratePerSecond === null) missing.push('rate');
  if (durationMs === null) missing.push('duration');
  const node = analysis.model.nodes.find((n) => n.id === report.id);
  const price = (rate: number, subtractFreeTier: boolean) =>
    estimateCost({
      memoryMb: report.memoryMb,
      ephemeralStorageMb: node?.fn?.ephemeralStorageMb ?? 512,
      architecture: report.architecture,
      region: analysis.model.region ?? analysis.settings.region,
      ratePerSecond: rate,
      durationMs: durationMs ?? report.timeoutS * 1000,
      prices: analysis.settings.prices,
      subtractFreeTier,
    });
  const millionAMonth = price(1_000_000 / (3600 * HOURS_PER_MONTH), false);
  return {
    missing,
    perCallUsd: millionAMonth.perInvocationUsd,
    perMillionUsd: millionAMonth.perMonthUsd,
    upperBound: durationMs === null,
    perDayUsd: ratePerSecond !== null ? price(ratePerSecond, analysis.settings.subtractFreeTier === true).perDayUsd : undefined,
  };
}

/** "rate and duration", "rate", "duration". */
export function missingWords(missing: LoadPart[]): string {
  return missing.join(' and ');
}

/** A Markdown command link (hovers and tooltips trust only the commands in TRUSTED_COMMANDS). */
export function commandLink(title: string, command: string, args?: unknown[]): string {
  const query = args ? `?${encodeURIComponent(JSON.stringify(args))}` : '';
  return `[${title}](command:${command}${query})`;
}

/** The only commands our Markdown (hovers, the status tooltip) may run. */
export const TRUSTED_COMMANDS: readonly string[] = [COMMANDS.insertLoadAnnotation, COMMANDS.openLoadSettings, COMMANDS.openGraph];

/** "[Declare its load](...) · [Set a default load](...)": the two ways out of the unknown state. */
export function declareLinks(documentUri: string | undefined, functionId: string | undefined, declareTitle = 'Declare its load'): string {
  const declare = commandLink(declareTitle, COMMANDS.insertLoadAnnotation, documentUri ? [documentUri, ...(functionId ? [functionId] : [])] : undefined);
  return `${declare} · ${commandLink('Set a default load for all functions', COMMANDS.openLoadSettings)}`;
}
