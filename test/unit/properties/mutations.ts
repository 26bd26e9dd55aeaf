// Random edits of real YAML: insertions of YAML-significant tokens and bytes at random offsets, deletions, line
// duplication and swaps, truncation, and whole-file transforms (CRLF, BOM, tab indentation).
import fc from 'fast-check';
import { SEED_FILES } from './seeds';

/** Tokens that change how YAML reads, plus the variables, tags and bytes our readers treat specially. */
const TOKENS = [
  ':', ': ', '- ', '  ', '    ', '\t', '\n', '\r\n', '\r', '#', ' # c', '&a ', '*a', '<<: *a', '!Ref ', '!Sub ', '!GetAtt ',
  '!Unknown ', '!!binary ', '!<tag:x> ', '{', '}', '[', ']', ',', '"', "'", '|', '>-', '---\n', '...\n', '?', '%YAML 1.2\n',
  '\uFEFF', '\u0000', '\u0085', '\u2028', '\uD800', 'null', '~', '0x1F', '1e400', '-0', 'yes', '${sls:stage}',
  '${self:custom.x}', '${opt:stage, "dev"}', '${file(./x.yml)}', '${env:X}', '${', '}}', 'Fn::Sub', 'Ref', 'Type: AWS::S3::Bucket',
  'events:', '- s3: b', '- sqs: arn:aws:sqs:us-east-1:1:q', 'rate: 5/s', 'duration: 1s', 'shards: -1', 'stateful: maybe',
];

export type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; other: number }
  | { kind: 'truncate'; at: number };

const position = fc.nat({ max: 1_000_000 });

const insertText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, text: insertText }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate-line' as const), at: position }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap-lines' as const), at: position, other: position }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
);

export function applyEdit(text: string, edit: Edit): string {
  const at = edit.at % (text.length + 1);
  switch (edit.kind) {
    case 'insert':
      return text.slice(0, at) + edit.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + edit.length);
    case 'truncate':
      return text.slice(0, at);
    case 'duplicate-line':
    case 'swap-lines': {
      const lines = text.split('\n');
      const i = edit.at % lines.length;
      if (edit.kind === 'duplicate-line') lines.splice(i, 0, lines[i]);
      else {
        const j = edit.other % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      return lines.join('\n');
    }
  }
}

export type Transform = 'none' | 'crlf' | 'bom' | 'tabs' | 'cr';

export const transformArb = fc.constantFrom<Transform>('none', 'none', 'none', 'crlf', 'bom', 'tabs', 'cr');

/** Whole-file changes editors and other platforms make: CRLF line ends, a byte order mark, tab indentation. */
export function applyTransform(text: string, transform: Transform): string {
  switch (transform) {
    case 'none':
      return text;
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'cr':
      return text.replace(/\r?\n/g, '\r');
    case 'bom':
      return '\uFEFF' + text;
    case 'tabs':
      return text.replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2));
  }
}

export interface Mutated {
  seed: string;
  edits: Edit[];
  transform: Transform;
}

export const mutatedArb = (minEdits: number, maxEdits: number): fc.Arbitrary<Mutated> =>
  fc.record({
    seed: fc.constantFrom(...SEED_FILES.map((s) => s.name)),
    edits: fc.array(editArb, { minLength: minEdits, maxLength: maxEdits }),
    transform: transformArb,
  });

export function mutatedText(m: Mutated): string {
  const seed = SEED_FILES.find((s) => s.name === m.seed)!.text;
  return applyTransform(m.edits.reduce(applyEdit, seed), m.transform);
}
