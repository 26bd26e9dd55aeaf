// set-reserved-concurrency (throughput-exceeds-concurrency): when the function's own reservedConcurrency is the
// cap, raise it to the expected concurrency, as long as 100 executions stay unreserved in the account and the
// triggers allow that much.
import type { TextEdit } from '../findings';
import { findingNode, type FixContext, type FixDefinition } from './context';
import { replaceNumberAt } from './mapping';

/** AWS keeps at least 100 concurrent executions unreserved per account and region. */
export const UNRESERVED_MINIMUM = 100;

function plan(ctx: FixContext): { value: number; edits: TextEdit[] } | undefined {
  const fn = findingNode(ctx);
  const report = ctx.analysis.functions.find((r) => r.id === fn?.id);
  const reserved = fn?.fn?.reservedConcurrency;
  const expected = report?.concurrency.expected;
  if (!reserved || !report || expected == null || report.concurrency.capKind !== 'reserved') return undefined;
  const value = Math.ceil(expected);
  if (value <= reserved.value || value > ctx.analysis.settings.accountConcurrencyLimit - UNRESERVED_MINIMUM) return undefined;
  const edits = replaceNumberAt(ctx, reserved.span, value);
  return edits ? { value, edits } : undefined;
}

export const setReservedConcurrency: FixDefinition = {
  id: 'set-reserved-concurrency',
  rules: ['throughput-exceeds-concurrency'],
  preferred: true,
  title: (ctx) => {
    const p = plan(ctx);
    return p ? `Raise reserved concurrency to ${p.value}` : undefined;
  },
  edits: (ctx) => plan(ctx)?.edits,
};
