import * as assert from 'node:assert/strict';
import { fileOf, joinFixtures } from './load';

const joinsOf = (paths: string[], options = {}, stacks = {}) =>
  joinFixtures(paths, options, stacks).joins.map((j) => ({ from: `${j.from.file} ${j.from.id}`, to: `${j.to.file} ${j.to.id}`, via: j.via }));

describe('workspace: joins between files, each saying how it was made', () => {
  it('${cf:stack.Output} joins a serverless consumer to the producer stack `${service}-${stage}` (cf-output)', () => {
    const joined = joinFixtures(['cf-output/ingest/serverless.yml', 'cf-output/process/serverless.yml']);
    assert.deepEqual(
      joined.joins.map((j) => [j.raw, j.to.id, j.via]),
      [
        ['${cf:ingest-dev.ClickStreamArn}', 'ClickStream', 'cf-output'],
        ['${cf:ingest-dev.SessionsTableName}', 'SessionsTable', 'cf-output'],
      ],
    );
    assert.match(joined.joins[0].how, /output ClickStreamArn of stack ingest-dev \(cf-output\/ingest\/serverless\.yml\)/);
  });

  it('Fn::ImportValue in SAM joins to a serverless Export, including one named with !Sub ${AWS::StackName} (export)', () => {
    assert.deepEqual(joinsOf(['exports/orders/serverless.yml', 'exports/fulfil/template.yaml']), [
      { from: 'exports/fulfil/template.yaml ImportValue orders-dev-QueueArn', to: 'exports/orders/serverless.yml OrdersQueue', via: 'export' },
      { from: 'exports/fulfil/template.yaml ImportValue orders-dev-TopicArn', to: 'exports/orders/serverless.yml OrdersTopic', via: 'export' },
    ]);
  });

  it('CDK cdk.out templates join through their generated exports; ${cf:} finds a CDK stack by its manifest name', () => {
    const paths = ['cdk/cdk.out/ProducerStack.template.json', 'cdk/cdk.out/ConsumerStack.template.json', 'cdk/reporter/serverless.yml'];
    const stacks = { 'cdk/cdk.out/ProducerStack.template.json': 'shop-producer', 'cdk/cdk.out/ConsumerStack.template.json': 'ConsumerStack' };
    assert.deepEqual(joinsOf(paths, {}, stacks), [
      {
        from: 'cdk/cdk.out/ConsumerStack.template.json ImportValue ProducerStack:ExportsOutputFnGetAttEventsStream2D6A4A5BArn9B4F1C22',
        to: 'cdk/cdk.out/ProducerStack.template.json EventsStream2D6A4A5B',
        via: 'export',
      },
      { from: 'cdk/reporter/serverless.yml ${cf:shop-producer.EventsStreamName}', to: 'cdk/cdk.out/ProducerStack.template.json EventsStream2D6A4A5B', via: 'cf-output' },
    ]);
    // Without the manifest's stack name, nothing says which stack `shop-producer` is.
    assert.equal(joinsOf(paths).filter((j) => j.via === 'cf-output').length, 0);
  });

  it('${ssm:/name} joins to the AWS::SSM::Parameter of another file, to the resource its Value points at (ssm)', () => {
    assert.deepEqual(joinsOf(['ssm/store/template.yaml', 'ssm/api/serverless.yml']), [
      { from: 'ssm/api/serverless.yml ${ssm:/shop/orders-table-arn}', to: 'ssm/store/template.yaml OrdersTable', via: 'ssm' },
    ]);
  });

  it('a literal ARN joins to the function deployed under that name, a bus name to the bus defined elsewhere (arn, name)', () => {
    assert.deepEqual(joinsOf(['names/billing/serverless.yml', 'names/checkout/serverless.yml']), [
      { from: 'names/billing/serverless.yml checkout-events', to: 'names/checkout/serverless.yml CheckoutBus', via: 'name' },
      {
        from: 'names/checkout/serverless.yml arn:aws:lambda:us-east-1:123456789012:function:billing-dev-charge',
        to: 'names/billing/serverless.yml charge',
        via: 'arn',
      },
    ]);
  });

  it('files that share nothing make no joins', () => {
    assert.deepEqual(joinsOf(['cf-output/process/serverless.yml', 'ssm/store/template.yaml', 'names/billing/serverless.yml']), []);
  });

  it('the workspace graph moves joined ends to the defining node and marks cross-file edges with fromFile/toFile/via', () => {
    const joined = joinFixtures(['cf-output/ingest/serverless.yml', 'cf-output/process/serverless.yml']);
    const cross = joined.graph.edges.filter((e) => e.fromFile !== e.toFile);
    assert.deepEqual(
      cross.map(({ how: _how, ...e }) => e),
      [
        { from: 'ClickStream', to: 'sessionize', kind: 'trigger', fromFile: 'cf-output/ingest/serverless.yml', toFile: 'cf-output/process/serverless.yml', via: 'cf-output' },
        { from: 'sessionize', to: 'SessionsTable', kind: 'read', fromFile: 'cf-output/process/serverless.yml', toFile: 'cf-output/ingest/serverless.yml', via: 'cf-output' },
      ],
    );
    // The consumer's stand-in node for `${cf:...}` is not drawn twice.
    assert.ok(!joined.graph.nodes.some((n) => n.id.startsWith('${cf:')));
    assert.ok(fileOf(joined, 'cf-output/process/serverless.yml'));
  });
});
