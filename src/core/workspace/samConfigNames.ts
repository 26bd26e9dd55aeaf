// Which files are SAM configs and which templates they name (no parser here: the extension host reads these).

export type SamConfigFormat = 'toml' | 'yaml';

/** `samconfig.toml` -> 'toml', `samconfig.yaml`/`.yml` -> 'yaml', anything else undefined. */
export function samConfigFormat(fileName: string): SamConfigFormat | undefined {
  const match = /(^|[\\/])samconfig\.(toml|ya?ml)$/i.exec(fileName);
  return match ? (match[2].toLowerCase() === 'toml' ? 'toml' : 'yaml') : undefined;
}

/** The templates `sam deploy` would deploy from that folder (its default names). */
export const SAM_TEMPLATE_NAMES = ['template.yaml', 'template.yml'];
