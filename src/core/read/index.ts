// Dispatch a parsed document to the reader of its format.
import type { Format, PipelineModel } from '../model';
import type { ParsedYaml } from '../parse/parseYaml';
import { readServerless } from './serverless/index';
import { readCloudFormation } from './cloudformation/index';
import { readSam } from './sam/index';
import { readPipeline } from './pipeline/index';

export interface ReadContext {
  parsed: ParsedYaml;
  /** Absolute or workspace path of the file, for `${file()}` includes. */
  path?: string;
  /** Reads a file next to the analysed one (for `${file()}`); undefined when missing. Never executes anything. */
  readFile?: (path: string) => string | undefined;
}

/** Reads a document of a detected format into the pipeline model. */
export function readModel(format: Format, context: ReadContext): PipelineModel {
  switch (format) {
    case 'serverless':
      return readServerless(context);
    case 'sam':
      return readSam(context);
    case 'cloudformation':
      return readCloudFormation(context);
    case 'pipeline':
      return readPipeline(context);
  }
}
