// `shards` on a design's dynamodb-stream source caps the stage it feeds, as it does on a Kinesis source.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';

const design = (shards: string) => `pipeline:
  sources:
    changes: { type: dynamodb-stream, table: items${shards} }
  stages:
    track:
      from: changes
      rate: 10/s
      duration: 1s
      maximumRetryAttempts: 2
      parallelizationFactor: 2
  stores:
    items: { type: dynamodb }
`;

describe('pipeline design: shards of a DynamoDB stream', () => {
  it('caps the stage at shards x parallelization factor, and flags 10 expected against 6', () => {
    const analysis = analyze(design(', shards: 3'), { path: 'd.pipeline.yaml' });
    assert.deepEqual([analysis.functions[0].concurrency.cap, analysis.functions[0].concurrency.capReason], [6, '3 shards x parallelization factor 2']);
    assert.ok(analysis.findings.some((f) => f.rule === 'throughput-exceeds-concurrency'));
  });

  it('without shards the cap is unknown and says how to declare it', () => {
    const analysis = analyze(design(''), { path: 'd.pipeline.yaml' });
    assert.equal(analysis.functions[0].concurrency.capKind, 'account');
    assert.match(analysis.functions[0].concurrency.unknowns?.[0] ?? '', /declare it as `shards` in the changes source/);
  });
});
