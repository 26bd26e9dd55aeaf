import { strict as assert } from 'node:assert';
import { nodeAtOffset } from '../../../src/core/graph';
import type { PipelineModel } from '../../../src/core/model';
import { fnNode, node } from './fixtures';

describe('nodeAtOffset', () => {
  const model: PipelineModel = {
    format: 'serverless',
    nodes: [
      fnNode('sessionize', 10, { blockSpan: { start: 21, end: 120 } }),
      node('Clicks', 'stream', 200, { blockSpan: { start: 210, end: 300 } }),
      node('arn:aws:sqs:us-east-1:1:Outside', 'queue', 50, { defined: false }),
    ],
    edges: [],
    problems: [],
  };

  it('finds the node whose key or block holds the cursor', () => {
    assert.equal(nodeAtOffset(model, 12), 'sessionize');
    assert.equal(nodeAtOffset(model, 100), 'sessionize');
    assert.equal(nodeAtOffset(model, 250), 'Clicks');
  });

  it('finds none between nodes, and never an external node referenced inside another block', () => {
    assert.equal(nodeAtOffset(model, 150), undefined);
    assert.equal(nodeAtOffset(model, 52), 'sessionize');
  });
});
