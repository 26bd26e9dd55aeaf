// Which editor documents Pipeline Lens looks at: YAML files (by language or name), and JSON files that look like
// CloudFormation templates. Recognition itself is by content (analysis.format), so a GitHub workflow or a k8s
// manifest is parsed once and then left alone.
import * as vscode from 'vscode';
import { isCloudFormationJsonName, isPipelineFileName, isYamlFileName, looksLikeCloudFormationJson } from './present/fileNames';

export const YAML_SELECTOR: vscode.DocumentSelector = [
  { language: 'yaml' },
  { pattern: '**/*.{yml,yaml}' },
  { language: 'json' },
  { pattern: '**/*.template.json' },
];

/** JSON larger than this is not checked for CloudFormation content (generated data, lock files). */
const MAX_JSON_CHARS = 5_000_000;

/** A document worth analysing: YAML by language or extension, in a real or virtual (not output/git) scheme. */
export function isCandidate(document: vscode.TextDocument): boolean {
  if (document.uri.scheme === 'output' || document.uri.scheme === 'git' || document.uri.scheme === 'vscode-scm') return false;
  if (document.languageId === 'yaml' || isYamlFileName(document.uri.path)) return true;
  const json = document.languageId === 'json' || document.languageId === 'jsonc' || isCloudFormationJsonName(document.uri.path);
  return json && document.getText().length <= MAX_JSON_CHARS && looksLikeCloudFormationJson(document.getText());
}

/** Files whose name says "pipeline": these show parse errors even when broken YAML hides the format. */
export function isNamedPipelineFile(document: vscode.TextDocument): boolean {
  return isPipelineFileName(document.uri.path);
}
