// New Pipeline scaffolds: every source type gives a design that reads cleanly, analyses without warnings at a
// modest rate, and generates for both targets.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { generate } from '../../../src/core/generate';
import { SCAFFOLD_SOURCES, scaffoldDesign, stepIds } from '../../../src/core/generate/scaffold';

function design(source: (typeof SCAFFOLD_SOURCES)[number], stateful: boolean, steps = ['parse', 'enrich', 'store']) {
  const result = scaffoldDesign({ name: 'My Pipeline', source, steps, stateful, rate: '5/s' });
  if (!result.ok) assert.fail(result.error);
  return result.text;
}

describe('scaffold: New Pipeline', () => {
  for (const source of SCAFFOLD_SOURCES) {
    for (const stateful of [false, true]) {
      it(`${source}, ${stateful ? 'stateful' : 'stateless'}: a clean design that generates`, () => {
        const text = design(source, stateful);
        const analysis = analyze(text, { path: 'my-pipeline.pipeline.yaml' });
        assert.equal(analysis.format, 'pipeline');
        assert.deepEqual(analysis.findings.map((f) => `${f.rule}: ${f.message}`), []);
        assert.deepEqual(analysis.functions.map((f) => f.id), ['parse', 'enrich', 'store']);
        assert.equal(analysis.model.nodes.some((n) => n.id === 'state'), stateful);
        for (const target of ['serverless', 'sam'] as const) assert.equal(generate(text, target, 'my-pipeline.pipeline.yaml').ok, true);
      });
    }
  }

  it('joins steps with queues that have DLQs, and names the pipeline', () => {
    const text = design('sqs', false, ['a', 'b']);
    assert.match(text, /^ {2}name: my-pipeline$/m);
    assert.match(text, /^ {4}a-out: \{ type: sqs, visibilityTimeout: 180, dlq: true, maxReceiveCount: 5 \}$/m);
    assert.match(text, /^ {4}b:\n {6}from: a-out$/m);
  });

  it('refuses a rate it cannot read, and makes ids of step names', () => {
    const bad = scaffoldDesign({ name: 'x', source: 'sqs', steps: ['a'], stateful: false, rate: 'lots' });
    assert.equal(bad.ok, false);
    assert.match(!bad.ok ? bad.error : '', /not of the form N\/unit/);
    assert.deepEqual(stepIds(['Parse Files', 'parse files', '', '!!']), ['parse-files', 'parse-files-2']);
    assert.deepEqual(stepIds([]), ['process']);
  });
});
