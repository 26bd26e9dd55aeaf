// Severity settings: per rule id, a severity replaces the rule's own; 'off' removes its findings.
import type { Finding } from '../findings';
import type { Settings } from '../settings';

export function applySeverities(findings: Finding[], settings: Settings): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = settings.severities[f.rule];
    if (setting === 'off') continue;
    out.push(setting ? { ...f, severity: setting } : f);
  }
  return out;
}
