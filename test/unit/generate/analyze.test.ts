// A generated file analyses like its design: the same cost and concurrency per stage, and no warning or error the
// design did not have.
import * as assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../../src/core/analyze';
import { TARGETS } from '../../../src/core/generate';
import { designCases, generated } from './designs';

const serious = (a: Analysis) => a.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.rule).sort();

function figures(a: Analysis) {
  return a.functions.map((f) => ({
    cost: f.cost?.perDayUsd ?? null,
    region: f.cost?.breakdown.region ?? null,
    expected: f.concurrency.expected,
    cap: f.concurrency.cap,
    memory: f.memoryMb,
    timeout: f.timeoutS,
    architecture: f.architecture,
  }));
}

describe('generate: the output analyses like the design', () => {
  for (const design of designCases()) {
    const before = analyze(design.text, { path: design.path });
    for (const target of TARGETS) {
      it(`${design.name} -> ${target}: same costs and caps, no new warning or error`, () => {
        const after = analyze(generated(design, target), { path: target === 'sam' ? 'template.yaml' : 'serverless.yml' });
        assert.equal(after.format, target);
        assert.deepEqual(after.findings.filter((f) => /parse-error|invalid-annotation|unresolved-reference/.test(f.rule)).map((f) => f.message), []);
        assert.deepEqual(figures(after), figures(before));
        const added = serious(after).filter((rule) => !serious(before).includes(rule));
        assert.deepEqual(added, [], 'warnings or errors the design did not have');
        if (serious(before).length === 0) assert.deepEqual(serious(after), []);
      });
    }
  }

  it('the designs include one with no warning or error, and every source type', () => {
    const designs = designCases();
    assert.ok(designs.some((d) => serious(analyze(d.text, { path: d.path })).length === 0));
    const types = new Set(designs.flatMap((d) => analyze(d.text, { path: d.path }).model.edges.filter((e) => e.kind === 'trigger').map((e) => e.trigger!.source)));
    for (const source of ['kinesis', 'dynamodb', 'sqs', 's3', 'sns', 'eventbridge', 'schedule', 'api', 'iot', 'other']) assert.ok(types.has(source as never), source);
  });
});
