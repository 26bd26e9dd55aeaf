// `provider:` settings every function inherits unless it overrides them (Serverless Framework defaults included).
import type { Architecture } from '../../model';
import type { ServerlessContext } from './context';
import { numberOf, textOf, type Entry, type View } from '../../resolve/view';

export const DEFAULT_MEMORY_MB = 1024;
export const DEFAULT_TIMEOUT_S = 6;
export const DEFAULT_EPHEMERAL_MB = 512;

export interface ProviderDefaults {
  view?: View;
  memory?: View;
  timeout?: View;
  architecture?: View;
  runtime?: string;
  environment: Entry[];
  /** Statement views of `provider.iam.role.statements` and the v1/v2 `provider.iamRoleStatements`. */
  iamStatements: View[];
}

export function readProvider(context: ServerlessContext, root: View): ProviderDefaults {
  const { resolver } = context;
  const provider = resolver.get(root, 'provider');
  const role = resolver.getIn(provider, ['iam', 'role']);
  return {
    view: provider,
    memory: resolver.get(provider, 'memorySize'),
    timeout: resolver.get(provider, 'timeout'),
    architecture: resolver.get(provider, 'architecture'),
    runtime: textOf(resolver.get(provider, 'runtime')),
    environment: resolver.entries(resolver.get(provider, 'environment')),
    iamStatements: [
      ...resolver.items(resolver.get(role, 'statements')),
      ...resolver.items(resolver.get(provider, 'iamRoleStatements')),
    ],
  };
}

/** A number setting (memory, timeout...) or its default; an unresolved value is reported and the default used. */
export function numberSetting(context: ServerlessContext, view: View | undefined, fallback: number, what: string, node: string): number {
  if (!view) return fallback;
  const value = numberOf(view);
  if (value !== undefined) return value;
  if (view.unresolved.length > 0) context.unresolved(view, what, node, `Pipeline Lens assumes ${fallback}.`);
  return fallback;
}

export function architectureOf(view: View | undefined): Architecture {
  return textOf(view) === 'arm64' ? 'arm64' : 'x86_64';
}
