import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { bufferQueueFinding, buildGraphMessage } from '../../../src/extension/graph/graphMessage';

const examples = path.join(__dirname, '..', '..', '..', 'examples');

function analyzeExample(relative: string) {
  const file = path.join(examples, relative);
  return analyze(fs.readFileSync(file, 'utf8'), { path: file });
}

describe('graph message for the webview', () => {
  it('offers the buffer queue on the S3 trigger of the SAM ingest example, where the core can make it', async () => {
    const analysis = analyzeExample('s3-ingest/template.yaml');
    const message = await buildGraphMessage(analysis, 7, { uri: 'file:///x/template.yaml', fileName: 'template.yaml' });
    const trigger = message.graph.edges.find((e) => e.kind === 'trigger' && e.from === 'IngestBucket');
    assert.ok(trigger, JSON.stringify(message.graph.edges.map((e) => e.id)));
    assert.equal(trigger.bufferable, true);
    assert.ok(bufferQueueFinding(analysis, trigger.id));
    assert.equal(message.version, 7);
  });

  it('does not offer it on an EventBridge trigger, which the fix does not rewire', async () => {
    const text = [
      'service: nightly',
      'provider:',
      '  name: aws',
      '  runtime: nodejs20.x',
      'functions:',
      '  report:',
      '    handler: index.handler',
      '    events:',
      '      - eventBridge:',
      '          pattern:',
      '            source: [orders]',
      '',
    ].join('\n');
    const analysis = analyze(text, { path: 'serverless.yml' });
    const message = await buildGraphMessage(analysis, 1, { uri: 'file:///x/serverless.yml', fileName: 'serverless.yml' });
    const trigger = message.graph.edges.find((e) => e.kind === 'trigger' && e.to === 'report');
    assert.ok(trigger, JSON.stringify(analysis.model.edges));
    assert.equal(trigger.bufferable, false);
    assert.equal(bufferQueueFinding(analysis, trigger.id), undefined);
  });

  it('lays the graph out in the direction asked and says so, with the choice behind it', async () => {
    const analysis = analyzeExample('clickstream/serverless.yml');
    const doc = { uri: 'file:///x/serverless.yml', fileName: 'serverless.yml' };
    const wide = await buildGraphMessage(analysis, 1, doc);
    const tall = await buildGraphMessage(analysis, 1, doc, { direction: 'DOWN', choice: 'auto' });
    assert.deepEqual(wide.layout, { direction: 'RIGHT', choice: 'auto' });
    assert.deepEqual(tall.layout, { direction: 'DOWN', choice: 'auto' });
    assert.ok(wide.graph.width > wide.graph.height && tall.graph.height > tall.graph.width, `${wide.graph.width}x${wide.graph.height}, ${tall.graph.width}x${tall.graph.height}`);
  });

  it('sends each finding with its index, 0-based line, docs link and fix titles, and details per node', async () => {
    const analysis = analyzeExample('clickstream/serverless.yml');
    const message = await buildGraphMessage(analysis, 1, { uri: 'file:///x/serverless.yml', fileName: 'serverless.yml' });
    assert.equal(message.findings.length, analysis.findings.length);
    const text = analysis.parsed.text;
    for (const f of message.findings) {
      const source = analysis.findings[f.index];
      assert.equal(f.rule, source.rule);
      assert.equal(f.line, text.slice(0, source.span.start).split('\n').length - 1);
      assert.match(f.docsUrl, new RegExp(`#${f.rule}$`));
    }
    assert.ok(message.details.sessionize.facts.some((fact) => fact.label === 'Cost'));
  });
});
