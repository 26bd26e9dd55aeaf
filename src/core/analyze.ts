// The one entry point: text in, analysis out. The extension, the CLI, the graph and the tests all call this.
import type { Format, PipelineModel } from './model';
import type { Finding } from './findings';
import type { FunctionReport } from './report';
import { parseYaml, type ParsedYaml } from './parse/parseYaml';
import { detectFormat } from './parse/detectFormat';
import { readModel } from './read/index';
import { resolveSettings, type DeepPartial, type Settings } from './settings';

export interface AnalyzeOptions {
  path?: string;
  settings?: DeepPartial<Settings>;
  /** Synchronous read of a workspace file for `${file()}` includes. */
  readFile?: (path: string) => string | undefined;
}

export interface Analysis {
  path?: string;
  /** null when the file is not a pipeline file we recognise. */
  format: Format | null;
  parsed: ParsedYaml;
  model: PipelineModel;
  findings: Finding[];
  functions: FunctionReport[];
  settings: Settings;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const settings = resolveSettings(options.settings);
  const parsed = parseYaml(text);
  const format = detectFormat(parsed.doc);
  const model: PipelineModel = format
    ? readModel(format, { parsed, path: options.path, readFile: options.readFile })
    : { format: 'pipeline', nodes: [], edges: [], problems: [] };
  const parseFindings: Finding[] = parsed.problems.map((p) => ({
    rule: p.rule,
    severity: 'error',
    message: p.message,
    span: p.span,
    related: [],
    fixes: [],
  }));
  return { path: options.path, format, parsed, model, findings: parseFindings, functions: [], settings };
}
