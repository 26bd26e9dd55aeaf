// The outputs the real tools check: every golden expected file of the fixes and of the what-if's Apply to YAML,
// with its input, by format.
import * as fs from 'node:fs';
import { parse } from 'yaml';
import { analyze } from '../../src/core/analyze';
import { FIXES } from '../../src/core/fixes';
import { goldenCases, type GoldenCase } from '../unit/fixes/golden';

export interface ToolCase extends GoldenCase {
  format: string | null;
  input: string;
  output: string;
}

export function toolCases(): ToolCase[] {
  return [...FIXES.map((fix) => fix.id), 'what-if'].flatMap((id) => goldenCases(id)).map((c) => {
    const input = fs.readFileSync(c.inputPath, 'utf8');
    return { ...c, input, output: fs.readFileSync(c.expectedPath, 'utf8'), format: analyze(input).format };
  });
}

/** Logical ids and types of the CloudFormation resources a file declares (serverless: resources.Resources). */
export function declaredResources(text: string, serverless: boolean): Map<string, string> {
  const doc = parse(text, { customTags: cfnTagsPassThrough() }) as Record<string, unknown>;
  const resources = (serverless ? (doc.resources as Record<string, unknown> | undefined)?.Resources : doc.Resources) as
    | Record<string, { Type?: string }>
    | undefined;
  return new Map(Object.entries(resources ?? {}).map(([id, r]) => [id, String(r?.Type ?? '')]));
}

/** Lets the tests read templates with short tags without caring about their values. */
function cfnTagsPassThrough() {
  return ['Ref', 'GetAtt', 'Sub', 'Join', 'If', 'Select', 'Split', 'ImportValue', 'FindInMap', 'Equals', 'Not', 'And', 'Or', 'Base64', 'GetAZs', 'Condition'].flatMap(
    (name) => [
      { tag: `!${name}`, resolve: (v: unknown) => v },
      { tag: `!${name}`, collection: 'seq' as const, resolve: (v: unknown) => v },
      { tag: `!${name}`, collection: 'map' as const, resolve: (v: unknown) => v },
    ],
  ) as never;
}
