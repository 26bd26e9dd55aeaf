import * as assert from 'node:assert/strict';
import { estimateCost, tieredCost } from '../../../src/core/cost/estimate';
import { pricesFor, PRICES_AS_OF } from '../../../src/core/cost/prices';
import { formatNumber, formatUsd, roundUsd } from '../../../src/core/cost/round';

const sessionize = {
  memoryMb: 2432,
  ephemeralStorageMb: 512,
  architecture: 'x86_64' as const,
  region: 'us-east-1',
  ratePerSecond: 50 / 60,
  durationMs: 180_000,
};

describe('cost engine', () => {
  it('prices 2432 MB for 180 s at 50/min on x86 in us-east-1 at $0.0071252 a call and about $513.02 a day', () => {
    const cost = estimateCost(sessionize);
    assert.equal(cost.perInvocationUsd, 0.0071252);
    assert.equal(cost.perDayUsd, 513.02);
    assert.equal(cost.perMonthUsd, 15604.22);
    assert.equal(cost.breakdown.durationUsdPerInvocation, 0.007125);
    assert.equal(cost.breakdown.requestUsdPerInvocation, 0.0000002);
    assert.equal(cost.breakdown.gbSecondsPerInvocation, 427.5);
    assert.match(cost.breakdown.tier, /^first tier/);
    assert.equal(cost.breakdown.pricesAsOf, PRICES_AS_OF);
  });

  it('charges arm64 at its own lower price', () => {
    const cost = estimateCost({ ...sessionize, architecture: 'arm64' });
    // 427.5 GB-s x $0.0000133334 + $0.0000002
    assert.equal(cost.perInvocationUsd, roundUsd(427.5 * 0.0000133334 + 0.0000002));
    assert.ok(cost.perDayUsd < 513.02 * 0.81);
  });

  it('adds ephemeral storage above the free 512 MB', () => {
    const plain = estimateCost({ ...sessionize, durationMs: 1000, memoryMb: 1024 });
    const withDisk = estimateCost({ ...sessionize, durationMs: 1000, memoryMb: 1024, ephemeralStorageMb: 10240 });
    // (10240 - 512) / 1024 GB x 1 s x $0.0000000309
    assert.equal(withDisk.breakdown.ephemeralUsdPerInvocation, roundUsd(9.5 * 0.0000000309));
    assert.ok(withDisk.perInvocationUsd > plain.perInvocationUsd);
  });

  it('moves volume above 6B GB-s a month into the cheaper second tier', () => {
    const first = 6e9 * 0.0000166667;
    assert.equal(tieredCost(6e9, pricesFor('us-east-1').prices.duration.x86_64), first);
    assert.equal(tieredCost(7e9, pricesFor('us-east-1').prices.duration.x86_64), first + 1e9 * 0.000015);
    // 10 GB for 900 s at 1000/s is ~17B GB-s a month: all three tiers.
    const huge = estimateCost({ ...sessionize, memoryMb: 10240, durationMs: 900_000, ratePerSecond: 1000 });
    assert.match(huge.breakdown.tier, /all three tiers/);
    assert.ok(huge.breakdown.durationPricePerGbSecond < 0.0000166667);
  });

  it('subtracts the free tier only when asked', () => {
    // 1 call a minute of 1 s at 128 MB: 43,800 calls and 5,475 GB-s a month, inside the free tier.
    const small = { ...sessionize, memoryMb: 128, durationMs: 1000, ratePerSecond: 1 / 60 };
    assert.ok(estimateCost(small).perMonthUsd > 0);
    const free = estimateCost({ ...small, subtractFreeTier: true });
    assert.equal(free.perMonthUsd, 0);
    assert.equal(free.breakdown.freeTierSubtracted, true);
  });

  it('uses us-east-1 prices for a region it has no table for, and says so', () => {
    const cost = estimateCost({ ...sessionize, region: 'ap-east-1' });
    assert.equal(cost.perInvocationUsd, 0.0071252);
    assert.equal(cost.breakdown.pricedAsRegion, 'us-east-1');
    assert.ok(cost.breakdown.notes?.some((n) => n.includes('ap-east-1')));
    assert.equal(estimateCost({ ...sessionize, region: 'eu-west-1' }).breakdown.pricedAsRegion, 'eu-west-1');
  });

  it('lets settings override the duration and request prices', () => {
    const cost = estimateCost({ ...sessionize, prices: { durationPerGbSecond: { x86_64: 0.00002 }, perRequest: 0.000001 } });
    assert.equal(cost.perInvocationUsd, roundUsd(427.5 * 0.00002 + 0.000001));
  });

  it('formats money with at least 4 significant digits', () => {
    assert.equal(formatUsd(513.0154), '$513.02');
    assert.equal(formatUsd(0.00712521), '$0.0071252');
    assert.equal(formatUsd(15604.219), '$15,604.22');
  });
});

describe('number formatting', () => {
  it('groups thousands and never prints an exponent', () => {
    assert.equal(formatNumber(1000), '1,000');
    assert.equal(formatNumber(1234567), '1,235,000');
    assert.equal(formatNumber(0.83333), '0.8333');
    assert.equal(formatUsd(0.0000002), '$0.0000002');
    assert.equal(formatUsd(1234567.891), '$1,234,567.89');
  });
});
