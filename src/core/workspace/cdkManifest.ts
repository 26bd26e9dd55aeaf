// CDK's cloud assembly manifest (`cdk.out/manifest.json`): which template file is which stack, so `${cf:}` and
// exports that name a stack can be joined to the template CDK synthesized for it.

/** Template file (relative to the manifest's folder) -> stack name. Bad input gives an empty map, never throws. */
export function cdkStackNames(manifestText: string): Map<string, string> {
  const out = new Map<string, string>();
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestText);
  } catch {
    return out;
  }
  const artifacts = (manifest as { artifacts?: Record<string, unknown> } | null)?.artifacts;
  if (!artifacts || typeof artifacts !== 'object') return out;
  for (const [id, artifact] of Object.entries(artifacts)) {
    const a = artifact as { type?: unknown; properties?: { templateFile?: unknown; stackName?: unknown } } | null;
    if (a?.type !== 'aws:cloudformation:stack' || typeof a.properties?.templateFile !== 'string') continue;
    out.set(a.properties.templateFile, typeof a.properties.stackName === 'string' ? a.properties.stackName : id);
  }
  return out;
}
