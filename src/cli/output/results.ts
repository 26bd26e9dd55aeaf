// One analysed file as the outputs see it: its display path and the analysis.
import type { Analysis } from '../../core/analyze';
import { LineIndex } from '../../core/text/lines';

export interface FileResult {
  /** Path as shown to the user (relative to the working directory, forward slashes). */
  path: string;
  analysis: Analysis;
  lines: LineIndex;
}

export function fileResult(path: string, analysis: Analysis): FileResult {
  return { path, analysis, lines: new LineIndex(analysis.parsed.text) };
}
