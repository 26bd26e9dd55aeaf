// One FunctionReport per function node: load, cost and concurrency, as hints, JSON and the graph show them.
import type { PipelineModel } from '../model';
import { functionNodes } from '../model';
import type { FunctionReport } from '../report';
import type { Settings } from '../settings';
import { estimateConcurrency } from '../concurrency/estimate';
import { estimateCost } from './estimate';
import { loadEstimate, loadOf } from './load';

export function functionReports(model: PipelineModel, settings: Settings): FunctionReport[] {
  const region = model.region ?? settings.region;
  return functionNodes(model).map((node) => {
    const fn = node.fn;
    const memoryMb = fn?.memoryMb ?? 1024;
    const architecture = fn && fn.architectureDeclared !== false ? fn.architecture : settings.architecture;
    const load = loadOf(node, settings);
    const cost =
      load.ratePerSecond === null || load.durationMs === null
        ? null
        : estimateCost({
            memoryMb,
            ephemeralStorageMb: fn?.ephemeralStorageMb ?? 512,
            architecture,
            region,
            ratePerSecond: load.ratePerSecond,
            durationMs: load.durationMs,
            prices: settings.prices,
            subtractFreeTier: settings.subtractFreeTier,
          });
    return {
      id: node.id,
      name: fn?.name ?? node.label,
      memoryMb,
      timeoutS: fn?.timeoutS ?? 3,
      architecture,
      load: loadEstimate(load),
      cost,
      concurrency: estimateConcurrency(model, node, load, settings),
      span: node.span,
    };
  });
}
