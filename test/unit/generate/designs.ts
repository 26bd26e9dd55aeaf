// The designs generation is checked on: every example design, and our fixtures covering each source type.
// Golden outputs live in test/golden/generate/<design>.serverless.yml and <design>.template.yaml.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generate, type Target } from '../../../src/core/generate';

const REPO = path.join(__dirname, '..', '..', '..');
export const GOLDEN_GENERATE_DIR = path.join(REPO, 'test', 'golden', 'generate');

/** Fixtures of ours (test/fixtures/pipeline) that generate; orders.pipeline.yaml holds mistakes on purpose. */
const FIXTURES = ['s3-ingest', 'fan-in', 'change-stream'];

export interface DesignCase {
  name: string;
  path: string;
  text: string;
}

export function designCases(): DesignCase[] {
  const examples = fs.readdirSync(path.join(REPO, 'examples', 'design')).filter((f) => f.endsWith('.pipeline.yaml')).sort()
    .map((f) => path.join(REPO, 'examples', 'design', f));
  const fixtures = FIXTURES.map((name) => path.join(REPO, 'test', 'fixtures', 'pipeline', `${name}.pipeline.yaml`));
  return [...examples, ...fixtures].map((file) => ({
    name: path.basename(file).replace(/\.pipeline\.yaml$/, ''),
    path: file,
    text: fs.readFileSync(file, 'utf8'),
  }));
}

export const GOLDEN_SUFFIX: Readonly<Record<Target, string>> = { serverless: '.serverless.yml', sam: '.template.yaml' };

export function goldenPath(design: DesignCase, target: Target): string {
  return path.join(GOLDEN_GENERATE_DIR, `${design.name}${GOLDEN_SUFFIX[target]}`);
}

/** The generated text, as the golden files hold it (the header names the design by its file name). */
export function generated(design: DesignCase, target: Target): string {
  const result = generate(design.text, target, path.basename(design.path));
  if (!result.ok) throw new Error(`${design.name} did not generate: ${result.error}`);
  return result.text;
}
