// `check --format json`: exactly the shape of CONTRACT.md section 4 (0-based ranges).
import type { Span } from '../../core/model';
import type { Range } from '../../core/text/lines';
import type { FileResult } from './results';

export const JSON_OUTPUT_VERSION = 1;

export function jsonOutput(results: FileResult[]): object {
  return {
    version: JSON_OUTPUT_VERSION,
    files: results.map(({ path, analysis, lines }) => {
      const range = (span: Span): Range => lines.rangeOf(span);
      return {
        path,
        format: analysis.format,
        functions: analysis.functions.map((f) => ({
          id: f.id,
          name: f.name,
          memoryMb: f.memoryMb,
          timeoutS: f.timeoutS,
          architecture: f.architecture,
          load: {
            ratePerSecond: f.load.ratePerSecond,
            durationMs: f.load.durationMs,
            declared: f.load.declared,
            ...(f.load.source ? { source: f.load.source } : {}),
            ...(f.load.measuredAt ? { measuredAt: f.load.measuredAt } : {}),
          },
          cost: f.cost ? { perInvocationUsd: f.cost.perInvocationUsd, perDayUsd: f.cost.perDayUsd, perMonthUsd: f.cost.perMonthUsd } : null,
          concurrency: { expected: f.concurrency.expected, cap: f.concurrency.cap, capReason: f.concurrency.capReason },
          range: range(f.span),
        })),
        nodes: analysis.model.nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label })),
        edges: analysis.model.edges.map((e) => ({ from: e.from, to: e.to, kind: e.kind })),
        findings: analysis.findings.map((finding) => ({
          rule: finding.rule,
          severity: finding.severity,
          message: finding.message,
          ...(finding.node !== undefined ? { node: finding.node } : {}),
          range: range(finding.span),
          fixes: finding.fixes.map((fix) => fix.title),
        })),
      };
    }),
  };
}

export function formatJson(results: FileResult[]): string {
  return JSON.stringify(jsonOutput(results), null, 2) + '\n';
}
