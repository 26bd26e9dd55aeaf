// `pipeline-lens fix <file> --rule <id>`: apply the preferred quick fix of every finding of one rule, one at a
// time with a fresh analysis in between (so fixes that touch the same section never collide); print a diff or write.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../core/findings';
import { applyEdits } from '../../core/edit/apply';
import { computeFix } from '../../core/fixes';
import type { Command } from '../args';
import { unifiedDiff } from '../diff';
import type { CliIo } from '../io';
import { analyzeFile, displayPath, readOrReport } from '../load';

function findingKey(f: Finding): string {
  return `${f.rule}|${f.node ?? ''}|${f.edge ?? ''}|${f.message}`;
}

export function runFix(command: Extract<Command, { kind: 'fix' }>, io: CliIo): number {
  const file = path.resolve(io.cwd, command.file);
  const shown = displayPath(file, io.cwd);
  const original = readOrReport(file, io.stderr);
  if (original === undefined) return 2;
  let text = original;
  const tried = new Set<string>();
  const applied: string[] = [];
  const unfixed: string[] = [];
  const initial = analyzeFile(file, text).findings.filter((f) => f.rule === command.rule).length;
  for (let round = 0; round <= initial; round++) {
    const analysis = analyzeFile(file, text);
    const finding = analysis.findings.find((f) => f.rule === command.rule && !tried.has(findingKey(f)));
    if (!finding) break;
    tried.add(findingKey(finding));
    const offer = finding.fixes.find((o) => o.preferred);
    const fix = offer ? computeFix(analysis, finding, offer.id) : undefined;
    if (!fix) {
      unfixed.push(finding.node ?? finding.message);
      continue;
    }
    text = applyEdits(text, fix.edits);
    applied.push(`${fix.title}${finding.node ? ` (${finding.node})` : ''}`);
  }
  if (initial === 0) io.stderr(`pipeline-lens: ${shown} has no ${command.rule} finding\n`);
  for (const title of applied) io.stderr(`pipeline-lens: ${command.write ? 'applied' : 'would apply'}: ${title}\n`);
  for (const what of unfixed) io.stderr(`pipeline-lens: no safe fix for ${command.rule} at ${what}\n`);
  if (command.write) {
    if (text !== original) fs.writeFileSync(file, text, 'utf8');
  } else {
    io.stdout(unifiedDiff(shown, original, text));
  }
  return unfixed.length > 0 ? 1 : 0;
}
