// Pipeline-wide overrides turned into per-function ones, so the what-if and Apply to YAML see the same values:
// `rateScale` becomes each function's rate (today's declared or default rate x scale) unless it has its own.
import type { Analysis } from '../analyze';
import { loadOf } from '../cost/load';
import { functionNodes } from '../model';
import type { WhatIfOverrides } from './overrides';

export function resolveOverrides(analysis: Analysis, overrides: WhatIfOverrides): WhatIfOverrides {
  const scale = overrides.rateScale;
  if (scale === undefined || scale === 1) return overrides;
  const functions = { ...overrides.functions };
  for (const node of functionNodes(analysis.model)) {
    const own = functions[node.id];
    if (own?.ratePerSecond !== undefined) continue;
    const rate = loadOf(node, analysis.settings).ratePerSecond;
    if (rate !== null) functions[node.id] = { ...own, ratePerSecond: rate * scale };
  }
  const { rateScale: _applied, ...rest } = overrides;
  return { ...rest, functions };
}
