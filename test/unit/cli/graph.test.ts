import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { cli } from './run';

const S3_INGEST = path.join(__dirname, '..', '..', '..', 'examples', 's3-ingest', 'template.yaml');

describe('cli: graph', () => {
  it('prints DOT with the stage graph nodes and edges', async () => {
    const run = await cli(['graph', S3_INGEST, '--format', 'dot']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^digraph /);
    assert.match(run.stdout, /"IngestBucket" -> "IngestFunction"/);
    assert.match(run.stdout, /"IngestFunction" -> "OrdersTable"/);
  });

  it('prints the laid-out graph as JSON with coordinates', async () => {
    const run = await cli(['graph', S3_INGEST, '--format', 'json']);
    assert.equal(run.code, 0);
    const graph = JSON.parse(run.stdout) as { nodes: { id: string; x: number; y: number }[] };
    const ids = graph.nodes.map((n) => n.id);
    assert.ok(ids.includes('IngestBucket') && ids.includes('IngestFunction') && ids.includes('OrdersTable'), ids.join(', '));
    const bucket = graph.nodes.find((n) => n.id === 'IngestBucket')!;
    const fn = graph.nodes.find((n) => n.id === 'IngestFunction')!;
    assert.ok(bucket.x < fn.x, 'layered left to right: the source before its function');
  });

  it('prints a standalone SVG by default', async () => {
    const run = await cli(['graph', S3_INGEST]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    assert.match(run.stdout, />IngestFunction</);
  });

  it('refuses a file that is not a pipeline file with exit 2', async () => {
    const run = await cli(['graph', path.join(__dirname, 'fixtures', 'project', 'nested', 'notes.yaml')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /is not a serverless, SAM, CloudFormation or pipeline file/);
  });
});
