// Hostile YAML: deep nesting, huge scalars, alias bombs (billion laughs), unknown tags, binary bytes, set inside a
// serverless / SAM skeleton where the readers walk (events, environment, resources), or alone.
import fc from 'fast-check';

function deepFlow(depth: number, open: string, close: string): string {
  return open.repeat(depth) + 'x' + close.repeat(depth);
}

function deepBlock(depth: number, seq: boolean): string {
  const lines: string[] = [];
  for (let i = 0; i < depth; i++) lines.push(' '.repeat(2 * i + 2) + (seq ? '- ' : `k${i}:`));
  lines.push(' '.repeat(2 * depth + 2) + 'leaf');
  return '\n' + lines.join('\n');
}

/** Billion laughs: `levels` anchors, each a list of `width` aliases of the one before. */
function aliasBomb(levels: number, width: number): { anchors: string; top: string } {
  const lines = [`  l0: &l0 "lol"`];
  for (let i = 1; i <= levels; i++) lines.push(`  l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]`);
  return { anchors: lines.join('\n'), top: `*l${levels}` };
}

const nested = fc.oneof(
  fc.integer({ min: 1, max: 4000 }).map((d) => deepFlow(d, '[', ']')),
  fc.integer({ min: 1, max: 4000 }).map((d) => deepFlow(d, '{a: ', '}')),
  fc.integer({ min: 1, max: 300 }).map((d) => deepBlock(d, false)),
  fc.integer({ min: 1, max: 300 }).map((d) => deepBlock(d, true)),
);

const huge = fc
  .record({ size: fc.integer({ min: 1_000, max: 400_000 }), style: fc.constantFrom('plain', 'double', 'single', 'literal'), unit: fc.constantFrom('a', 'ab ', '${sls:stage}', '\\u00e9', '#') })
  .map(({ size, style, unit }) => {
    const body = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    if (style === 'double') return `"${body.replace(/"/g, '')}"`;
    if (style === 'single') return `'${body}'`;
    if (style === 'literal') return `|\n        ${body}\n`;
    return body.replace(/#/g, 'x');
  });

const tagged = fc
  .tuple(
    fc.constantFrom('!Foo', '!!binary', '!<tag:example.com,2000:x>', '!Ref', '!GetAtt', '!Sub', '!Join', '!If', '!!map', '!!seq', '!!int', '!', '!!str', '!ImportValue'),
    fc.constantFrom('x', '[a, b]', '{a: b}', 'R0lGODlh', '', '[]', '"${X}"', '[a, {b: !Ref c}]', 'Q.Arn', '[Q, Arn, Extra]', '12'),
  )
  .map(([tag, value]) => `${tag} ${value}`);

const binary = fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).map((s) => JSON.stringify(s).slice(1, -1) + s);

/** A value for a slot, or the value's own YAML block (deep block nesting starts with a newline). */
export const hostileValue = fc.oneof({ weight: 3, arbitrary: nested }, { weight: 1, arbitrary: huge }, { weight: 3, arbitrary: tagged }, { weight: 2, arbitrary: binary });

const slot = fc.constantFrom('handler', 'event', 'env', 'key', 'resource', 'custom', 'annotation');

function serverlessWith(where: string, value: string, bomb?: { anchors: string; top: string }): string {
  const v = (s: string) => (where === s ? value : 'plain');
  return [
    'service: fuzz',
    'provider:',
    '  name: aws',
    `  stage: ${v('custom')}`,
    bomb ? `x-bomb:\n${bomb.anchors}` : '',
    'functions:',
    `  ${where === 'key' ? value.replace(/\n/g, ' ') : 'work'}:`,
    `    handler: ${v('handler')}`,
    '    events:',
    `      - sqs: ${bomb ? bomb.top : v('event')}`,
    `      - s3: ${v('event')}`,
    '    environment:',
    `      X: ${bomb ? bomb.top : v('env')}`,
    'resources:',
    '  Resources:',
    `    Q: ${where === 'resource' ? value : '{Type: AWS::SQS::Queue}'}`,
    'custom:',
    '  pipelineLens:',
    '    functions:',
    `      work: {rate: ${where === 'annotation' ? value.replace(/\n/g, ' ') : '5/s'}}`,
    '',
  ].join('\n');
}

function samWith(where: string, value: string, bomb?: { anchors: string; top: string }): string {
  return [
    'Transform: AWS::Serverless-2016-10-31',
    bomb ? `Mappings:\n${bomb.anchors}` : '',
    'Resources:',
    '  Fn:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    `      Handler: ${where === 'handler' ? value : 'h'}`,
    '      Environment:',
    `        Variables: {X: ${bomb ? bomb.top : where === 'env' ? value.replace(/\n/g, ' ') : 'y'}}`,
    '      Events:',
    '        E:',
    '          Type: S3',
    `          Properties: {Bucket: ${where === 'event' ? value.replace(/\n/g, ' ') : '!Ref B'}, Events: s3:ObjectCreated:*}`,
    '  B:',
    `    Type: ${where === 'resource' ? value : 'AWS::S3::Bucket'}`,
    '',
  ].join('\n');
}

export const hostileArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(slot, hostileValue).map(([where, value]) => serverlessWith(where, value)) },
  { weight: 3, arbitrary: fc.tuple(slot, hostileValue).map(([where, value]) => samWith(where, value)) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 12 }), fc.boolean()).map(([levels, width, sam]) => (sam ? samWith('', '', aliasBomb(levels, width)) : serverlessWith('', '', aliasBomb(levels, width)))) },
  { weight: 1, arbitrary: hostileValue },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 500 }) },
);
