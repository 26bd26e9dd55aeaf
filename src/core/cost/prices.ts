// AWS Lambda list prices: the one data module cost estimates read (RULES.md gives the sources).
// A price change is a one-line edit here; Settings.prices overrides the first-tier duration and request prices.
import type { Architecture } from '../model';
import type { PriceOverrides } from '../settings';

/** The day these numbers were read from RULES.md (AWS Lambda pricing pages, tiered-pricing announcement). */
export const PRICES_AS_OF = '2026-11-25';

/** A month of Lambda billing, as AWS prices it. */
export const HOURS_PER_MONTH = 730;

/** One band of monthly GB-seconds (per account, per architecture, per region) and its price. */
export interface DurationTier {
  /** Monthly GB-seconds this band covers; Infinity for the last. */
  gbSeconds: number;
  usdPerGbSecond: number;
}

export interface RegionPrices {
  duration: Record<Architecture, DurationTier[]>;
  usdPerRequest: number;
  /** Ephemeral storage above the free 512 MB, per GB-second. */
  ephemeralUsdPerGbSecond: number;
}

export const FREE_EPHEMERAL_MB = 512;

/** Per account and month; subtracted only when Settings.subtractFreeTier is on. */
export const FREE_TIER = { requests: 1_000_000, gbSeconds: 400_000 };

const STANDARD: RegionPrices = {
  duration: {
    x86_64: [
      { gbSeconds: 6e9, usdPerGbSecond: 0.0000166667 },
      { gbSeconds: 9e9, usdPerGbSecond: 0.000015 },
      { gbSeconds: Infinity, usdPerGbSecond: 0.0000133334 },
    ],
    arm64: [
      { gbSeconds: 7.5e9, usdPerGbSecond: 0.0000133334 },
      { gbSeconds: 11.25e9, usdPerGbSecond: 0.0000120001 },
      { gbSeconds: Infinity, usdPerGbSecond: 0.0000106667 },
    ],
  },
  usdPerRequest: 0.0000002,
  ephemeralUsdPerGbSecond: 0.0000000309,
};

/**
 * Regions known to charge the us-east-1 list prices. Regions not listed (e.g. af-south-1, ap-east-1, me-south-1,
 * GovCloud) charge more; their numbers are not in our sources yet, so estimates there fall back to us-east-1 and
 * say so.
 */
const STANDARD_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1',
  'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-south-1', 'sa-east-1',
];

export const REGION_PRICES: Record<string, RegionPrices> = Object.fromEntries(STANDARD_REGIONS.map((r) => [r, STANDARD]));

export const FALLBACK_REGION = 'us-east-1';

export interface ResolvedPrices {
  prices: RegionPrices;
  /** The region whose table is used (the asked one, or the fallback). */
  pricedAs: string;
  known: boolean;
}

/** The price table for a region, with settings overrides applied (first duration tier and request price). */
export function pricesFor(region: string, overrides: PriceOverrides = {}): ResolvedPrices {
  const known = region in REGION_PRICES;
  const pricedAs = known ? region : FALLBACK_REGION;
  const base = REGION_PRICES[pricedAs];
  const duration = { ...base.duration };
  for (const arch of ['x86_64', 'arm64'] as const) {
    const override = overrides.durationPerGbSecond?.[arch];
    if (override !== undefined) {
      duration[arch] = [{ ...duration[arch][0], usdPerGbSecond: override }, ...duration[arch].slice(1)];
    }
  }
  return {
    prices: { ...base, duration, usdPerRequest: overrides.perRequest ?? base.usdPerRequest },
    pricedAs,
    known,
  };
}
