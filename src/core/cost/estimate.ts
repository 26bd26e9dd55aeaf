// Cost of one function under its expected load: per invocation, per day and per month (730 h), by region,
// architecture and tier of the monthly GB-second volume; optionally less the free tier.
import type { Architecture } from '../model';
import type { CostEstimate } from '../report';
import type { PriceOverrides } from '../settings';
import { FREE_EPHEMERAL_MB, FREE_TIER, HOURS_PER_MONTH, PRICES_AS_OF, pricesFor, type DurationTier, type RegionPrices } from './prices';
import { formatNumber, roundSignificant, roundUsd } from './round';

export interface CostInput {
  memoryMb: number;
  ephemeralStorageMb: number;
  architecture: Architecture;
  region: string;
  ratePerSecond: number;
  durationMs: number;
  prices?: PriceOverrides;
  subtractFreeTier?: boolean;
}

interface MonthlyBill {
  gbSecondsPerInvocation: number;
  invocationsPerMonth: number;
  monthlyGbSeconds: number;
  billedGbSeconds: number;
  durationPerMonth: number;
  requestsPerMonth: number;
  ephemeralPerInvocation: number;
  ephemeralPerMonth: number;
}

/** The month's bill in parts: the one formula behind estimateCost and costPerDayUsd. */
function monthlyBill(input: CostInput, prices: RegionPrices): MonthlyBill {
  const seconds = input.durationMs / 1000;
  const gbSecondsPerInvocation = (input.memoryMb / 1024) * seconds;
  const invocationsPerMonth = input.ratePerSecond * 3600 * HOURS_PER_MONTH;
  const freeTier = input.subtractFreeTier === true;
  const monthlyGbSeconds = gbSecondsPerInvocation * invocationsPerMonth;
  const billedGbSeconds = Math.max(0, monthlyGbSeconds - (freeTier ? FREE_TIER.gbSeconds : 0));
  const durationPerMonth = tieredCost(billedGbSeconds, prices.duration[input.architecture]);
  const billedRequests = Math.max(0, invocationsPerMonth - (freeTier ? FREE_TIER.requests : 0));
  const requestsPerMonth = billedRequests * prices.usdPerRequest;
  const ephemeralGb = Math.max(0, input.ephemeralStorageMb - FREE_EPHEMERAL_MB) / 1024;
  const ephemeralPerInvocation = ephemeralGb * seconds * prices.ephemeralUsdPerGbSecond;
  const ephemeralPerMonth = ephemeralPerInvocation * invocationsPerMonth;
  return { gbSecondsPerInvocation, invocationsPerMonth, monthlyGbSeconds, billedGbSeconds, durationPerMonth, requestsPerMonth, ephemeralPerInvocation, ephemeralPerMonth };
}

/** Cost per day of `input`, unrounded and without the breakdown: for series that ask it thousands of times. */
export function costPerDayUsd(input: CostInput): number {
  const bill = monthlyBill(input, pricesFor(input.region, input.prices).prices);
  return ((bill.durationPerMonth + bill.requestsPerMonth + bill.ephemeralPerMonth) * 24) / HOURS_PER_MONTH;
}

export function estimateCost(input: CostInput): CostEstimate {
  const { prices, pricedAs, known } = pricesFor(input.region, input.prices);
  const freeTier = input.subtractFreeTier === true;
  const tiers = prices.duration[input.architecture];
  const { gbSecondsPerInvocation, invocationsPerMonth, monthlyGbSeconds, billedGbSeconds, durationPerMonth, requestsPerMonth, ephemeralPerInvocation, ephemeralPerMonth } =
    monthlyBill(input, prices);

  const perMonth = durationPerMonth + requestsPerMonth + ephemeralPerMonth;
  // With no traffic the per-call figure is still useful: price one call at the first tier.
  const durationPrice = monthlyGbSeconds > 0 && billedGbSeconds > 0 ? durationPerMonth / billedGbSeconds : tiers[0].usdPerGbSecond;
  const perCall = (total: number, listPrice: number) => (invocationsPerMonth > 0 ? total / invocationsPerMonth : listPrice);
  const durationPerInvocation = perCall(durationPerMonth, gbSecondsPerInvocation * durationPrice);
  const requestPerInvocation = perCall(requestsPerMonth, prices.usdPerRequest);

  const notes: string[] = [];
  if (!known) notes.push(`No price table for ${input.region}; us-east-1 list prices used (some regions charge more).`);
  if (freeTier) notes.push('Free tier (1M requests, 400,000 GB-s a month) subtracted as if this were the only function in the account.');
  notes.push('INIT (cold start) time is billed since 1 Aug 2025 and is not included.');

  return {
    perInvocationUsd: roundUsd(durationPerInvocation + requestPerInvocation + ephemeralPerInvocation),
    perDayUsd: roundUsd((perMonth * 24) / HOURS_PER_MONTH),
    perMonthUsd: roundUsd(perMonth),
    breakdown: {
      region: input.region,
      architecture: input.architecture,
      gbSecondsPerInvocation: roundSignificant(gbSecondsPerInvocation, 6),
      durationPricePerGbSecond: roundSignificant(durationPrice, 6),
      requestPrice: prices.usdPerRequest,
      durationUsdPerInvocation: roundUsd(durationPerInvocation),
      requestUsdPerInvocation: roundUsd(requestPerInvocation),
      ephemeralUsdPerInvocation: roundUsd(ephemeralPerInvocation),
      tier: describeTier(monthlyGbSeconds, tiers, input.architecture),
      pricesAsOf: PRICES_AS_OF,
      freeTierSubtracted: freeTier,
      pricedAsRegion: pricedAs,
      monthlyGbSeconds: roundSignificant(monthlyGbSeconds, 6),
      notes,
    },
  };
}

/** Cost of a monthly volume across the bands: each band's GB-seconds at its own price. */
export function tieredCost(gbSeconds: number, tiers: DurationTier[]): number {
  let left = gbSeconds;
  let total = 0;
  for (const tier of tiers) {
    const inBand = Math.min(left, tier.gbSeconds);
    total += inBand * tier.usdPerGbSecond;
    left -= inBand;
    if (left <= 0) break;
  }
  return total;
}

function describeTier(monthlyGbSeconds: number, tiers: DurationTier[], architecture: Architecture): string {
  const first = tiers[0].gbSeconds;
  const second = first + tiers[1].gbSeconds;
  const volume = `${formatNumber(monthlyGbSeconds)} GB-s a month`;
  if (monthlyGbSeconds <= first) return `first tier (${architecture}, up to ${first / 1e9}B GB-s a month): ${volume}`;
  if (monthlyGbSeconds <= second) return `first ${first / 1e9}B GB-s at tier 1, the rest at tier 2: ${volume}`;
  return `spans all three tiers (above ${second / 1e9}B GB-s a month): ${volume}`;
}
