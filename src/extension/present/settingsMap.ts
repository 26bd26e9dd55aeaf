// `pipelineLens.*` configuration values -> the core's settings (pure: a lookup function in, plain data out).
// Invalid values are dropped (the core default applies) rather than passed on; problems are listed for the log.
import type { Architecture } from '../../core/model';
import { isRuleId, type RuleId } from '../../core/findings';
import { parseDuration, parseRate } from '../../core/read/quantities';
import type { DeepPartial, Settings, SeveritySetting } from '../../core/settings';

export type HintStyle = 'codelens' | 'inlay' | 'off';

export interface EditorSettings {
  core: DeepPartial<Settings>;
  hintStyle: HintStyle;
  /** Most files the activation scan analyses; 0 turns it off. */
  workspaceScanLimit: number;
  /** Join the workspace's files into one pipeline in the background (else only while the workspace graph is open). */
  joinWorkspace: boolean;
  /** Problems with the user's configuration, in words. */
  problems: string[];
}

type Lookup = (key: string) => unknown;

const SEVERITIES: SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export function mapSettings(get: Lookup): EditorSettings {
  const problems: string[] = [];
  const core: DeepPartial<Settings> = {};
  const region = get('region');
  if (typeof region === 'string' && /^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) core.region = region;
  else if (region !== undefined && region !== '') problems.push(`pipelineLens.region "${String(region)}" is not a region code like eu-west-1.`);
  const architecture = get('architecture');
  if (architecture === 'x86_64' || architecture === 'arm64') core.architecture = architecture as Architecture;

  core.defaults = {};
  const rate = get('defaults.rate');
  if (typeof rate === 'string' && rate.trim() !== '') {
    const parsed = parseRate(rate);
    if (parsed.ok) core.defaults.ratePerSecond = parsed.value;
    else problems.push(`pipelineLens.defaults.rate: ${parsed.error}.`);
  }
  const duration = get('defaults.duration');
  if ((typeof duration === 'string' && duration.trim() !== '') || typeof duration === 'number') {
    const parsed = parseDuration(duration);
    if (parsed.ok) core.defaults.durationMs = parsed.value;
    else problems.push(`pipelineLens.defaults.duration: ${parsed.error}.`);
  }

  core.prices = {};
  const x86 = positive(get('prices.durationPerGbSecond.x86_64'));
  const arm = positive(get('prices.durationPerGbSecond.arm64'));
  if (x86 !== undefined || arm !== undefined) {
    core.prices.durationPerGbSecond = {};
    if (x86 !== undefined) core.prices.durationPerGbSecond.x86_64 = x86;
    if (arm !== undefined) core.prices.durationPerGbSecond.arm64 = arm;
  }
  const perRequest = positive(get('prices.perRequest'));
  if (perRequest !== undefined) core.prices.perRequest = perRequest;

  const freeTier = get('subtractFreeTier');
  if (typeof freeTier === 'boolean') core.subtractFreeTier = freeTier;

  const label = get('clusterReference.label');
  const usdPerHour = positive(get('clusterReference.usdPerHour'));
  if (typeof label === 'string' || usdPerHour !== undefined) {
    core.clusterReference = {};
    if (typeof label === 'string' && label.trim() !== '') core.clusterReference.label = label;
    if (usdPerHour !== undefined) core.clusterReference.usdPerHour = usdPerHour;
  }
  const multiplier = positive(get('visibilityTimeoutMultiplier'));
  if (multiplier !== undefined) core.visibilityTimeoutMultiplier = multiplier;
  const accountLimit = positive(get('accountConcurrencyLimit'));
  if (accountLimit !== undefined) core.accountConcurrencyLimit = Math.floor(accountLimit);

  core.severities = {};
  const severities = get('severities');
  if (severities && typeof severities === 'object') {
    for (const [rule, value] of Object.entries(severities as Record<string, unknown>)) {
      if (!isRuleId(rule)) problems.push(`pipelineLens.severities: "${rule}" is not a rule id.`);
      else if (!SEVERITIES.includes(value as SeveritySetting)) problems.push(`pipelineLens.severities.${rule}: use off, info, warning or error.`);
      else core.severities[rule as RuleId] = value as SeveritySetting;
    }
  }

  const hints = get('hints');
  const hintStyle: HintStyle = hints === 'inlay' || hints === 'off' ? hints : 'codelens';
  const limit = get('workspaceScan.maxFiles');
  const workspaceScanLimit = typeof limit === 'number' && limit >= 0 ? Math.floor(limit) : 200;
  const joinWorkspace = get('workspace.joinFiles') !== false;
  return { core, hintStyle, workspaceScanLimit, joinWorkspace, problems };
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}
