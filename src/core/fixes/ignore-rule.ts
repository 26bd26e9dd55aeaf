// ignore-rule: `# pipeline-lens-ignore <rule-id>` on the line above the finding. Offered for every finding (except
// broken YAML, which no comment can silence), never preferred: the other fixes repair, this one only hides.
import { commentAbove } from '../edit';
import { RULE_IDS } from '../findings';
import type { FixDefinition } from './context';

export const ignoreRule: FixDefinition = {
  id: 'ignore-rule',
  rules: RULE_IDS.filter((rule) => rule !== 'parse-error'),
  preferred: false,
  // JSON has no comments: there the finding is silenced through settings (pipelineLens.severities) instead.
  title: (ctx) => (ctx.edit.json ? undefined : `Ignore ${ctx.finding.rule} here (# pipeline-lens-ignore)`),
  edits: (ctx) => commentAbove(ctx.edit, ctx.finding.span.start, `pipeline-lens-ignore ${ctx.finding.rule}`),
};
