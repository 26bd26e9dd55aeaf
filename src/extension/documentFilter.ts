// Which editor documents Pipeline Lens looks at: YAML files (by language or name). Recognition itself is by content
// (analysis.format), so a GitHub workflow or a k8s manifest is parsed once and then left alone.
import * as vscode from 'vscode';
import { isPipelineFileName, isYamlFileName } from './present/fileNames';

export const YAML_SELECTOR: vscode.DocumentSelector = [
  { language: 'yaml' },
  { pattern: '**/*.{yml,yaml}' },
];

/** A document worth analysing: YAML by language or extension, in a real or virtual (not output/git) scheme. */
export function isCandidate(document: vscode.TextDocument): boolean {
  if (document.uri.scheme === 'output' || document.uri.scheme === 'git' || document.uri.scheme === 'vscode-scm') return false;
  return document.languageId === 'yaml' || isYamlFileName(document.uri.path);
}

/** Files whose name says "pipeline": these show parse errors even when broken YAML hides the format. */
export function isNamedPipelineFile(document: vscode.TextDocument): boolean {
  return isPipelineFileName(document.uri.path);
}
