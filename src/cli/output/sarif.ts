// `check --format sarif`: SARIF 2.1.0 with our rule ids as ruleId, for GitHub code scanning.
import { RULE_IDS, ruleDocsUrl, type Severity } from '../../core/findings';
import type { FileResult } from './results';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

const RULE_SUMMARIES: Record<(typeof RULE_IDS)[number], string> = {
  'stateful-without-store': 'A stateful step keeps its state nowhere durable',
  'async-without-buffer': 'An asynchronous source invokes a function with nothing catching failed events',
  'stream-retry-unbounded': 'A stream mapping retries a failing batch until its records expire',
  'queue-without-dlq': 'An SQS queue feeding a function has no dead-letter queue',
  'visibility-timeout-too-short': 'SQS visibility timeout is short against the function timeout',
  'throughput-exceeds-concurrency': 'Expected concurrency exceeds the cap the trigger allows',
  'downstream-unprotected': 'A scalable function writes to a capacity-limited store without a concurrency cap',
  'chained-without-buffer': 'A function hands its output straight to another function',
  'cost-above-cluster': 'Expected daily cost exceeds an always-on reference cluster',
  'invalid-annotation': 'A pipelineLens annotation cannot be read',
  'unresolved-reference': 'A reference the analysis needs is not defined in this file',
  'parse-error': 'The YAML cannot be parsed',
};

export function sarifOutput(results: FileResult[], toolVersion: string): object {
  const ruleIndex = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pipeline-lens',
            version: toolVersion,
            informationUri: 'https://github.com/pipeline-lens/pipeline-lens',
            rules: RULE_IDS.map((id) => ({
              id,
              name: id,
              shortDescription: { text: RULE_SUMMARIES[id] },
              helpUri: ruleDocsUrl(id),
            })),
          },
        },
        artifacts: results.map((r) => ({ location: { uri: r.path } })),
        results: results.flatMap(({ path, analysis, lines }, artifactIndex) =>
          analysis.findings.map((finding) => {
            const { start, end } = lines.rangeOf(finding.span);
            return {
              ruleId: finding.rule,
              ruleIndex: ruleIndex.get(finding.rule),
              level: LEVEL[finding.severity],
              message: { text: finding.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: path, index: artifactIndex },
                    region: {
                      startLine: start.line + 1,
                      startColumn: start.character + 1,
                      endLine: end.line + 1,
                      endColumn: end.character + 1,
                    },
                  },
                },
              ],
            };
          }),
        ),
      },
    ],
  };
}

export function formatSarif(results: FileResult[], toolVersion: string): string {
  return JSON.stringify(sarifOutput(results, toolVersion), null, 2) + '\n';
}
