// "Ignore this rule here": the `# pipeline-lens-ignore <rule-id>` line (CONTRACT.md section 2) inserted above the
// finding's line, indented like it, with the file's own line ending. Pure: returns one TextEdit.
import type { RuleId, TextEdit } from '../../core/findings';

export function ignoreRuleEdit(text: string, offset: number, rule: RuleId): TextEdit {
  const lineStart = offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { start: lineStart, end: lineStart, newText: `${indent}# pipeline-lens-ignore ${rule}${eol}` };
}

export function ignoreFileEdit(text: string, rule: RuleId): TextEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // The first line: where people look for file-wide switches.
  return { start: 0, end: 0, newText: `# pipeline-lens-ignore-file ${rule}${eol}` };
}
