// The fix registry: which fixes a finding offers, and the exact text edits of one. PLACEHOLDER until issue 4's
// fixes land; the signatures are the contract the analysis, the extension and the CLI use.
import type { Analysis } from '../analyze';
import type { Finding, Fix, FixOffer } from '../findings';

/** Fixes the core can make for this finding (cheap: no edits computed). */
export function fixOffers(_analysis: Analysis, _finding: Finding): FixOffer[] {
  return [];
}

/** The edits of one offered fix, computed on demand; undefined when it cannot be made safely. */
export function computeFix(_analysis: Analysis, _finding: Finding, _fixId: string): Fix | undefined {
  return undefined;
}
