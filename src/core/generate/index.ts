// Design file (*.pipeline.yaml) -> a deployment file: serverless.yml (Serverless Framework v3) or a SAM template.
// Pure: text in, text out. A design that cannot be read (not a design, YAML errors, invalid keys, unknown ids) is
// refused with its problems, rather than generated from guesses.
import { parseYaml } from '../parse/parseYaml';
import { detectFormat } from '../parse/detectFormat';
import { readPipeline } from '../read/pipeline/index';
import { LineIndex } from '../text/lines';
import { planDesign } from './planDesign';
import type { Target } from './plan';
import { writeServerless } from './serverless';
import { writeSam } from './sam';

export type { Target } from './plan';
export const TARGETS: readonly Target[] = ['serverless', 'sam'];

export type GenerateResult = { ok: true; text: string } | { ok: false; error: string };

/** `designFile` is how the header names the design (a path relative to the output, or its file name). */
export function generate(designText: string, target: Target, designFile: string): GenerateResult {
  const parsed = parseYaml(designText);
  if (detectFormat(parsed.doc) !== 'pipeline') {
    return { ok: false, error: `${designFile} is not a pipeline design: it needs a top-level \`pipeline:\` mapping (docs/pipeline-format.md).` };
  }
  const model = readPipeline({ parsed, path: designFile });
  const problems = [...parsed.problems, ...model.problems];
  if (problems.length > 0) {
    const lines = new LineIndex(designText);
    const listed = problems.map((p) => `  line ${lines.positionAt(p.span.start).line + 1}: ${p.message}`);
    return { ok: false, error: `${designFile} cannot be generated until these are fixed:\n${listed.join('\n')}` };
  }
  const plan = planDesign(model, designText, parsed.doc, designFile, target);
  return { ok: true, text: target === 'sam' ? writeSam(plan) : writeServerless(plan) };
}
