// Load figures as annotation text (CONTRACT.md section 1) that reads back to the same number: `50/minute`,
// `180s`, `250ms`, exact where a unit makes the number whole; no exponents (the annotation grammar has none).
import { roundSignificant } from '../cost/round';

const RATE_UNITS: [number, string][] = [[1, 'second'], [60, 'minute'], [3600, 'hour'], [86400, 'day']];

/**
 * Per second -> `N/unit`: the smallest unit that makes N whole (`0.8333` -> `50/minute`, `150.2667` ->
 * `9016/minute`), else the smallest that makes it at least 1, to 9 significant digits.
 */
export function rateText(ratePerSecond: number): string {
  for (const [seconds, unit] of RATE_UNITS) {
    const perUnit = ratePerSecond * seconds;
    const whole = Math.round(perUnit);
    if (whole >= 1 && Math.abs(perUnit - whole) <= 1e-9 * perUnit) return `${whole}/${unit}`;
  }
  for (const [seconds, unit] of RATE_UNITS) {
    const perUnit = roundSignificant(ratePerSecond * seconds, 9);
    if (perUnit >= 1) return `${plain(perUnit)}/${unit}`;
  }
  return `${plain(roundSignificant(ratePerSecond * 86400, 9))}/day`;
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
