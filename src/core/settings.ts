// Analysis settings: the `pipelineLens.*` configuration as the core sees it (plain data, no editor types).
import type { Architecture } from './model';
import type { RuleId, Severity } from './findings';

export type SeveritySetting = Severity | 'off';

export interface PriceOverrides {
  /** USD per GB-second, first tier, by architecture. */
  durationPerGbSecond?: Partial<Record<Architecture, number>>;
  /** USD per request. */
  perRequest?: number;
}

export interface Settings {
  /** Region when the file does not say (provider.region / annotation). */
  region: string;
  architecture: Architecture;
  defaults: {
    /** Invocations per second assumed when a function declares none; undefined = unknown. */
    ratePerSecond?: number;
    /** Average billed duration assumed when none is declared; undefined = unknown. */
    durationMs?: number;
  };
  prices: PriceOverrides;
  subtractFreeTier: boolean;
  /** Always-on reference cluster for cost-above-cluster. */
  clusterReference: { label: string; usdPerHour: number };
  /** SQS visibility timeout should be at least this many times the function timeout. */
  visibilityTimeoutMultiplier: number;
  accountConcurrencyLimit: number;
  severities: Partial<Record<RuleId, SeveritySetting>>;
}

export const DEFAULT_SETTINGS: Settings = {
  region: 'us-east-1',
  architecture: 'x86_64',
  defaults: {},
  prices: {},
  subtractFreeTier: false,
  clusterReference: { label: '3 x m5.xlarge on-demand', usdPerHour: 3 * 0.192 },
  visibilityTimeoutMultiplier: 6,
  accountConcurrencyLimit: 1000,
  severities: {},
};

/** Merge partial settings (from VS Code configuration or CLI flags) over the defaults. */
export function resolveSettings(partial: DeepPartial<Settings> = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...(partial as Partial<Settings>),
    defaults: { ...DEFAULT_SETTINGS.defaults, ...(partial.defaults ?? {}) },
    prices: { ...DEFAULT_SETTINGS.prices, ...(partial.prices as PriceOverrides | undefined) },
    clusterReference: { ...DEFAULT_SETTINGS.clusterReference, ...(partial.clusterReference ?? {}) },
    severities: { ...DEFAULT_SETTINGS.severities, ...(partial.severities as Settings['severities'] | undefined) },
  };
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
