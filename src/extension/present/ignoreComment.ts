// "Ignore this rule in this file": a `# pipeline-lens-ignore-file <rule-id>` line (CONTRACT.md section 2) at the top,
// with the file's own line ending. Pure: returns one TextEdit. (The per-line comment is the core's ignore-rule fix.)
import type { RuleId, TextEdit } from '../../core/findings';

export function ignoreFileEdit(text: string, rule: RuleId): TextEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // The first line: where people look for file-wide switches.
  return { start: 0, end: 0, newText: `# pipeline-lens-ignore-file ${rule}${eol}` };
}
