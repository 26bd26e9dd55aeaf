// Broken and odd input never throws out of the SAM / CloudFormation / pipeline readers: every fixture cut short at
// many points, with lines dropped, and a set of wrong-shaped documents all read to a model.
import { strict as assert } from 'assert';
import { detectFormat } from '../../../src/core/parse/detectFormat';
import { parseYaml } from '../../../src/core/parse/parseYaml';
import { readModel } from '../../../src/core/read/index';
import { fixture } from './cloudformation-helpers';

const FIXTURES = ['sam/all-events.yaml', 'cloudformation/stream-pipeline.yaml', 'cloudformation/long-form.json', 'pipeline/orders.pipeline.yaml'];

const WRONG_SHAPES = [
  'Transform: AWS::Serverless-2016-10-31\nResources: [a, b]\n',
  'Transform: AWS::Serverless-2016-10-31\nGlobals: { Function: [1, 2] }\nResources:\n  F: { Type: AWS::Serverless::Function, Properties: { Events: [x], Policies: 7, Environment: { Variables: [1] } } }\n',
  'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        E: { Type: SQS, Properties: { Queue: { Fn::GetAtt: {} } } }\n        K: { Type: Kinesis, Properties: [] }\n        S: { Type: SNS, Properties: { Topic: !Sub [], SqsSubscription: { QueueArn: !Join [] } } }\n        N: null\n',
  'Resources:\n  Q: { Type: AWS::SQS::Queue, Properties: { RedrivePolicy: [1] } }\n  M: { Type: AWS::Lambda::EventSourceMapping, Properties: { EventSourceArn: !If [], FunctionName: !Select [0, []] } }\n',
  'Resources:\n  R: { Type: AWS::Events::Rule, Properties: { Targets: { Arn: 1 } } }\n  B: { Type: AWS::S3::Bucket, Properties: { NotificationConfiguration: { LambdaConfigurations: [null, 3] } } }\n',
  'pipeline:\n  stages: [a, b]\n  sources: { s: [1] }\n',
  'pipeline:\n  stages:\n    a: { from: { x: 1 }, to: [[1]], memory: [] }\n',
];

/** Parse and read only (rules, cost and fixes have their own tests). */
function analyze(text: string) {
  const parsed = parseYaml(text);
  const format = detectFormat(parsed.doc);
  return { format, model: format ? readModel(format, { parsed }) : undefined };
}

describe('SAM, CloudFormation and pipeline readers on broken input', () => {
  for (const name of FIXTURES) {
    it(`reads ${name} cut short at 25 points and with each tenth line dropped, without throwing`, function () {
      this.timeout(60_000); // many parses on a shared, loaded machine: not a speed check
      const text = fixture(name);
      for (let i = 1; i <= 25; i++) {
        const cut = text.slice(0, Math.floor((text.length * i) / 26));
        assert.doesNotThrow(() => analyze(cut), `cut at ${cut.length}`);
      }
      const lines = text.split('\n');
      for (let start = 0; start < 10; start++) {
        const dropped = lines.filter((_, index) => index % 10 !== start).join('\n');
        assert.doesNotThrow(() => analyze(dropped), `lines ${start} mod 10 dropped`);
      }
    });
  }

  it('reads documents of the wrong shape to a model of the right format', () => {
    for (const text of WRONG_SHAPES) {
      const analysis = analyze(text);
      assert.ok(analysis.format, text);
      assert.equal(analysis.model?.format, analysis.format, text);
    }
  });
});
