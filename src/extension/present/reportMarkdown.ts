// The exported report (command Export Report): a Markdown summary of costs and findings per file (pure).
import type { AnalysisFacts as Analysis } from '../worker/protocol';
import { LineIndex } from '../../core/text/lines';
import { concurrency, duration, rate, usd } from './numbers';
import { capText, measuredText } from './hintText';
import type { PipelineSummary } from '../../protocol';

export interface ReportFile {
  /** Path shown in the report (workspace-relative). */
  path: string;
  analysis: Analysis;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** `pipelines`: the joined workspace's pipelines (when the workspace is joined); those across files are listed. */
export function reportMarkdown(files: ReportFile[], generatedAt: Date, pipelines: PipelineSummary[] = []): string {
  const out: string[] = ['# Pipeline Lens report', '', `Generated ${generatedAt.toISOString()} · ${files.length} file${files.length === 1 ? '' : 's'}`, ''];
  const all = files.flatMap((f) => f.analysis.functions);
  const known = all.filter((r) => r.cost);
  const totalDay = known.reduce((sum, r) => sum + (r.cost?.perDayUsd ?? 0), 0);
  const totalMonth = known.reduce((sum, r) => sum + (r.cost?.perMonthUsd ?? 0), 0);
  const counts = countFindings(files.flatMap((f) => f.analysis.findings));
  out.push(`**Total:** ${usd(totalDay)}/day (${usd(totalMonth)}/month) for ${known.length} of ${all.length} functions with a known load · ` +
    `${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos`, '');
  out.push(...pipelineSection(pipelines));
  for (const file of files) out.push(...fileSection(file));
  return out.join('\n');
}

function fileSection({ path, analysis }: ReportFile): string[] {
  const out = [`## ${cell(path)} (${analysis.format ?? 'unrecognised'})`, ''];
  if (analysis.functions.length > 0) {
    out.push('| function | memory | load | $/day | $/month | $ a call | concurrency |', '|---|---:|---|---:|---:|---:|---|');
    for (const r of analysis.functions) {
      const load = r.load.ratePerSecond !== null && r.load.durationMs !== null
        ? `${rate(r.load.ratePerSecond)} × ${duration(r.load.durationMs)}${r.load.source === 'measured' ? ` (${measuredText(r)})` : r.load.declared ? '' : ' (assumed)'}`
        : 'unknown';
      const expected = r.concurrency.expected === null ? '?' : `~${concurrency(r.concurrency.expected)}`;
      out.push(`| ${cell(functionLabel(r))} | ${r.memoryMb} MB | ${load} | ${r.cost ? usd(r.cost.perDayUsd) : '?'} | ${r.cost ? usd(r.cost.perMonthUsd) : '?'} | ` +
        `${r.cost ? usd(r.cost.perInvocationUsd) : '?'} | ${expected} (${cell(capText(r))}) |`);
    }
    out.push('');
  }
  const lines = new LineIndex(analysis.parsed.text);
  const findings = [...analysis.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.span.start - b.span.start);
  if (findings.length === 0) out.push('No findings.', '');
  for (const f of findings) {
    const line = lines.positionAt(f.span.start).line + 1;
    out.push(`- **${f.severity}** \`${f.rule}\` (line ${line}): ${f.message.replace(/\s*\n\s*/g, ' ')}`);
  }
  if (findings.length > 0) out.push('');
  return out;
}

/** Pipelines that span several files (joined through exports, `${cf:}`, SSM, ARNs or names). */
function pipelineSection(pipelines: PipelineSummary[]): string[] {
  const across = pipelines.filter((p) => !/ · 1 file,/.test(p.title));
  if (across.length === 0) return [];
  const out = ['## Pipelines across files', ''];
  for (const p of across) {
    const details = [p.busiest?.text, p.lowestCap?.text].filter((t): t is string => t !== undefined);
    out.push(`- **${cell(p.title)}**: ${cell(p.cost)}${details.map((d) => `; ${cell(d)}`).join('')}`);
  }
  out.push('');
  return out;
}

/** The function key people know from the file, with the deployed name when it differs. */
function functionLabel(r: { id: string; name: string }): string {
  return r.name === r.id ? r.id : `${r.id} (${r.name})`;
}

function countFindings(findings: Analysis['findings']): Record<'error' | 'warning' | 'info', number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Text inside a table cell: pipes and line breaks would break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}
