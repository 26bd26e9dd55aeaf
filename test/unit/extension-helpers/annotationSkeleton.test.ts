import { strict as assert } from 'assert';
import { applyEdits } from '../../../src/core/edit/apply';
import { annotationSkeleton } from '../../../src/core/edit/annotationSkeleton';
import type { Format, LoadAnnotation, PipelineNode } from '../../../src/core/model';
import { analysisOf } from './reports';

function fnNode(id: string, text: string, annotation?: LoadAnnotation, blockSpan?: { start: number; end: number }): PipelineNode {
  const at = text.indexOf(id);
  return {
    id, kind: 'function', label: id, span: { start: at, end: at + id.length }, defined: true, blockSpan,
    fn: { name: id, memoryMb: 1024, timeoutS: 6, architecture: 'x86_64', ephemeralStorageMb: 512, environment: [], iamStatements: [], async: {}, annotation },
  };
}

function apply(text: string, format: Format, node: PipelineNode) {
  const analysis = analysisOf(text, { format, nodes: [node] });
  const skeleton = annotationSkeleton(analysis, node.id);
  assert.ok(skeleton, 'expected an edit');
  const out = applyEdits(text, skeleton.edits);
  return { out, selected: skeleton.select ? out.slice(skeleton.select.start, skeleton.select.end) : undefined };
}

describe('load annotation skeleton', () => {
  it('creates custom.pipelineLens.functions.<key> in a serverless file without custom, and selects the rate', () => {
    const text = 'service: s # keep\nprovider:\n  name: aws\nfunctions:\n  sessionize:\n    handler: h.run\n';
    const { out, selected } = apply(text, 'serverless', fnNode('sessionize', text));
    assert.equal(out, text + 'custom:\n  pipelineLens:\n    functions:\n      sessionize:\n        rate: 10/minute\n        duration: 500ms\n');
    assert.equal(selected, '10/minute');
  });

  it('adds under an existing custom block in the file\'s 4-space style', () => {
    const text = 'service: s\nprovider:\n    name: aws\ncustom:\n    other: 1\nfunctions:\n    f:\n        handler: h\n';
    const { out } = apply(text, 'serverless', fnNode('f', 'functions:\n    f'));
    assert.equal(out, 'service: s\nprovider:\n    name: aws\ncustom:\n    other: 1\n    pipelineLens:\n        functions:\n            f:\n                rate: 10/minute\n                duration: 500ms\nfunctions:\n    f:\n        handler: h\n');
  });

  it('adds only the missing key to an existing annotation block', () => {
    const text = 'service: s\nprovider:\n  name: aws\ncustom:\n  pipelineLens:\n    functions:\n      f:\n        rate: 5/s\n';
    const block = text.indexOf('rate:');
    const annotation: LoadAnnotation = { span: { start: text.indexOf('f:'), end: text.indexOf('f:') + 1 }, blockSpan: { start: block, end: text.length }, rate: { value: 5, span: { start: block + 6, end: block + 9 } } };
    const { out, selected } = apply(text, 'serverless', fnNode('f', text, annotation));
    assert.equal(out, text + '        duration: 500ms\n');
    assert.equal(selected, undefined);
  });

  it('adds Metadata.PipelineLens to a SAM function resource', () => {
    const text = 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Ingest:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n  Bucket:\n    Type: AWS::S3::Bucket\n';
    const { out } = apply(text, 'sam', fnNode('Ingest', text));
    assert.equal(out, text.replace('app.handler\n', 'app.handler\n    Metadata:\n      PipelineLens:\n        rate: 10/minute\n        duration: 500ms\n'));
  });

  it('puts the keys on the stage itself in a pipeline file', () => {
    const text = 'pipeline:\n  stages:\n    enrich:\n      from: clicks\n';
    const start = text.indexOf('from:');
    const { out } = apply(text, 'pipeline', fnNode('enrich', text, undefined, { start, end: text.length }));
    assert.equal(out, text + '      rate: 10/minute\n      duration: 500ms\n');
  });

  it('offers nothing when the load is declared or the file is broken', () => {
    const text = 'service: s\nprovider: {name: aws\n';
    const analysis = analysisOf(text, { format: 'serverless', nodes: [fnNode('s', text)] });
    assert.equal(annotationSkeleton(analysis, 's'), undefined);
    const declared: LoadAnnotation = { span: { start: 0, end: 1 }, rate: { value: 1, span: { start: 0, end: 1 } }, durationMs: { value: 1, span: { start: 0, end: 1 } } };
    const ok = 'service: s\nprovider:\n  name: aws\n';
    assert.equal(annotationSkeleton(analysisOf(ok, { format: 'serverless', nodes: [fnNode('s', ok, declared)] }), 's'), undefined);
  });
});
