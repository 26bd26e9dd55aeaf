import { strict as assert } from 'assert';
import { statusText } from '../../../src/extension/present/statusText';
import { analysisOf, sessionizeReport } from './reports';

describe('status bar text', () => {
  it('shows the file\'s known cost per day and its error and warning counts', () => {
    const unknown = sessionizeReport({ id: 'u', cost: null, load: { ratePerSecond: null, durationMs: null, declared: false } });
    const analysis = analysisOf('a: 1\n', {}, [sessionizeReport(), sessionizeReport({ id: 'b' }), unknown]);
    analysis.findings = [
      { rule: 'queue-without-dlq', severity: 'warning', message: 'm', span: { start: 0, end: 1 }, related: [], fixes: [] },
      { rule: 'parse-error', severity: 'error', message: 'm', span: { start: 0, end: 1 }, related: [], fixes: [] },
      { rule: 'chained-without-buffer', severity: 'info', message: 'm', span: { start: 0, end: 1 }, related: [], fixes: [] },
    ];
    const status = statusText(analysis);
    assert.equal(status.text, '$(type-hierarchy) $1,026.04/day + 1 unknown $(error) 1 $(warning) 1');
    assert.match(status.tooltip, /\$1,026\.04\/day for the functions with a known load; 1 of 3 declares no rate and duration \(`u`\)/);
    assert.match(status.tooltip, /1 errors, 1 warnings, 1 infos/);
  });

  it('says when no cost is known or there are no functions', () => {
    assert.match(statusText(analysisOf('a: 1\n', {}, [])).text, /no functions/);
    const unknown = sessionizeReport({ cost: null });
    assert.match(statusText(analysisOf('a: 1\n', {}, [unknown])).text, /cost: declare load \$\(error\) 0/);
  });
});
