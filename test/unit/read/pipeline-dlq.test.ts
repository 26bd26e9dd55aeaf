// `dlq: true` on a design queue creates its dead-letter queue; `dlq: <id>` names one; `dlq: false` means none.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';

const design = (dlq: string, extra = '') => `pipeline:
  name: orders
  sources:
    orders: { type: sqs, visibilityTimeout: 180${dlq} }
  stages:
    process:
      from: orders
      timeout: 30s
      rate: 1/s
      duration: 200ms
${extra}`;

describe('pipeline design: dlq on a queue', () => {
  it('dlq: true creates a dead-letter queue <id>-dlq and settles queue-without-dlq', () => {
    const analysis = analyze(design(', dlq: true, maxReceiveCount: 5'), { path: 'o.pipeline.yaml' });
    const dlq = analysis.model.nodes.find((n) => n.id === 'orders-dlq');
    assert.equal(dlq?.kind, 'queue');
    assert.deepEqual(dlq?.queue?.deadLetterFor, ['orders']);
    assert.equal(analysis.model.nodes.find((n) => n.id === 'orders')?.queue?.redrive?.maxReceiveCount, 5);
    assert.ok(analysis.model.edges.some((e) => e.kind === 'dlq' && e.from === 'orders' && e.to === 'orders-dlq'));
    assert.deepEqual(analysis.findings.map((f) => f.rule), []);
    assert.equal(analysis.model.nodes.some((n) => n.id === 'true'), false, 'no component named "true"');
  });

  it('a FIFO queue gets a FIFO dead-letter queue', () => {
    const analysis = analyze(design(', fifo: true, dlq: true'), { path: 'o.pipeline.yaml' });
    assert.equal(analysis.model.nodes.find((n) => n.id === 'orders-dlq')?.queue?.fifo, true);
  });

  it('dlq: false and no dlq leave the queue without one, and queue-without-dlq fires', () => {
    for (const dlq of [', dlq: false', '']) {
      const analysis = analyze(design(dlq), { path: 'o.pipeline.yaml' });
      assert.equal(analysis.model.nodes.some((n) => n.id === 'orders-dlq' || n.id === 'false'), false);
      assert.deepEqual(analysis.findings.map((f) => f.rule), ['queue-without-dlq']);
    }
  });

  it('dlq: true is refused when <id>-dlq is already declared', () => {
    const text = design(', dlq: true').replace('  stages:', '    orders-dlq: { type: sqs }\n  stages:');
    const analysis = analyze(text, { path: 'o.pipeline.yaml' });
    assert.ok(analysis.findings.some((f) => f.rule === 'invalid-annotation' && /already declared/.test(f.message)));
  });
});
