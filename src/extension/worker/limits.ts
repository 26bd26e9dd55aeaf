// Files Pipeline Lens does not analyse, and the reason the user is told (pure).
const BINARY_PROBE_CHARS = 8 * 1024;

/** Why this text is not analysed (too large, binary), or undefined when it is analysed. */
export function skipReason(text: string, maxFileSizeMB: number): string | undefined {
  const limitBytes = maxFileSizeMB * 1024 * 1024;
  // A UTF-16 length under a third of the limit cannot exceed it in UTF-8; only near the limit count exactly.
  if (text.length * 3 > limitBytes) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > limitBytes) {
      return `not analysed: the file is ${(bytes / (1024 * 1024)).toFixed(1)} MB, above the ${maxFileSizeMB} MB limit (setting pipelineLens.maxFileSizeMB)`;
    }
  }
  if (text.slice(0, BINARY_PROBE_CHARS).includes('\0')) return 'not analysed: the file looks binary (it has NUL bytes), not YAML';
  return undefined;
}

const PIPELINE_MARKERS = /AWSTemplateFormatVersion|AWS::Serverless|AWS::Lambda::|^provider:|^functions:|^stages:/m;
const MARKER_PROBE_CHARS = 64 * 1024;

/** Whether a skipped file is worth telling about: named like a pipeline file, or its start reads like one. Other
 * big YAML (Kubernetes manifests, data files) is skipped quietly. */
export function looksLikePipeline(text: string, named: boolean): boolean {
  return named || PIPELINE_MARKERS.test(text.slice(0, MARKER_PROBE_CHARS));
}
