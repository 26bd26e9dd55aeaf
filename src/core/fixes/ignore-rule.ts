// ignore-rule: `# pipeline-lens-ignore <rule-id>` on the line above the finding. Offered for every finding (except
// broken YAML, which no comment can silence), never preferred: the other fixes repair, this one only hides.
import { commentAbove } from '../edit';
import type { FixDefinition } from './context';

export const ignoreRule: FixDefinition = {
  id: 'ignore-rule',
  rules: [
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
  ],
  preferred: false,
  title: (ctx) => `Ignore ${ctx.finding.rule} here (# pipeline-lens-ignore)`,
  edits: (ctx) => commentAbove(ctx.edit, ctx.finding.span.start, `pipeline-lens-ignore ${ctx.finding.rule}`),
};
