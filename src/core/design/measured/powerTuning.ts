// The output of AWS Lambda Power Tuning (github.com/alexcasalboni/aws-lambda-power-tuning): the state machine's
// result `{ power, cost, duration, stateMachine: { executionCost, lambdaCost, visualization }, stats? }`, also
// accepted wrapped as `{ "results": ... }` or inside `aws stepfunctions describe-execution` output (`output` is the
// result as a JSON string, `input` names the function's ARN). Every tested configuration comes from `stats` (with
// includeOutputResults) or else from the visualization URL, whose hash holds them: base64 of the memory sizes
// (Int16), average durations and average costs (Float32), little-endian, separated by `;`.
import type { Parsed } from './cloudwatch';

export interface PowerConfiguration {
  memoryMb: number;
  /** Average duration of one invocation in milliseconds. */
  durationMs: number;
  /** Average cost of one invocation in USD. */
  costUsd: number;
}

export interface PowerTuningResult {
  /** The configuration the state machine chose (its strategy: cost, speed or balanced). */
  optimal: PowerConfiguration;
  /** Every tested configuration, by memory size (empty when the output holds neither stats nor a visualization). */
  configurations: PowerConfiguration[];
  /** Name of the tuned function, when the output says (describe-execution input `lambdaARN`). */
  functionName?: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `arn:aws:lambda:eu-west-1:123456789012:function:shop-dev-resize:live` -> `shop-dev-resize`. */
export function functionNameOfArn(arn: string): string | undefined {
  const match = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(arn);
  return match?.[1];
}

/** Reads the JSON text; a wrong shape is an error message, never an exception. */
export function parsePowerTuning(text: string): Parsed<PowerTuningResult> {
  let json = parseJson(text);
  if (json === undefined) return { ok: false, error: 'not JSON' };
  let functionName: string | undefined;
  if (isObject(json) && typeof json.output === 'string') {
    const input = typeof json.input === 'string' ? parseJson(json.input) : undefined;
    if (isObject(input) && typeof input.lambdaARN === 'string') functionName = functionNameOfArn(input.lambdaARN);
    json = parseJson(json.output);
  }
  if (isObject(json) && isObject(json.results)) json = json.results;
  if (!isObject(json) || json.power === undefined || json.duration === undefined) {
    return { ok: false, error: 'no power and duration: expected the output of the Lambda Power Tuning state machine' };
  }
  const optimal = configuration(json.power, json.duration, json.cost);
  if (!optimal) return { ok: false, error: `power ${String(json.power)} and duration ${String(json.duration)} are not numbers` };
  const fromStats = Array.isArray(json.stats) ? json.stats.map((s) => (isObject(s) ? configuration(s.value, s.averageDuration, s.averagePrice) : undefined)) : undefined;
  const stateMachine = isObject(json.stateMachine) ? json.stateMachine : {};
  const configurations =
    fromStats && fromStats.every((c) => c !== undefined)
      ? (fromStats as PowerConfiguration[])
      : typeof stateMachine.visualization === 'string'
        ? decodeVisualization(stateMachine.visualization)
        : [];
  configurations.sort((a, b) => a.memoryMb - b.memoryMb);
  return { ok: true, value: { optimal, configurations, ...(functionName ? { functionName } : {}) } };
}

function configuration(power: unknown, duration: unknown, cost: unknown): PowerConfiguration | undefined {
  const memoryMb = Number(power);
  const durationMs = Number(duration);
  if (!Number.isInteger(memoryMb) || memoryMb <= 0 || !Number.isFinite(durationMs) || durationMs < 0) return undefined;
  const costUsd = Number(cost);
  return { memoryMb, durationMs, costUsd: Number.isFinite(costUsd) ? costUsd : NaN };
}

/** The configurations encoded in a visualization URL's hash; [] when it holds none or they do not line up. */
export function decodeVisualization(url: string): PowerConfiguration[] {
  const hash = url.split('#')[1];
  const parts = hash?.split(';');
  if (!parts || parts.length < 3) return [];
  let bytes: Uint8Array[];
  try {
    bytes = parts.slice(0, 3).map((part) => Uint8Array.from(atob(decodeURIComponent(part)), (c) => c.charCodeAt(0)));
  } catch {
    return [];
  }
  const sizes = new DataView(bytes[0].buffer);
  const durations = new DataView(bytes[1].buffer);
  const costs = new DataView(bytes[2].buffer);
  const count = bytes[0].length / 2;
  if (!Number.isInteger(count) || bytes[1].length !== count * 4 || bytes[2].length !== count * 4) return [];
  const out: PowerConfiguration[] = [];
  for (let i = 0; i < count; i++) {
    out.push({ memoryMb: sizes.getInt16(i * 2, true), durationMs: durations.getFloat32(i * 4, true), costUsd: costs.getFloat32(i * 4, true) });
  }
  return out;
}
