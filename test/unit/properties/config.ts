// How many cases the property suite runs and from which seed. Fixed by default so CI is repeatable; override with
// PIPELINE_LENS_FUZZ_SEED (an integer) and PIPELINE_LENS_FUZZ_RUNS (the total, shared out in the default
// proportions), e.g. to replay a failure or to run a long soak locally.
import fc from 'fast-check';

const DEFAULT_SEED = 20261201;

function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return value;
}

export const FUZZ_SEED = envInt('PIPELINE_LENS_FUZZ_SEED') ?? DEFAULT_SEED;
const requestedTotal = envInt('PIPELINE_LENS_FUZZ_RUNS');

/** Default runs per property; they add up to the CI total (at least 10,000). */
export const DEFAULT_RUNS = {
  hostile: 1500,
  generated: 4330,
  mutated: 3700,
  fixesGenerated: 350,
  fixesMutated: 120,
} as const;

const defaultTotal = Object.values(DEFAULT_RUNS).reduce((a, b) => a + b, 0);

/** Runs for one property: its default, or its share of PIPELINE_LENS_FUZZ_RUNS. */
export function runsFor(property: keyof typeof DEFAULT_RUNS): number {
  const share = DEFAULT_RUNS[property];
  return requestedTotal === undefined ? share : Math.max(1, Math.round((requestedTotal * share) / defaultTotal));
}

/**
 * A hang guard, not a speed test: one analysis of one (hostile) input must finish well within this much CPU time
 * (CPU, not wall-clock time, so a busy shared machine does not fail it).
 */
export const ANALYZE_BOUND_MS = 2000;

const ran: { name: string; runs: number }[] = [];

/** Runs one property with the suite's seed; a failure names the seed, the replay path and the shrunk input. */
export function checkProperty<T>(name: string, runs: number, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void): void {
  const cpu = process.cpuUsage();
  const details = fc.check(fc.property(arbitrary, predicate), { seed: FUZZ_SEED, numRuns: runs, endOnFailure: false });
  ran.push({ name, runs: details.numRuns });
  if (details.failed) {
    const input = details.counterexample ? fc.stringify(details.counterexample[0]) : '(none)';
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `property "${name}" failed after ${details.numRuns} cases (seed ${FUZZ_SEED}, path ${details.counterexamplePath}; ` +
        `replay with PIPELINE_LENS_FUZZ_SEED=${FUZZ_SEED})\n${error}\nshrunk input: ${input.length > 4000 ? input.slice(0, 4000) + '...' : input}`,
    );
  }
  const used = process.cpuUsage(cpu);
  console.log(`      fuzz: ${name}: ${details.numRuns} cases, seed ${FUZZ_SEED} (${((used.user + used.system) / 1e6).toFixed(1)} s CPU)`);
}

/** The count printed at the end of the suite (CI logs show that the 10,000 cases ran). */
export function printTotal(): void {
  const total = ran.reduce((sum, r) => sum + r.runs, 0);
  console.log(`      fuzz total: ${total} cases in ${ran.length} properties, seed ${FUZZ_SEED}`);
}
