import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { Workspace } from '../../../src/core/workspace';
import { analyzeFixture } from './load';

const PRODUCER = 'cf-output/ingest/serverless.yml';
const CONSUMER = 'cf-output/process/serverless.yml';
const consumerCap = (ws: Workspace) => ws.joined().files.find((f) => f.path === CONSUMER)!.analysis.functions[0].concurrency;

function producerWithShards(shards: number, service = 'ingest', stage = 'dev'): string {
  return `service: ${service}
provider:
  name: aws
  stage: ${stage}
resources:
  Resources:
    ClickStream:
      Type: AWS::Kinesis::Stream
      Properties:
        ShardCount: ${shards}
  Outputs:
    ClickStreamArn:
      Value: !GetAtt ClickStream.Arn
`;
}

describe('workspace: incremental updates and ambiguous matches', () => {
  it('replacing one file re-joins: the consumer follows the producer, and falls back when it is removed', () => {
    const ws = new Workspace();
    ws.update(CONSUMER, analyzeFixture(CONSUMER));
    ws.update(PRODUCER, analyzeFixture(PRODUCER));
    assert.equal(consumerCap(ws).cap, 4);
    ws.update(PRODUCER, analyze(producerWithShards(12), { path: PRODUCER }));
    assert.equal(consumerCap(ws).cap, 12);
    assert.ok(!ws.joined().files.find((f) => f.path === CONSUMER)!.analysis.findings.some((f) => f.rule === 'throughput-exceeds-concurrency'));
    ws.remove(PRODUCER);
    assert.deepEqual(ws.paths(), [CONSUMER]);
    assert.deepEqual(ws.joined().files[0].analysis.findings, analyzeFixture(CONSUMER).findings);
    assert.equal(consumerCap(ws).capKind, 'account');
  });

  it('a change re-runs only the files that depend on it; the others keep their joined result', () => {
    const ws = new Workspace();
    const unrelated = 'ssm/store/template.yaml';
    for (const path of [PRODUCER, CONSUMER, unrelated]) ws.update(path, analyzeFixture(path));
    const resultOf = (path: string) => ws.joined().files.find((f) => f.path === path)!.analysis;
    const [consumer, store] = [resultOf(CONSUMER), resultOf(unrelated)];
    ws.update(unrelated, analyzeFixture(unrelated));
    assert.equal(resultOf(CONSUMER), consumer, 'the consumer does not depend on the store');
    assert.notEqual(resultOf(unrelated), store);
    ws.update(PRODUCER, analyze(producerWithShards(12), { path: PRODUCER }));
    assert.notEqual(resultOf(CONSUMER), consumer, 'the consumer depends on its producer');
    assert.equal(resultOf(CONSUMER).functions[0].concurrency.cap, 12);
  });

  it('an ${opt:stage} with no default matching two stacks is reported, not guessed; a configured stage picks one', () => {
    const consumer = CONSUMER.replace('process', 'any-stage');
    const text = analyzeFixture(CONSUMER).parsed.text.replace(/ingest-dev\./g, 'ingest-${opt:stage}.');
    const build = (stage?: string) => {
      const ws = new Workspace({ stage });
      ws.update('dev/serverless.yml', analyze(producerWithShards(2, 'ingest', 'dev')));
      ws.update('prod/serverless.yml', analyze(producerWithShards(8, 'ingest', 'prod')));
      ws.update(consumer, analyze(text));
      return ws.joined();
    };
    const anyStage = build();
    assert.equal(anyStage.ambiguities.length, 1);
    assert.deepEqual(anyStage.ambiguities[0].candidates.map((c) => c.file), ['dev/serverless.yml', 'prod/serverless.yml']);
    const file = anyStage.files.find((f) => f.path === consumer)!.analysis;
    const note = file.findings.find((f) => f.rule === 'unresolved-reference' && /matches 2 things/.test(f.message));
    assert.ok(note, file.findings.map((f) => f.message).join('\n'));
    assert.equal(note.severity, 'info');
    assert.equal(file.functions[0].concurrency.capKind, 'account');

    const prod = build('prod');
    assert.deepEqual(prod.ambiguities, []);
    assert.equal(prod.files.find((f) => f.path === consumer)!.analysis.functions[0].concurrency.cap, 8);
  });
});
