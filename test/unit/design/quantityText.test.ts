import * as assert from 'node:assert/strict';
import { durationText, rateText } from '../../../src/core/design/quantityText';
import { parseDuration, parseRate } from '../../../src/core/read/quantities';

describe('load figures as annotation text', () => {
  it('writes rates in the unit that makes them whole, and they read back to the same number', () => {
    assert.equal(rateText(50 / 60), '50/minute');
    assert.equal(rateText(10), '10/second');
    assert.equal(rateText(9016 / 60), '9016/minute');
    assert.equal(rateText(1 / 3600), '1/hour');
    assert.equal(rateText(0.5 / 86400), '0.5/day');
    assert.equal(rateText(1.234567891234), '1.23456789/second');
    for (const rate of [50 / 60, 9016 / 60, 7 / 86400, 0.001, 12345.678, 1e-7]) {
      const back = parseRate(rateText(rate));
      assert.ok(back.ok && Math.abs(back.value - rate) <= 1e-8 * rate, `${rate} -> ${rateText(rate)}`);
    }
  });

  it('writes durations in seconds from a second up, else milliseconds', () => {
    assert.equal(durationText(180_000), '180s');
    assert.equal(durationText(250), '250ms');
    assert.equal(durationText(1500), '1.5s');
    assert.equal(durationText(123_457), '123.457s');
    const back = parseDuration(durationText(123_457));
    assert.ok(back.ok && back.value === 123_457);
  });
});
