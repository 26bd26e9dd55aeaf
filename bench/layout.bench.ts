// Layout time of the stage graph (ELK layered) for generated pipelines of 50 and 500 nodes. Target: 500 nodes
// under 1 s. Runs under bench/run.ts, or alone: npx tsx bench/layout.bench.ts
import { buildStageGraph, layoutStageGraph, renderGraphTree, serializeSvg } from '../src/core/graph';
import { generatedPipeline } from '../test/unit/graph/generated';

const SIZES = [50, 500];
const RUNS = 5;
const TARGET_MS_500 = 1000;

export interface LayoutBenchResult {
  nodes: number;
  edges: number;
  /** The first, cold run (ELK's code not yet optimised by the JIT). */
  coldMs: number;
  medianMs: number;
  /** CPU time of the median run: wall time swells on a busy machine, this does not. */
  medianCpuMs: number;
  renderMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(): Promise<LayoutBenchResult[]> {
  const results: LayoutBenchResult[] = [];
  for (const size of SIZES) {
    const graph = buildStageGraph(generatedPipeline(size));
    const times: number[] = [];
    const cpuTimes: number[] = [];
    const coldStart = performance.now();
    let laidOut = await layoutStageGraph(graph);
    const coldMs = performance.now() - coldStart;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      laidOut = await layoutStageGraph(graph);
      const cpu = process.cpuUsage(cpuStart);
      times.push(performance.now() - start);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
    const renderStart = performance.now();
    serializeSvg(renderGraphTree(laidOut, { standalone: true }));
    const renderMs = performance.now() - renderStart;
    results.push({ nodes: size, edges: graph.edges.length, coldMs, medianMs: median(times), medianCpuMs: median(cpuTimes), renderMs });
  }
  for (const r of results) {
    const verdict = r.nodes === 500 ? (r.medianMs < TARGET_MS_500 ? ' (target < 1000 ms: met)' : ' (target < 1000 ms: MISSED)') : '';
    console.log(
      `graph layout ${String(r.nodes).padStart(3)} nodes / ${r.edges} edges: median ${r.medianMs.toFixed(0)} ms wall, ` +
        `${r.medianCpuMs.toFixed(0)} ms CPU over ${RUNS} runs` +
        `, cold ${r.coldMs.toFixed(0)} ms, render+serialize ${r.renderMs.toFixed(1)} ms${verdict}`,
    );
  }
  return results;
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
