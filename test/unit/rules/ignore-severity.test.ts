import * as assert from 'node:assert/strict';
import type { Finding, RuleId } from '../../../src/core/findings';
import { applyIgnoreComments } from '../../../src/core/rules/ignore';
import { applySeverities } from '../../../src/core/rules/severity';
import { finding } from '../../../src/core/rules/types';
import { resolveSettings } from '../../../src/core/settings';

const text = [
  'functions:', //                                  line 0
  '  # pipeline-lens-ignore stateful-without-store', // line 1
  '  sessionize:', //                               line 2
  '    handler: a.b', //                            line 3
  '  # pipeline-lens-ignore queue-without-dlq, async-without-buffer', // 4
  '  # a second comment line', //                   line 5
  '  notify:', //                                   line 6
  '  other:  # pipeline-lens-ignore cost-above-cluster', // 7
  '  last:', //                                     line 8
].join('\n');

const at = (rule: RuleId, line: number): Finding => {
  const start = text.split('\n').slice(0, line).join('\n').length + 1;
  return finding(rule, { message: 'm', span: { start: start + 2, end: start + 5 } });
};

describe('ignore comments', () => {
  it('silences only the named rule on the line right below the comment', () => {
    const kept = applyIgnoreComments([at('stateful-without-store', 2), at('cost-above-cluster', 2), at('stateful-without-store', 3)], text);
    assert.deepEqual(kept.map((f) => [f.rule, f.span.start]), [
      ['cost-above-cluster', at('cost-above-cluster', 2).span.start],
      ['stateful-without-store', at('stateful-without-store', 3).span.start],
    ]);
  });

  it('reads several ids and looks up through a block of comment lines', () => {
    const kept = applyIgnoreComments([at('async-without-buffer', 6), at('queue-without-dlq', 6), at('chained-without-buffer', 6)], text);
    assert.deepEqual(kept.map((f) => f.rule), ['chained-without-buffer']);
  });

  it('takes a trailing comment on the line above', () => {
    assert.equal(applyIgnoreComments([at('cost-above-cluster', 8)], text).length, 0);
    assert.equal(applyIgnoreComments([at('cost-above-cluster', 7)], text).length, 1);
  });

  it('silences a rule in the whole file with pipeline-lens-ignore-file', () => {
    const fileText = `# pipeline-lens-ignore-file chained-without-buffer\n${text}`;
    const f = finding('chained-without-buffer', { message: 'm', span: { start: fileText.length - 3, end: fileText.length } });
    const g = finding('queue-without-dlq', { message: 'm', span: { start: fileText.length - 3, end: fileText.length } });
    assert.deepEqual(applyIgnoreComments([f, g], fileText).map((x) => x.rule), ['queue-without-dlq']);
  });
});

describe('severity settings', () => {
  it('replaces a rule\'s severity and removes rules set to off', () => {
    const findings = [finding('queue-without-dlq', { message: 'm', span: { start: 0, end: 1 } }), finding('cost-above-cluster', { message: 'm', span: { start: 0, end: 1 } })];
    const out = applySeverities(findings, resolveSettings({ severities: { 'queue-without-dlq': 'error', 'cost-above-cluster': 'off' } }));
    assert.deepEqual(out.map((f) => [f.rule, f.severity]), [['queue-without-dlq', 'error']]);
    assert.deepEqual(applySeverities(findings, resolveSettings()).map((f) => f.severity), ['warning', 'warning']);
  });
});
