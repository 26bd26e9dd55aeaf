// Annotation quantities (CONTRACT.md section 1): rates like `50/minute`, `3M/month`; durations like `1.5s`, `250`.

const PER_SECOND: Record<string, number> = {
  s: 1, sec: 1, second: 1, seconds: 1,
  m: 60, min: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
  month: 730 * 3600, months: 730 * 3600, mo: 730 * 3600,
};

const SUFFIX: Record<string, number> = { '': 1, k: 1e3, K: 1e3, M: 1e6, B: 1e9 };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** `50/minute` -> 0.8333 per second. */
export function parseRate(input: unknown): Parsed<number> {
  const text = String(input ?? '').trim();
  const match = /^(\d+(?:\.\d+)?)\s*([kKMB]?)\s*\/\s*([a-zA-Z]+)$/.exec(text);
  if (!match) {
    return { ok: false, error: `rate "${text}" is not of the form N/unit (e.g. 50/minute, 0.5/s, 3M/month)` };
  }
  const unit = PER_SECOND[match[3]];
  if (unit === undefined) {
    return { ok: false, error: `rate "${text}" has an unknown unit "${match[3]}" (use second, minute, hour, day or month)` };
  }
  return { ok: true, value: (Number(match[1]) * SUFFIX[match[2]]) / unit };
}

const DURATION_MS: Record<string, number> = { ms: 1, s: 1000, sec: 1000, min: 60_000, m: 60_000, h: 3_600_000 };

/** `1.5s` -> 1500 ms; a bare number is milliseconds. */
export function parseDuration(input: unknown): Parsed<number> {
  if (typeof input === 'number' && Number.isFinite(input) && input >= 0) return { ok: true, value: input };
  const text = String(input ?? '').trim();
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|sec|min|m|h)?$/.exec(text);
  if (!match) return { ok: false, error: `duration "${text}" is not of the form 250ms, 1.5s, 3min or a number of milliseconds` };
  return { ok: true, value: Number(match[1]) * DURATION_MS[match[2] ?? 'ms'] };
}
