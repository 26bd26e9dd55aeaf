// Runs analyze() over ../shared/corpus and prints findings per rule (and per file with -v): a quick look at what
// the rules say about real templates. Not a benchmark: npx tsx bench/corpus-findings.ts [-v] [rule-id]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../src/core/analyze';
import { RULE_IDS } from '../src/core/findings';
import { LineIndex } from '../src/core/text/lines';

const CORPUS = join(__dirname, '..', '..', 'shared', 'corpus');

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []);
}

const verbose = process.argv.includes('-v');
const only = process.argv.slice(2).find((a) => !a.startsWith('-'));
const counts = new Map<string, number>(RULE_IDS.map((r) => [r, 0]));
let functions = 0;
let withCost = 0;
for (const file of files(CORPUS)) {
  const text = readFileSync(file, 'utf8');
  const analysis = analyze(text, { path: file });
  functions += analysis.functions.length;
  withCost += analysis.functions.filter((f) => f.cost).length;
  const lines = new LineIndex(text);
  for (const f of analysis.findings) {
    counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    if (verbose && (!only || f.rule === only)) {
      console.log(`${relative(CORPUS, file)}:${lines.positionAt(f.span.start).line + 1} ${f.severity} ${f.rule}: ${f.message}`);
    }
  }
}
console.log(`\nfindings per rule over ${files(CORPUS).length} corpus files (${functions} functions, ${withCost} with a cost):`);
for (const [rule, n] of counts) console.log(`  ${rule.padEnd(32)} ${n}`);
