// Compiler-style text output: `path:line:col severity rule message` (1-based line:col), coloured on a TTY only.
import type { Severity } from '../../core/findings';
import type { FileResult } from './results';

const COLOURS: Record<Severity | 'path' | 'dim', string> = { error: '31', warning: '33', info: '36', path: '1', dim: '2' };

export function formatText(results: FileResult[], colour: boolean): string {
  const paint = (kind: keyof typeof COLOURS, text: string) => (colour ? `\u001b[${COLOURS[kind]}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const { path, analysis, lines: index } of results) {
    for (const finding of analysis.findings) {
      const { line, character } = index.positionAt(finding.span.start);
      counts[finding.severity]++;
      const message = finding.message.replace(/\s*\n\s*/g, ' ');
      lines.push(`${paint('path', `${path}:${line + 1}:${character + 1}`)} ${paint(finding.severity, finding.severity)} ${finding.rule} ${message}`);
    }
  }
  const files = results.length === 1 ? '1 file' : `${results.length} files`;
  const summary = `${files} checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info`;
  lines.push(paint('dim', summary));
  return lines.join('\n') + '\n';
}
