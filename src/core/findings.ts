// Findings: what a rule says about the model, with where and what to do. Rule ids are CONTRACT.md section 2.
import type { Span } from './model';

export const RULE_IDS = [
  'stateful-without-store',
  'async-without-buffer',
  'stream-retry-unbounded',
  'queue-without-dlq',
  'visibility-timeout-too-short',
  'throughput-exceeds-concurrency',
  'downstream-unprotected',
  'chained-without-buffer',
  'cost-above-cluster',
  'invalid-annotation',
  'unresolved-reference',
  'parse-error',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'error' | 'warning' | 'info';

export function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}

/** A fix the core can compute for a finding; edits are computed on demand by core/fixes (applyFix). */
export interface FixOffer {
  /** Fix kind id, e.g. 'insert-buffer-queue', 'add-redrive-policy'. */
  id: string;
  title: string;
  preferred: boolean;
}

/** A fix the core knows but does not offer for this finding, and why (e.g. it would replace a bucket on other stages). */
export interface DeclinedFix {
  id: string;
  /** What the fix would have done, e.g. 'Insert an SQS buffer queue'. */
  title: string;
  reason: string;
}

export interface RelatedLocation {
  span: Span;
  message: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Says what is wrong in this file, the AWS fact behind it (with its number), and what to do. */
  message: string;
  /** Model node id the finding is about (function, queue...). */
  node?: string;
  /** Edge id when it is about an edge (trigger, chain). */
  edge?: string;
  span: Span;
  related: RelatedLocation[];
  fixes: FixOffer[];
  /** Fixes not offered for a reason the user should know (shown in the hover); absent when there are none. */
  declined?: DeclinedFix[];
}

/** A text edit at exact offsets into the analysed text. Edits of one fix never overlap. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix extends FixOffer {
  edits: TextEdit[];
}

/** Where each rule is documented (a section of docs/rules.md in the repo). */
export function ruleDocsUrl(rule: RuleId): string {
  return `https://github.com/pipeline-lens/pipeline-lens/blob/main/docs/rules.md#${rule}`;
}
