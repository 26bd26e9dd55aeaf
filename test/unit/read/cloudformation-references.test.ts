import { strict as assert } from 'assert';
import { parseYaml } from '../../../src/core/parse/parseYaml';
import { asMap, get } from '../../../src/core/parse/nodes';
import { Template } from '../../../src/core/read/cloudformation/template';
import { resolveAll, resolveRef, textOf, parseArn } from '../../../src/core/read/cloudformation/references';

const TEMPLATE = `
Parameters:
  QueueArnParam:
    Type: String
    Default: arn:aws:sqs:eu-west-1:123456789012:orders-queue
  TableNameParam:
    Type: String
    Default: sessions
  NoDefault:
    Type: String
Mappings:
  Env:
    prod:
      Topic: alerts
Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: orders-queue
  Sessions:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !Ref TableNameParam
  Clicks:
    Type: AWS::Kinesis::Stream
    Properties:
      Name: clicks
  Alerts:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: alerts
Values:
  ref: !Ref Orders
  refLong: { Ref: Orders }
  getAttString: !GetAtt Orders.Arn
  getAttList: !GetAtt [Orders, Arn]
  getAttLong: { "Fn::GetAtt": [Orders, Arn] }
  streamArn: !GetAtt Sessions.StreamArn
  subArn: !Sub "\${Clicks.Arn}"
  subRef: !Sub "arn:aws:kinesis:\${AWS::Region}:\${AWS::AccountId}:stream/\${Clicks}"
  subIndex: !Sub "\${Sessions.Arn}/index/*"
  subParamName: !Sub "arn:aws:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/\${TableNameParam}"
  subTableStream: !Sub "arn:aws:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/\${TableNameParam}/stream/*"
  joinArn: !Join ["", ["arn:aws:kinesis:", !Ref "AWS::Region", ":", !Ref "AWS::AccountId", ":stream/", !Ref Clicks]]
  joinPlain: { "Fn::Join": [":", ["arn:aws:sqs", { Ref: "AWS::Region" }, "123", "orders-queue"]] }
  plainArn: arn:aws:sqs:us-east-1:123456789012:orders-queue
  foreignArn: arn:aws:sqs:us-east-1:123456789012:somebody-elses
  queueUrl: https://sqs.eu-west-1.amazonaws.com/123456789012/orders-queue
  paramDefault: !Ref QueueArnParam
  paramNoDefault: !Ref NoDefault
  pseudo: !Ref AWS::Region
  imported: !ImportValue shared-stream-arn
  ifBoth: !If [IsProd, !GetAtt Orders.Arn, !Ref Alerts]
  missing: !Ref DoesNotExist
  missingAtt: !GetAtt Nope.Arn
  findInMap: !FindInMap [Env, prod, Topic]
  topicName: alerts
  subWithVars: !Sub
    - "arn:aws:sqs:\${AWS::Region}:\${AWS::AccountId}:\${Name}"
    - Name: !GetAtt Orders.QueueName
  subLiteral: !Sub "arn:aws:sqs:eu-west-1:1:\${!NotAVariable}"
  regionInSub: !Sub "arn:aws:sns:\${AWS::Region}:1:other"
`;

function setup() {
  const parsed = parseYaml(TEMPLATE);
  const root = asMap(parsed.doc?.contents);
  const template = new Template(parsed.doc, asMap(get(root, 'Resources', parsed.doc)), root);
  const values = asMap(get(root, 'Values', parsed.doc));
  const problems: string[] = [];
  const value = (key: string) => get(values, key, parsed.doc);
  const resolve = (key: string) => resolveRef(value(key), template, (m, span) => problems.push(`${m}@${TEMPLATE.slice(span.start, span.end)}`));
  return { template, value, resolve, problems };
}

