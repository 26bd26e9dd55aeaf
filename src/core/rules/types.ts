// What a rule is: (model, settings, reports) -> findings with the rule's default severity. The index runs them all;
// analyze() then applies severity settings, ignore comments and fix offers.
import type { Finding, RuleId, Severity, RelatedLocation } from '../findings';
import type { PipelineModel, Span } from '../model';
import type { FunctionReport } from '../report';
import type { Settings } from '../settings';

export type Rule = (model: PipelineModel, settings: Settings, reports: FunctionReport[]) => Finding[];

/** Default severities (CONTRACT.md section 2); a rule may pick another one for a worse case (visibility timeout). */
export const DEFAULT_SEVERITY: Record<RuleId, Severity> = {
  'stateful-without-store': 'warning',
  'async-without-buffer': 'warning',
  'stream-retry-unbounded': 'warning',
  'queue-without-dlq': 'warning',
  'visibility-timeout-too-short': 'warning',
  'throughput-exceeds-concurrency': 'error',
  'downstream-unprotected': 'warning',
  'chained-without-buffer': 'info',
  'cost-above-cluster': 'warning',
  'invalid-annotation': 'error',
  'unresolved-reference': 'info',
  'parse-error': 'error',
};

export interface FindingInput {
  message: string;
  span: Span;
  node?: string;
  edge?: string;
  related?: RelatedLocation[];
  severity?: Severity;
}

export function finding(rule: RuleId, input: FindingInput): Finding {
  return {
    rule,
    severity: input.severity ?? DEFAULT_SEVERITY[rule],
    message: input.message,
    node: input.node,
    edge: input.edge,
    span: input.span,
    related: input.related ?? [],
    fixes: [],
  };
}
