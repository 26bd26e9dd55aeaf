// Per-function estimates (CONTRACT.md section 4): load, cost and concurrency, as shown in hints, JSON and the graph.
import type { Architecture, LoadSource, Span } from './model';

export interface LoadEstimate {
  ratePerSecond: number | null;
  durationMs: number | null;
  /** True when both came from the file's annotations (not from settings defaults). */
  declared: boolean;
  /** `measured` when the annotation says its values were imported from measurements (absent: typed in). */
  source?: LoadSource;
  /** When they were measured (the annotation's `measuredAt`). */
  measuredAt?: string;
}

export interface CostEstimate {
  perInvocationUsd: number;
  perDayUsd: number;
  perMonthUsd: number;
  /** The breakdown shown in hovers. */
  breakdown: {
    region: string;
    architecture: Architecture;
    gbSecondsPerInvocation: number;
    durationPricePerGbSecond: number;
    requestPrice: number;
    durationUsdPerInvocation: number;
    requestUsdPerInvocation: number;
    ephemeralUsdPerInvocation: number;
    /** Which price tier applies at this monthly volume, in words. */
    tier: string;
    /** Date the price table was read. */
    pricesAsOf: string;
    freeTierSubtracted: boolean;
    /** Region whose price table was used (us-east-1 when the asked region is not in the table). */
    pricedAsRegion?: string;
    /** This function's GB-seconds a month at the expected load (decides the tier). */
    monthlyGbSeconds?: number;
    /** Caveats shown with the figure (fallback prices, free tier, INIT billing). */
    notes?: string[];
  };
}

/** What sets the cap, as data: rules and fixes branch on this, never on the wording of `capReason`. */
export type CapKind = 'shards' | 'maximum-concurrency' | 'sqs-pollers' | 'reserved' | 'account';

export interface ConcurrencyEstimate {
  /** rate x duration (Little's law); null when the load is unknown. */
  expected: number | null;
  cap: number;
  /** Why that is the cap, in words: "4 shards x parallelization factor 1". */
  capReason: string;
  capKind: CapKind;
  /** Where the binding limit is written (reservedConcurrency, maximumConcurrency, the stream's shards), if in the file. */
  capSpan?: Span;
  /** Limits that could not be known (on-demand Kinesis, undeclared shards) and how to declare them. */
  unknowns?: string[];
}

export interface FunctionReport {
  id: string;
  name: string;
  memoryMb: number;
  timeoutS: number;
  architecture: Architecture;
  load: LoadEstimate;
  cost: CostEstimate | null;
  concurrency: ConcurrencyEstimate;
  span: Span;
}
