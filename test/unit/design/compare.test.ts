import * as assert from 'node:assert/strict';
import { breakEvenRate, compareSeries, logRange, SERIES_POINTS } from '../../../src/core/design/compare';
import { analyze } from '../../../src/core/analyze';
import { costPerDayUsd, estimateCost, type CostInput } from '../../../src/core/cost/estimate';
import { roundUsd } from '../../../src/core/cost/round';
import { example } from './examples';

describe('compare series', () => {
  it('draws one function on both architectures against the cluster, with break-even and today', () => {
    const series = compareSeries(example('clickstream/serverless.yml'), { functions: {} }, 'sessionize');
    assert.equal(series.cluster.perDayUsd, 13.824); // 3 x m5.xlarge at $0.192/h
    assert.equal(series.lines.x86_64.length, SERIES_POINTS);
    assert.deepEqual(series.today, { ratePerSecond: 0.833333, perDayUsd: 513.02, architecture: 'x86_64' });
    // $513.02 a day at 50/minute is $615.6 per (call/s) a day: the cluster's $13.824 buys 0.02246 calls/s.
    assert.equal(series.breakEven.x86_64, 0.02246);
    assert.ok(series.breakEven.arm64! > series.breakEven.x86_64!, 'arm64 is cheaper, so it breaks even later');
    for (let i = 0; i < SERIES_POINTS; i++) {
      const [x86, arm] = [series.lines.x86_64[i], series.lines.arm64[i]];
      assert.equal(x86.ratePerSecond, arm.ratePerSecond);
      assert.ok(arm.perDayUsd <= x86.perDayUsd);
      if (i > 0) assert.ok(x86.ratePerSecond > series.lines.x86_64[i - 1].ratePerSecond && x86.perDayUsd >= series.lines.x86_64[i - 1].perDayUsd);
    }
    const first = series.lines.x86_64[0].ratePerSecond;
    const last = series.lines.x86_64[SERIES_POINTS - 1].ratePerSecond;
    assert.ok(first <= 0.02246 / 10 && last >= 0.8333 * 10, `range ${first}..${last} holds both marks with a decade around`);
  });

  it('follows the overrides: today moves with the tried rate and architecture', () => {
    const series = compareSeries(example('clickstream/serverless.yml'), { functions: { sessionize: { ratePerSecond: 0.01, architecture: 'arm64' } } }, 'sessionize');
    assert.equal(series.today?.architecture, 'arm64');
    assert.equal(series.today?.ratePerSecond, 0.01);
    assert.ok(series.today!.perDayUsd < series.cluster.perDayUsd);
  });

  it('sums the pipeline at today\'s mix of rates', () => {
    const analysis = example('clickstream/serverless.yml');
    const series = compareSeries(analysis, { functions: {} }, null);
    assert.equal(series.today?.ratePerSecond, 11.6667); // 10/s + 50/min + 50/min
    assert.equal(series.today?.perDayUsd, 514.31); // the three functions' cost/day
    assert.deepEqual(series.excluded, []);
  });

  it('says why when no duration is known, and leaves today out when the rate is unknown', () => {
    const text = 'pipeline:\n  sources:\n    q: { type: sqs }\n  stages:\n    work:\n      from: q\n';
    const none = compareSeries(analyze(text), { functions: {} }, 'work');
    assert.match(none.unknown ?? '', /duration is unknown/);
    assert.equal(none.lines.x86_64.length, 0);
    const durationOnly = compareSeries(analyze(`${text}      duration: 1s\n`), { functions: {} }, 'work');
    assert.equal(durationOnly.unknown, undefined);
    assert.equal(durationOnly.today, null);
    assert.equal(durationOnly.lines.arm64.length, SERIES_POINTS);
  });

  it('prices each point with the formula of every other figure (tiers and free tier included)', () => {
    const inputs: CostInput[] = [
      { memoryMb: 2432, ephemeralStorageMb: 512, architecture: 'x86_64', region: 'eu-west-1', ratePerSecond: 50 / 60, durationMs: 180_000 },
      { memoryMb: 10240, ephemeralStorageMb: 4096, architecture: 'arm64', region: 'us-east-1', ratePerSecond: 5000, durationMs: 900_000 },
      { memoryMb: 128, ephemeralStorageMb: 512, architecture: 'x86_64', region: 'af-south-1', ratePerSecond: 0.5, durationMs: 3, subtractFreeTier: true },
    ];
    for (const input of inputs) assert.equal(roundUsd(costPerDayUsd(input)), estimateCost(input).perDayUsd, JSON.stringify(input));
  });

  it('finds where a rising cost meets the limit, or null when it never does', () => {
    assert.equal(breakEvenRate((r) => 2 * r, 10), 5);
    assert.equal(breakEvenRate(() => 1, 10), null);
    assert.deepEqual(logRange([]).slice(0, 1), [0.01]);
    assert.equal(logRange([5]).at(-1), 100);
  });
});
