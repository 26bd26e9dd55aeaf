import * as assert from 'assert';
import { analyze } from '../../../src/core/analyze';
import { parseYaml } from '../../../src/core/parse/parseYaml';
import { detectFormat } from '../../../src/core/parse/detectFormat';
import { intrinsicOf } from '../../../src/core/parse/intrinsics';
import { asMap, get } from '../../../src/core/parse/nodes';
import { LineIndex } from '../../../src/core/text/lines';

describe('parse', () => {
  it('detects each format by content', () => {
    const cases: [string, string | null][] = [
      ['service: s\nprovider:\n  name: aws\n', 'serverless'],
      ['Transform: AWS::Serverless-2016-10-31\nResources: {}\n', 'sam'],
      ['Transform: [AWS::Serverless-2016-10-31, Other]\nResources: {}\n', 'sam'],
      ['Resources:\n  Q:\n    Type: AWS::SQS::Queue\n', 'cloudformation'],
      ['pipeline:\n  name: x\n', 'pipeline'],
      ['just: a mapping\n', null],
    ];
    for (const [text, expected] of cases) assert.strictEqual(detectFormat(parseYaml(text).doc), expected, text);
  });

  it('reads short and long intrinsic forms alike', () => {
    const parsed = parseYaml('a: !GetAtt [Q, Arn]\nb: { "Fn::GetAtt": [Q, Arn] }\nc: !Ref X\n');
    const root = asMap(parsed.doc?.contents);
    assert.deepStrictEqual(parsed.problems, []);
    assert.strictEqual(intrinsicOf(get(root, 'a'))?.fn, 'Fn::GetAtt');
    assert.strictEqual(intrinsicOf(get(root, 'b'))?.fn, 'Fn::GetAtt');
    assert.strictEqual(intrinsicOf(get(root, 'c'))?.fn, 'Ref');
  });

  it('reports broken YAML as a parse-error finding with the parser position', () => {
    const text = 'service: s\nprovider:\n  name: aws\nfunctions:\n  a: [1, 2\n';
    const analysis = analyze(text);
    const errors = analysis.findings.filter((f) => f.rule === 'parse-error');
    assert.ok(errors.length > 0, 'expected a parse-error');
    assert.strictEqual(errors[0].severity, 'error');
    assert.ok(new LineIndex(text).positionAt(errors[0].span.start).line >= 4);
  });

  it('converts offsets to 0-based lines and characters', () => {
    const index = new LineIndex('ab\ncd\n');
    assert.deepStrictEqual(index.positionAt(4), { line: 1, character: 1 });
    assert.strictEqual(index.offsetAt({ line: 1, character: 1 }), 4);
  });
});
