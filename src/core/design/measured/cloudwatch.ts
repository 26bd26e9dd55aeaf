// The JSON `aws cloudwatch get-metric-data` prints (MetricDataResults: Id, Label, Timestamps, Values, StatusCode)
// for AWS/Lambda Invocations (Sum) and Duration (Average), read into one measurement per function name found in the
// Ids and Labels. Which series is which comes from the words in its Id or Label (CloudWatch Ids allow only
// [a-zA-Z0-9_], so a name like `shop-dev-sessionize` is looked for with its punctuation ignored).

export interface MetricSeries {
  id: string;
  label: string;
  /** Epoch milliseconds, ascending, paired with `values`. */
  timestamps: number[];
  values: number[];
  statusCode: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Reads the JSON text; a wrong shape is an error message, never an exception. */
export function parseMetricData(text: string): Parsed<MetricSeries[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON (${(error as Error).message})` };
  }
  const results = (json as { MetricDataResults?: unknown })?.MetricDataResults;
  if (!Array.isArray(results)) return { ok: false, error: 'no MetricDataResults: expected the output of `aws cloudwatch get-metric-data`' };
  const series: MetricSeries[] = [];
  for (const [index, raw] of results.entries()) {
    const r = raw as { Id?: unknown; Label?: unknown; Timestamps?: unknown; Values?: unknown; StatusCode?: unknown };
    if (!Array.isArray(r.Timestamps) || !Array.isArray(r.Values) || r.Timestamps.length !== r.Values.length) {
      return { ok: false, error: `MetricDataResults[${index}] needs Timestamps and Values of the same length` };
    }
    const points = r.Timestamps.map((t, i) => ({ at: Date.parse(String(t)), value: Number(r.Values ? (r.Values as unknown[])[i] : NaN) }));
    if (points.some((p) => Number.isNaN(p.at) || !Number.isFinite(p.value))) {
      return { ok: false, error: `MetricDataResults[${index}] has a timestamp or value that is not one` };
    }
    points.sort((a, b) => a.at - b.at);
    series.push({
      id: typeof r.Id === 'string' ? r.Id : '',
      label: typeof r.Label === 'string' ? r.Label : '',
      timestamps: points.map((p) => p.at),
      values: points.map((p) => p.value),
      statusCode: typeof r.StatusCode === 'string' ? r.StatusCode : 'Complete',
    });
  }
  return { ok: true, value: series };
}

export type MetricKind = 'invocations' | 'duration';

/** Which metric a series holds, from its Id or Label; undefined for other metrics (Errors, Throttles...). */
export function metricKind(series: MetricSeries): MetricKind | undefined {
  const words = `${series.id} ${series.label}`.toLowerCase();
  if (/invocations?/.test(words)) return 'invocations';
  if (/duration/.test(words)) return 'duration';
  return undefined;
}

/** Letters and digits only, lower case: how names are compared with Ids. */
export function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Whether a series belongs to a function known by any of `names` (deployed name, function key, logical id). */
export function seriesNames(series: MetricSeries, names: string[]): boolean {
  const haystack = `${squash(series.id)} ${squash(series.label)}`;
  return names.some((name) => squash(name).length > 0 && haystack.includes(squash(name)));
}

/** The spacing of the data points: the smallest gap between two timestamps (undefined with one point). */
export function inferPeriodSeconds(series: MetricSeries[]): number | undefined {
  let smallest = Infinity;
  for (const s of series) for (let i = 1; i < s.timestamps.length; i++) smallest = Math.min(smallest, s.timestamps[i] - s.timestamps[i - 1]);
  return Number.isFinite(smallest) && smallest > 0 ? smallest / 1000 : undefined;
}

export interface MetricMeasurement {
  /** Invocations per second over the window (undefined without an Invocations series). */
  ratePerSecond?: number;
  invocations?: number;
  /** Average duration, weighted by invocations where both series have the period. */
  durationMs?: number;
  /** The window the data points cover: from the first timestamp to the end of the last period. */
  from: string;
  to: string;
  periodSeconds: number;
  /** Status codes other than Complete (PartialData: more pages exist, the figures cover only this one). */
  warnings: string[];
}

/** Rate and duration from a function's Invocations and Duration series. */
export function measure(invocations: MetricSeries | undefined, duration: MetricSeries | undefined, periodSeconds: number): MetricMeasurement | undefined {
  const all = [invocations, duration].filter((s): s is MetricSeries => s !== undefined && s.timestamps.length > 0);
  if (all.length === 0) return undefined;
  const first = Math.min(...all.map((s) => s.timestamps[0]));
  const last = Math.max(...all.map((s) => s.timestamps[s.timestamps.length - 1]));
  const windowSeconds = (last - first) / 1000 + periodSeconds;
  const warnings = all.filter((s) => s.statusCode !== 'Complete').map((s) => `${s.id || s.label}: StatusCode ${s.statusCode}`);
  const result: MetricMeasurement = { from: new Date(first).toISOString(), to: new Date(last + periodSeconds * 1000).toISOString(), periodSeconds, warnings };
  if (invocations && invocations.timestamps.length > 0) {
    result.invocations = invocations.values.reduce((a, b) => a + b, 0);
    result.ratePerSecond = result.invocations / windowSeconds;
  }
  if (duration && duration.timestamps.length > 0) result.durationMs = averageDuration(duration, invocations);
  return result;
}

function averageDuration(duration: MetricSeries, invocations: MetricSeries | undefined): number {
  const countAt = new Map(invocations?.timestamps.map((t, i) => [t, invocations.values[i]]) ?? []);
  const weights = duration.timestamps.map((t) => countAt.get(t));
  if (weights.every((w) => w !== undefined && w > 0)) {
    const total = (weights as number[]).reduce((a, b) => a + b, 0);
    return duration.values.reduce((sum, v, i) => sum + v * (weights[i] as number), 0) / total;
  }
  return duration.values.reduce((a, b) => a + b, 0) / duration.values.length;
}
