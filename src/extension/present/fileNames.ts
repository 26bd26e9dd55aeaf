// File-name patterns of pipeline files (pure: no editor types, unit-tested).

const PIPELINE_NAME = /(^|\/)(serverless\.ya?ml|template\.ya?ml|[^/]+\.pipeline\.ya?ml)$/i;

export function isYamlFileName(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** serverless.yml/.yaml, template.yaml/.yml, *.pipeline.yaml/.yml: the names the extension activates on. */
export function isPipelineFileName(path: string): boolean {
  return PIPELINE_NAME.test(path);
}

/** Folders never scanned (build output, dependencies). Mirrors the CLI's skip list (CONTRACT.md section 3). */
export const SKIPPED_FOLDERS = ['node_modules', '.serverless', '.aws-sam', '.git'];
