// Load figures as annotation text (CONTRACT.md section 1) that reads back to the same number: `50/minute`,
// `180s`, `250ms`. Six significant digits keep a slider's value; no exponents (the annotation grammar has none).
import { roundSignificant } from '../cost/round';

const RATE_UNITS: [number, string][] = [[1, 'second'], [60, 'minute'], [3600, 'hour'], [86400, 'day']];

/** Per second -> `N/unit` with the smallest unit that makes N at least 1 (`0.8333` -> `50/minute`). */
export function rateText(ratePerSecond: number): string {
  for (const [seconds, unit] of RATE_UNITS) {
    const perUnit = roundSignificant(ratePerSecond * seconds, 6);
    if (perUnit >= 1) return `${plain(perUnit)}/${unit}`;
  }
  return `${plain(roundSignificant(ratePerSecond * 86400, 6))}/day`;
}

/** Milliseconds -> `180s` from a second up, else `250ms`. */
export function durationText(durationMs: number): string {
  const ms = roundSignificant(durationMs, 6);
  return ms >= 1000 ? `${plain(roundSignificant(ms / 1000, 6))}s` : `${plain(ms)}ms`;
}

function plain(value: number): string {
  const text = String(value);
  return text.includes('e') ? value.toFixed(12).replace(/\.?0+$/, '') : text;
}
