import { strict as assert } from 'assert';
import { capText, functionHint } from '../../../src/extension/present/hintText';
import { concurrency, duration, rate, significant, usd } from '../../../src/extension/present/numbers';
import { sessionizeReport } from './reports';

describe('function hint text', () => {
  it('shows cost per day, per call and concurrency against its cap', () => {
    assert.equal(functionHint(sessionizeReport()).text, '$513.02/day · $0.00713 a call · ~150 concurrent (cap 4: 4 shards x PF 1)');
    assert.equal(functionHint(sessionizeReport()).loadUnknown, false);
  });

  it('asks to declare the load when it is unknown', () => {
    const report = sessionizeReport({
      load: { ratePerSecond: null, durationMs: null, declared: false },
      cost: null,
      concurrency: { expected: null, cap: 1000, capReason: 'account limit', capKind: 'account' },
    });
    assert.deepEqual(functionHint(report), { text: 'load unknown: declare rate and duration · cap 1,000', loadUnknown: true });
  });

  it('says when the load was assumed from settings rather than declared', () => {
    const report = sessionizeReport({ load: { ratePerSecond: 1, durationMs: 100, declared: false } });
    assert.match(functionHint(report).text, / · assumed load$/);
  });

  it('writes a cap without a reason plainly', () => {
    assert.equal(capText(sessionizeReport({ concurrency: { expected: 3, cap: 1000, capReason: '', capKind: 'account' } })), 'cap 1,000');
  });
});

describe('number formatting', () => {
  it('formats money with cents from $1 and three significant digits below', () => {
    assert.equal(usd(15604.2), '$15,604.20');
    assert.equal(usd(0.0071252), '$0.00713');
    assert.equal(usd(0.0000002), '$0.0000002');
    assert.equal(usd(0), '$0.00');
  });

  it('never writes an exponent', () => {
    assert.equal(significant(2e-9, 3), '0.000000002');
    assert.equal(significant(0.1, 3), '0.1');
  });

  it('formats concurrency, rates and durations as people write them', () => {
    assert.equal(concurrency(149.6), '150');
    assert.equal(concurrency(0.4166), '0.42');
    assert.equal(rate(50 / 60), '50/minute');
    assert.equal(rate(2000), '2000/second');
    assert.equal(rate(1 / 86400), '1/day');
    assert.equal(duration(180_000), '3 min');
    assert.equal(duration(1500), '1.5 s');
    assert.equal(duration(250), '250 ms');
  });
});
