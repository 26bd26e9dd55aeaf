// Number formatting shared by hints, hovers and the exported report (pure).

/** Money: two decimals with thousands separators from $1, else three significant digits ($0.00713). */
export function usd(value: number): string {
  if (!Number.isFinite(value)) return '$?';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (abs === 0) return '$0.00';
  if (abs >= 1) return `${sign}$${abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return `${sign}$${significant(abs, 3)}`;
}

/** Plain decimal with `digits` significant digits and no exponent: 0.0071252 -> "0.00713", 0.42 -> "0.42". */
export function significant(value: number, digits: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  const fixed = value.toFixed(Math.min(decimals, 20));
  return decimals > 0 ? fixed.replace(/(\.\d*?[1-9])0+$/, '$1').replace(/\.0+$/, '') : fixed;
}

/** Concurrency: whole numbers from 10, two significant digits below (0.42, 2.5). */
export function concurrency(value: number): string {
  if (value >= 10) return Math.round(value).toLocaleString('en-US');
  return significant(value, 2);
}

/** Rate per second in the unit that reads best: 0.8333/s -> "50/minute". */
export function rate(perSecond: number): string {
  if (perSecond >= 1) return `${significant(perSecond, 4)}/second`;
  if (perSecond * 60 >= 1) return `${significant(perSecond * 60, 4)}/minute`;
  if (perSecond * 3600 >= 1) return `${significant(perSecond * 3600, 4)}/hour`;
  return `${significant(perSecond * 86400, 4)}/day`;
}

/** Duration in ms as the user would write it: 180000 -> "180 s", 250 -> "250 ms". */
export function duration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1000) return `${significant(ms / 1000, 4)} s`;
  return `${significant(ms, 4)} ms`;
}
