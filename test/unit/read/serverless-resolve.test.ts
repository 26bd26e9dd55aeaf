import { strict as assert } from 'assert';
import { readFixture, readServerlessText, type Read } from './serverless-helpers';
import { parseYaml } from '../../../src/core/parse/parseYaml';
import { Resolver } from '../../../src/core/resolve/resolver';
import { includeTarget } from '../../../src/core/resolve/includePath';

describe('serverless reader: variables', () => {
  let read: Read;
  before(() => {
    read = readFixture('variables.yml');
  });

  it('resolves nested ${self:}, ${opt:x, default}, ${sls:stage} and YAML includes (memory 3008 for stage prod)', () => {
    assert.equal(read.fn('ingest').memoryMb, 3008);
    assert.equal(read.fn('ingest').name, 'vars-prod-ingest');
  });

  it('reads a key of a JSON include (${file(x.json):a.b}) and uses ${env:X, default} defaults only', () => {
    assert.equal(read.fn('ingest').timeoutS, 45);
    assert.equal(read.model.region, 'eu-north-1');
    assert.equal(read.fn('fallback').environment.find((v) => v.name === 'BATCH')?.value, '250');
  });

  it('interpolates ARNs and keeps #{AWS::AccountId} pseudo-parameters as text', () => {
    const stream = 'arn:aws:kinesis:eu-north-1:#{AWS::AccountId}:stream/clicks-prod';
    assert.equal(read.trigger(stream, 'ingest').source, 'kinesis');
    assert.equal(read.node(stream).label, 'clicks-prod');
    assert.equal(read.spanText(read.node(stream).span), '${self:custom.stream}');
    assert.ok(read.hasEdge('arn:aws:sqs:eu-north-1:#{AWS::AccountId}:orders-prod', 'ingest', 'trigger'));
  });

  it('never fetches ${ssm:}: the event source stays unresolved, is drawn as written, and is reported as info', () => {
    const id = '${self:custom.secretStream}';
    assert.ok(read.hasEdge(id, 'ingest', 'trigger'));
    const problem = read.problems('unresolved-reference').find((p) => p.message.startsWith('The stream that triggers ingest'));
    assert.ok(problem);
    assert.match(problem.message, /\$\{ssm:\/vars\/stream-arn\}/);
    assert.match(problem.message, /never by Pipeline Lens/);
    assert.equal(read.spanText(problem.span), '${self:custom.secretStream}');
  });

  it('never reads the environment: ${env:X} without a default leaves memory unresolved, reported, default assumed', () => {
    assert.equal(read.fn('fallback').memoryMb, 1024);
    const problem = read.problems('unresolved-reference').find((p) => p.message.startsWith('The memorySize of fallback'));
    assert.ok(problem);
    assert.match(problem.message, /environment variables are never read/);
    assert.match(problem.message, /assumes 1024/);
    assert.equal(read.spanText(problem.span), '${self:custom.fromEnv}');
    assert.equal(problem.node, 'fallback');
  });

  it('reports unresolved concurrency caps (reservedConcurrency, parallelizationFactor, maximumConcurrency)', () => {
    const capped = readServerlessText([
      'service: s', 'provider: {name: aws}', 'functions:', '  a:', '    handler: h', '    reservedConcurrency: ${ssm:/caps/a}', '    events:',
      '      - stream:', '          arn: arn:aws:kinesis:us-east-1:1:stream/x', '          parallelizationFactor: ${env:PF}',
      '      - sqs:', '          arn: arn:aws:sqs:us-east-1:1:q', '          maximumConcurrency: ${cf:other.cap}', '',
    ].join('\n'));
    assert.equal(capped.fn('a').reservedConcurrency, undefined);
    const spans = capped.problems('unresolved-reference').map((p) => capped.spanText(p.span));
    assert.deepEqual(spans, ['${ssm:/caps/a}', '${env:PF}', '${cf:other.cap}']);
  });

  it('stops at a self-referencing variable with a message instead of hanging', () => {
    assert.equal(read.fn('fallback').timeoutS, 6);
    assert.ok(read.problems().some((p) => /refers to itself/.test(p.message)));
  });

  it('never runs ${file(x.js)} and reads only YAML/JSON: the value stays as written', () => {
    const env = read.fn('fallback').environment;
    assert.equal(env.find((v) => v.name === 'SCRIPT')?.value, '${self:custom.script}');
    assert.equal(env.find((v) => v.name === 'MISSING')?.value, '${file(./includes/missing.yml):value}');
    assert.ok(!read.requested.some((p) => p.endsWith('.js')), `asked for ${read.requested.join(', ')}`);
    assert.ok(read.requested.includes('includes/missing.yml'), 'include paths are relative to the analysed file');
  });

  it('refuses include paths that are absolute or start at the home directory', () => {
    assert.equal(includeTarget('/etc/passwd.yml').ok, false);
    assert.equal(includeTarget('~/x.yml').ok, false);
    assert.equal(includeTarget('C:\\x.yml').ok, false);
    assert.deepEqual(includeTarget('./conf/../shared/x.yml'), { ok: true, path: 'shared/x.yml', format: 'yaml' });
    assert.deepEqual(includeTarget('../shared/x.json'), { ok: true, path: '../shared/x.json', format: 'json' });
  });

  it('reads ${param:} from the stage params or the defaults, and fills in provider.stage/region like the framework', () => {
    const parsed = parseYaml([
      'service: s', 'provider: {name: aws, stage: prod}', 'params:', '  prod: {memory: 2048}', '  default: {memory: 128, batch: 7}',
      'stages:', '  default:', '    params: {queue: jobs}', 'custom:', '  a: ${param:memory}', '  b: ${param:batch}', '  c: ${param:queue}',
      '  d: ${param:nothing}', '', 'other: ${self:provider.region}-${self:provider.stage}',
    ].join('\n'));
    const resolver = new Resolver({ doc: parsed.doc });
    const custom = resolver.get(resolver.root(), 'custom');
    assert.deepEqual(['a', 'b', 'c'].map((k) => resolver.get(custom, k)?.text), ['2048', '7', 'jobs']);
    assert.match(resolver.get(custom, 'd')?.unresolved[0]?.reason ?? '', /not set for stage prod/);
    assert.equal(resolver.get(resolver.root(), 'other')?.text, 'us-east-1-prod');
  });

  it('leaves CloudFormation ${AWS::Region} and ${Resource.Arn} Sub placeholders alone', () => {
    const parsed = parseYaml('service: s\ncustom:\n  a: !Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:${Queue.Arn}-${self:service}"\n');
    const resolver = new Resolver({ doc: parsed.doc });
    const a = resolver.getIn(resolver.root(), ['custom', 'a']);
    assert.equal(a?.text, 'arn:${AWS::Partition}:sqs:${AWS::Region}:${Queue.Arn}-s');
    assert.deepEqual(a?.unresolved, []);
  });

  it('survives variable bombs (each level doubling) and alias bombs without hanging', () => {
    const levels = ['service: s', 'provider: {name: aws}', 'custom:', '  l0: "x"'];
    for (let i = 1; i <= 40; i++) levels.push(`  l${i}: "\${self:custom.l${i - 1}}\${self:custom.l${i - 1}}"`);
    levels.push('functions:', '  a:', '    handler: h', '    memorySize: ${self:custom.l40}');
    const bomb = readServerlessText(levels.join('\n') + '\n');
    assert.equal(bomb.fn('a').memoryMb, 1024);
    assert.ok(bomb.problems('unresolved-reference').some((p) => /nested too deeply/.test(p.message)));
    const wide = readServerlessText(levels.slice(0, 4 + 25).concat(['functions:', '  a:', '    handler: h', '    memorySize: ${self:custom.l25}']).join('\n') + '\n');
    assert.ok(wide.problems('unresolved-reference').some((p) => /overly long text/.test(p.message)), JSON.stringify(wide.problems()));

    const aliases = ['service: s', 'provider: {name: aws}', 'x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 12; i++) aliases.push(`x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    aliases.push('custom:', '  bomb: *a12', 'functions:', '  a:', '    handler: h', '    events: ${self:custom.bomb}', '    environment: *a12');
    const aliased = readServerlessText(aliases.join('\n') + '\n');
    assert.equal(aliased.fn('a').memoryMb, 1024);
  });
});

describe('serverless reader: resources', () => {
  it('reads resources given as a list of an include and an inline block; included nodes point at the include', () => {
    const read = readFixture('resources-list.yml');
    const included = read.node('IncludedQueue');
    assert.equal(included.kind, 'queue');
    assert.equal(read.spanText(included.span), '${file(./includes/queues.yml)}');
    assert.equal(included.queue?.visibilityTimeoutS?.value, 180);
    assert.equal(read.spanText(included.queue?.visibilityTimeoutS?.span), '${file(./includes/queues.yml)}');
    assert.equal(included.queue?.redrive?.target, 'IncludedDlq');
    assert.ok(read.hasEdge('IncludedQueue', 'IncludedDlq', 'dlq'));
    assert.equal(read.spanText(read.node('InlineQueue').span), 'InlineQueue');
    assert.ok(read.hasEdge('InlineQueue', 'writer', 'trigger'));
  });

  it('reads events from an included file, with spans at the reference', () => {
    const read = readFixture('resources-list.yml');
    const trigger = read.trigger('IncludedQueue', 'worker');
    assert.equal(trigger.batchSize?.value, 5);
    assert.equal(read.spanText(trigger.batchSize?.span), '${file(./includes/events.yml)}');
    assert.equal(read.spanText(trigger.eventSpan), '${file(./includes/events.yml)}');
  });

  it('reads functions and pipelineLens annotations from included files, pointing at the include sites', () => {
    const read = readServerlessText(
      'service: s\nprovider: {name: aws}\ncustom: ${file(./custom.yml)}\nfunctions:\n  - ${file(./fns.yml)}\n  - b: {handler: b.h}\n',
      {
        'custom.yml': 'pipelineLens:\n  functions:\n    a: {rate: 5/s, duration: oops}\n',
        'fns.yml': 'a:\n  handler: a.h\n  memorySize: 640\n  events:\n    - sqs: arn:aws:sqs:us-east-1:1:q\n',
      },
    );
    const a = read.node('a');
    assert.equal(read.spanText(a.span), '${file(./fns.yml)}');
    assert.equal(a.fn?.memoryMb, 640);
    assert.ok(read.hasEdge('arn:aws:sqs:us-east-1:1:q', 'a', 'trigger'));
    assert.equal(a.fn?.annotation?.rate?.value, 5);
    assert.equal(read.spanText(a.fn?.annotation?.span), '${file(./custom.yml)}');
    const invalid = read.problems('invalid-annotation');
    assert.equal(invalid.length, 1);
    assert.equal(read.spanText(invalid[0].span), '${file(./custom.yml)}');
    assert.equal(read.spanText(read.node('b').span), 'b');
  });

  it('reports a missing included resources file as unresolved and keeps reading the rest', () => {
    const read = readFixture('resources-list.yml', {});
    assert.ok(read.hasEdge('InlineQueue', 'writer', 'trigger'));
    const missing = read.problems('unresolved-reference').filter((p) => /was not found in the workspace/.test(p.message));
    assert.ok(missing.some((p) => read.spanText(p.span) === '${file(./includes/queues.yml)}'));
    assert.ok(missing.some((p) => read.spanText(p.span) === '${file(./includes/events.yml)}'));
    assert.ok(!read.model.nodes.some((n) => n.id === 'IncludedDlq'));
  });

  it('reads resources.Resources in the mapping form and matches ARNs built from ${self:} to the queue by name', () => {
    const read = readServerlessText([
      'service: shop', 'provider: {name: aws, region: us-east-2}', 'custom:', '  queueName: ${self:service}-orders',
      'functions:', '  consume:', '    handler: h', '    events:',
      '      - sqs: arn:aws:sqs:${self:provider.region}:#{AWS::AccountId}:${self:custom.queueName}',
      'resources:', '  Resources:', '    OrdersQueue:', '      Type: AWS::SQS::Queue', '      Properties:',
      '        QueueName: ${self:custom.queueName}', '',
    ].join('\n'));
    assert.ok(read.hasEdge('OrdersQueue', 'consume', 'trigger'));
    assert.equal(read.node('OrdersQueue').defined, true);
  });
});
