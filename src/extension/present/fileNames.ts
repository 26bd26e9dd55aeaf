// File-name patterns of pipeline files (pure: no editor types, unit-tested).

const PIPELINE_NAME = /(^|\/)(serverless\.ya?ml|template\.ya?ml|[^/]+\.pipeline\.ya?ml)$/i;

export function isYamlFileName(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** `*.template.json` (CDK's cdk.out, `sam build`, hand-written JSON templates). */
export function isCloudFormationJsonName(path: string): boolean {
  return /\.template\.json$/i.test(path);
}

/**
 * JSON text that looks like a CloudFormation template (a `Resources` key and an `AWS::` type), checked before any
 * parse so package.json, tsconfig.json and the like cost nothing.
 */
export function looksLikeCloudFormationJson(text: string): boolean {
  return /^\s*\{/.test(text) && /"Resources"\s*:/.test(text) && /"Type"\s*:\s*"AWS::/.test(text);
}

/** serverless.yml/.yaml, template.yaml/.yml, *.pipeline.yaml/.yml: the names the extension activates on. */
export function isPipelineFileName(path: string): boolean {
  return PIPELINE_NAME.test(path);
}

/** The names the workspace scan looks for (PIPELINE_GLOB): pipeline YAML names and CloudFormation JSON templates. */
export function isPipelineFilePath(path: string): boolean {
  return isPipelineFileName(path) || isCloudFormationJsonName(path);
}

/** Folders never scanned (build output, dependencies). Mirrors the CLI's skip list (CONTRACT.md section 3). */
export const SKIPPED_FOLDERS = ['node_modules', '.serverless', '.aws-sam', '.git'];