describe('CloudFormation references', () => {
  it('resolves Ref and GetAtt in short, list and long forms to the logical id', () => {
    const { resolve } = setup();
    for (const key of ['ref', 'refLong', 'getAttString', 'getAttList', 'getAttLong']) {
      assert.equal(resolve(key)?.id, 'Orders', key);
    }
    assert.equal(resolve('getAttString')?.attribute, 'Arn');
  });

  it('maps a table StreamArn to the table-stream node', () => {
    const { resolve } = setup();
    assert.deepEqual(resolve('streamArn'), { id: 'SessionsStream', attribute: 'StreamArn' });
    assert.equal(resolve('subTableStream')?.id, 'SessionsStream');
  });

  it('resolves Sub and Join that embed a resource or name one by its physical name', () => {
    const { resolve } = setup();
    assert.equal(resolve('subArn')?.id, 'Clicks');
    assert.equal(resolve('subRef')?.id, 'Clicks');
    assert.equal(resolve('subIndex')?.id, 'Sessions');
    assert.equal(resolve('subParamName')?.id, 'Sessions');
    assert.equal(resolve('joinArn')?.id, 'Clicks');
    assert.equal(resolve('joinPlain')?.id, 'Orders');
  });

  it('matches plain ARNs and queue URLs by physical name, keeps foreign ones raw', () => {
    const { resolve } = setup();
    assert.equal(resolve('plainArn')?.id, 'Orders');
    assert.equal(resolve('queueUrl')?.id, 'Orders');
    assert.deepEqual(resolve('foreignArn'), { raw: 'arn:aws:sqs:us-east-1:123456789012:somebody-elses' });
    assert.equal(resolve('topicName')?.id, 'Alerts');
  });

  it('follows parameter defaults, pseudo parameters, mappings and imports', () => {
    const { resolve, template, value } = setup();
    assert.equal(resolve('paramDefault')?.id, 'Orders');
    assert.deepEqual(resolve('paramNoDefault'), { raw: 'NoDefault', attribute: 'Parameter' });
    assert.equal(resolve('pseudo')?.raw, '${AWS::Region}');
    assert.deepEqual(resolve('imported'), { raw: 'ImportValue shared-stream-arn', attribute: 'ImportValue' });
    assert.equal(resolve('findInMap')?.id, 'Alerts');
    assert.equal(textOf(value('subParamName'), template), 'arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/sessions');
  });

  it('resolves Sub with a variable map, keeps ${!Literal} text, substitutes the known region', () => {
    const { resolve, template, value, problems } = setup();
    assert.equal(resolve('subWithVars')?.id, 'Orders');
    assert.equal(textOf(value('subLiteral'), template), 'arn:aws:sqs:eu-west-1:1:${NotAVariable}');
    assert.deepEqual(problems, []);
    const regional = new Template(template.doc, undefined, undefined, { region: 'eu-west-1' });
    assert.equal(textOf(value('regionInSub'), regional), 'arn:aws:sns:eu-west-1:1:other');
  });

  it('reads both branches of Fn::If with the condition name', () => {
    const { template, value } = setup();
    assert.deepEqual(resolveAll(value('ifBoth'), template), [
      { condition: 'IsProd', id: 'Orders', attribute: 'Arn' },
      { condition: 'IsProd', id: 'Alerts', attribute: undefined },
    ]);
  });

  it('reports a missing reference as a problem instead of throwing', () => {
    const { resolve, problems } = setup();
    assert.deepEqual(resolve('missing'), { raw: 'DoesNotExist', attribute: undefined, unresolved: true });
    assert.equal(resolve('missingAtt')?.unresolved, true);
    assert.equal(problems.length, 2);
    assert.match(problems[0], /"DoesNotExist" is referenced here but not defined/);
    assert.match(problems[0], /@DoesNotExist$/);
  });

  it('parses ARNs of each service to the resource name', () => {
    assert.equal(parseArn('arn:aws:kinesis:${AWS::Region}:${AWS::AccountId}:stream/clicks')?.name, 'clicks');
    assert.equal(parseArn('arn:aws:s3:::my-bucket/*')?.name, 'my-bucket');
    assert.equal(parseArn('arn:aws:lambda:us-east-1:1:function:worker:live')?.name, 'worker');
    assert.equal(parseArn('arn:aws:dynamodb:us-east-1:1:table/t/stream/2020')?.tableStream, true);
    assert.equal(parseArn('not-an-arn'), undefined);
  });
});

describe('CloudFormation references on cyclic input', () => {
  it('stops at a parameter defaulting to itself, an alias inside its own anchor and an alias bomb, without throwing', () => {
    const text = `Parameters:
  Loop:
    Type: String
    Default: !Ref Loop
  SubLoop:
    Type: String
    Default: !Sub "\${SubLoop}-x"
Resources:
  Q: { Type: AWS::SQS::Queue }
Values:
  loop: !Ref Loop
  subLoop: !Sub "arn:aws:sqs:r:1:\${SubLoop}"
  nested: &self [a, *self]
  bomb: &bomb [*bomb, *bomb, *bomb]
`;
    const parsed = parseYaml(text);
    const root = asMap(parsed.doc?.contents);
    const template = new Template(parsed.doc, asMap(get(root, 'Resources', parsed.doc)), root);
    const values = asMap(get(root, 'Values', parsed.doc));
    for (const key of ['loop', 'subLoop', 'nested', 'bomb']) {
      assert.doesNotThrow(() => resolveAll(get(values, key, parsed.doc), template), key);
      assert.doesNotThrow(() => textOf(get(values, key, parsed.doc), template), key);
    }
    assert.equal(resolveRef(get(values, 'loop', parsed.doc), template), undefined);
    assert.equal(template.resolveDepth, 0);
  });
});
