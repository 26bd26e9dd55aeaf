// SAM CLI's deployment settings (`samconfig.toml`, `samconfig.yaml`/`.yml`): the stack name `sam deploy` gives the
// template beside it, so `${cf:stack.Output}` and `!Sub '${AWS::StackName}-x'` exports can be joined to that
// template. Only the `default` environment counts (what `sam deploy` uses without `--config-env`); its `deploy`
// parameters win over its `global` ones. Bad input gives undefined, never throws.
import { parse } from 'yaml';
import type { SamConfigFormat } from './samConfigNames';

export { samConfigFormat, SAM_TEMPLATE_NAMES, type SamConfigFormat } from './samConfigNames';

export function samConfigStackName(text: string, format: SamConfigFormat): string | undefined {
  try {
    return format === 'toml' ? fromToml(text) : fromYaml(text);
  } catch {
    return undefined;
  }
}

/** The few lines of TOML samconfig uses: `[env.command.parameters]` tables and `key = "value"` pairs. */
function fromToml(text: string): string | undefined {
  const found: Record<string, string> = {};
  let table = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      table = header[1].replace(/["'\s]/g, '');
      continue;
    }
    const pair = /^stack_name\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(line);
    if (pair && !(table in found)) found[table] = pair[1] ?? pair[2];
  }
  return pick(found['default.deploy.parameters'], found['default.global.parameters']);
}

function fromYaml(text: string): string | undefined {
  const config = parse(text, { maxAliasCount: 10 }) as Record<string, Record<string, { parameters?: { stack_name?: unknown } }>> | null;
  const env = config?.default;
  return pick(env?.deploy?.parameters?.stack_name, env?.global?.parameters?.stack_name);
}

function pick(...names: unknown[]): string | undefined {
  return names.find((n): n is string => typeof n === 'string' && n.trim() !== '')?.trim();
}
