import * as assert from 'node:assert/strict';
import { patternOf, patternsMatch } from '../../../src/core/workspace/patterns';
import { classifyReference } from '../../../src/core/workspace/references';

const match = (a: string, b: string, stage?: string) => patternsMatch(patternOf(a, stage), patternOf(b, stage));

describe('workspace: names with unresolved variables', () => {
  it('a variable matches any text; fixed parts must agree', () => {
    assert.ok(match('cncb-event-stream-${opt:stage}', 'cncb-event-stream-dev'));
    assert.ok(match('cncb-event-stream-${opt:stage}', 'cncb-event-stream-${opt:stage}'));
    assert.ok(!match('cncb-event-stream-${opt:stage}', 'cncb-other-dev'));
    assert.ok(match('${opt:stage}-orders-${self:custom.v}', 'prod-orders-2'));
    assert.ok(!match('${opt:stage}-orders', 'prod-order'));
  });

  it('a name that is only variables joins nothing (too weak to tell)', () => {
    assert.ok(!match('${self:custom.name}', 'orders'));
    assert.ok(!match('${a}${b}', '${c}'));
  });

  it('a configured stage replaces ${opt:stage} with no default', () => {
    assert.ok(match('ingest-${opt:stage}', 'ingest-prod', 'prod'));
    assert.ok(!match('ingest-${opt:stage}', 'ingest-dev', 'prod'));
  });

  it('classifies references: ImportValue, ${cf:} with a nested stage, ${ssm:} and {{resolve:ssm}}, ARNs, names', () => {
    assert.deepEqual(classifyReference('ImportValue orders-dev-QueueArn'), { via: 'export', name: patternOf('orders-dev-QueueArn') });
    const cf = classifyReference('${cf:cncb-event-stream-${opt:stage}.streamArn}');
    assert.equal(cf?.via, 'cf-output');
    assert.deepEqual(cf?.via === 'cf-output' && [cf.stack.text, cf.output], ['cncb-event-stream-${opt:stage}', 'streamArn']);
    assert.equal(classifyReference('${ssm:/shop/orders-table-arn}')?.via, 'ssm');
    assert.equal(classifyReference('{{resolve:ssm:/shop/orders-table-arn:3}}')?.via, 'ssm');
    assert.deepEqual(classifyReference('arn:aws:dynamodb:us-east-1:123:table/orders/stream/2024'), { via: 'arn', kind: 'table-stream', name: patternOf('orders') });
    assert.equal(classifyReference('arn:aws:sqs:*:*:*'), undefined, 'wildcard ARNs name nothing in particular');
    assert.deepEqual(classifyReference('checkout-events', 'event-bus'), { via: 'name', kind: 'event-bus', name: patternOf('checkout-events') });
    assert.equal(classifyReference('checkout-events'), undefined, 'a bare name joins only when its kind is known');
    assert.equal(classifyReference('prefix-${cf:a.b}'), undefined, 'a ${cf:} inside other text is not a reference to the output');
  });
});
