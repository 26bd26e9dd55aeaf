// Dispatch a parsed document to the reader of its format.
import type { Format, PipelineModel } from '../model';
import type { ParsedYaml } from '../parse/parseYaml';

export interface ReadContext {
  parsed: ParsedYaml;
  /** Absolute or workspace path of the file, for `${file()}` includes. */
  path?: string;
  /** Reads a file next to the analysed one (for `${file()}`); undefined when missing. Never executes anything. */
  readFile?: (path: string) => string | undefined;
}

/** PLACEHOLDER until the readers land (issue 3): returns an empty model of the detected format. */
export function readModel(format: Format, context: ReadContext): PipelineModel {
  void context;
  return { format, nodes: [], edges: [], problems: [] };
}
