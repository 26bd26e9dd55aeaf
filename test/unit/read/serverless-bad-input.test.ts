import { strict as assert } from 'assert';
import { analyze } from '../../../src/core/analyze';
import { LineIndex } from '../../../src/core/text/lines';

describe('serverless reader: bad input', () => {
  it('keeps what it can read of broken YAML and reports the parse error at the parser position', () => {
    const text = 'service: s\nprovider:\n  name: aws\nfunctions:\n  a:\n    handler: a.h\n    events:\n      - sqs: arn:aws:sqs:us-east-1:1:q\n  b: [1, 2\n';
    const analysis = analyze(text);
    assert.equal(analysis.format, 'serverless');
    assert.ok(analysis.model.edges.some((e) => e.from === 'arn:aws:sqs:us-east-1:1:q' && e.to === 'a' && e.kind === 'trigger'));
    const error = analysis.findings.find((f) => f.rule === 'parse-error');
    assert.ok(error);
    assert.ok(new LineIndex(text).positionAt(error.span.start).line >= 8, "at or after the broken line");
  });

  it('reads values under unknown tags as plain values (no exception)', () => {
    const text = 'service: s\nprovider:\n  name: aws\nfunctions:\n  a:\n    handler: !Custom a.h\n    memorySize: !Foo 512\n';
    const fn = analyze(text).model.nodes.find((n) => n.id === 'a')?.fn;
    assert.equal(fn?.handler, 'a.h');
    assert.equal(fn?.memoryMb, 512);
  });

  it('reads JSON-flavoured YAML', () => {
    const text = '{"service": "j", "provider": {"name": "aws", "memorySize": 256},\n "functions": {"a": {"handler": "a.h", "events": [{"sqs": "arn:aws:sqs:us-east-1:1:q"}]}}}\n';
    const analysis = analyze(text);
    const a = analysis.model.nodes.find((n) => n.kind === 'function');
    assert.equal(a?.id, 'a');
    assert.equal(a?.fn?.memoryMb, 256);
    assert.equal(text.slice(a.span.start, a.span.end), '"a"');
    assert.ok(analysis.model.edges.some((e) => e.kind === 'trigger' && e.to === 'a'));
  });

  it('analyses the first document with content of a multi-document stream', () => {
    const text = '# leading comment\n---\n---\nservice: m\nprovider: {name: aws}\nfunctions:\n  a: {handler: a.h}\n---\nservice: other\nprovider: {name: aws}\nfunctions:\n  z: {handler: z.h}\n';
    const analysis = analyze(text);
    assert.equal(analysis.format, 'serverless');
    assert.deepEqual(analysis.model.nodes.map((n) => n.id), ['a']);
  });

  it('ignores entries that are not functions or events, and never lets a function trigger itself', () => {
    const text = [
      'service: s', 'provider:', 'functions:', '  typing:', '  scalar: 3', '  listed: [x]', '  a:', '    handler: h', '    events:',
      '      - 3', '      - {}', '      - sqs:', '      - stream: {}', '      - s3: {}', '      - sns: {}', '      - http',
      '      - {sqs: a}', '      - msk: {}', '    destinations: {onSuccess: {}}', '    environment: [1]', '    iamRoleStatements: {a: 1}', '',
    ].join('\n');
    const model = analyze(text).model;
    assert.deepEqual(model.nodes.filter((n) => n.kind === 'function').map((n) => n.id), ['typing', 'a']);
    assert.deepEqual(model.edges.filter((e) => e.kind === 'trigger'), []);
  });

  it('returns on a 10 MB file (time printed, not asserted)', function () {
    this.timeout(300_000);
    const line = `    ${'lorem ipsum dolor sit amet '.repeat(4)}\n`;
    const notes = line.repeat(Math.ceil((9.6 * 1024 * 1024) / line.length));
    const functions = Array.from({ length: 8000 }, (_, i) => `  fn${i}:\n    handler: h.fn${i}\n    events:\n      - sqs: arn:aws:sqs:us-east-1:123456789012:q${i % 100}\n`);
    const text = `service: big\nprovider:\n  name: aws\ncustom:\n  notes: |\n${notes}functions:\n${functions.join('')}`;
    assert.ok(text.length > 10 * 1024 * 1024);
    const started = Date.now();
    const analysis = analyze(text);
    console.log(`      10 MB serverless.yml (${(text.length / 1048576).toFixed(1)} MiB, 8000 functions): analyze ${Date.now() - started} ms`);
    assert.equal(analysis.model.nodes.filter((n) => n.kind === 'function').length, 8000);
  });
});
