// The fix registry: which fixes a finding offers, and the exact text edits of one. A fix is offered only when its
// edits can be computed safely on this file; the preferred fix comes first, ignore-rule last.
import type { Analysis } from '../analyze';
import type { DeclinedFix, Finding, Fix, FixOffer } from '../findings';
import { mergeEdits } from '../edit/apply';
import { fixContext, type FixContext, type FixDefinition } from './context';
import { ignoreRule } from './ignore-rule';
import { insertBufferQueue } from './insert-buffer-queue';
import { addRedrivePolicy } from './add-redrive-policy';
import { raiseVisibilityTimeout } from './raise-visibility-timeout';
import { addOnFailureDestination } from './add-on-failure-destination';
import { setParallelizationFactor } from './set-parallelization-factor';
import { setReservedConcurrency } from './set-reserved-concurrency';
import { addStateTable } from './add-state-table';
import { insertChainQueue } from './insert-chain-queue';

export const FIXES: readonly FixDefinition[] = [insertBufferQueue, insertChainQueue, addOnFailureDestination, addRedrivePolicy, raiseVisibilityTimeout, setParallelizationFactor, setReservedConcurrency, addStateTable, ignoreRule];

/** Fixes the core can make for this finding. */
export function fixOffers(analysis: Analysis, finding: Finding): FixOffer[] {
  const ctx = fixContext(analysis, finding);
  if (!ctx) return [];
  const offers: FixOffer[] = [];
  for (const fix of FIXES) {
    if (!fix.rules.includes(finding.rule)) continue;
    const title = safely(() => fix.title(ctx));
    if (title) offers.push({ id: fix.id, title, preferred: preferredFor(fix, ctx) });
  }
  return offers;
}

/** Fixes not offered for this finding whose reason the user should know (data safety). */
export function declinedFixes(analysis: Analysis, finding: Finding): DeclinedFix[] {
  const ctx = fixContext(analysis, finding);
  if (!ctx) return [];
  const declined: DeclinedFix[] = [];
  for (const fix of FIXES) {
    if (!fix.rules.includes(finding.rule) || !fix.declined || finding.fixes.some((o) => o.id === fix.id)) continue;
    const why = safely(() => fix.declined!(ctx));
    if (why) declined.push({ id: fix.id, ...why });
  }
  return declined;
}

/** The edits of one offered fix, computed on demand; undefined when it cannot be made safely. */
export function computeFix(analysis: Analysis, finding: Finding, fixId: string): Fix | undefined {
  const fix = FIXES.find((f) => f.id === fixId && f.rules.includes(finding.rule));
  const ctx = fixContext(analysis, finding);
  if (!fix || !ctx) return undefined;
  const title = safely(() => fix.title(ctx));
  const edits = title ? safely(() => fix.edits(ctx)) : undefined;
  if (!title || !edits || edits.length === 0) return undefined;
  return { id: fix.id, title, preferred: preferredFor(fix, ctx), edits: mergeEdits(edits) };
}

function preferredFor(fix: FixDefinition, ctx: FixContext): boolean {
  return fix.isPreferred ? safely(() => fix.isPreferred!(ctx)) === true : fix.preferred;
}

/** A fix that throws on an odd file is a fix not offered, never an exception in the editor. */
function safely<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}
