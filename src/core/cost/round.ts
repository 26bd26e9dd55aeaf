// Rounding for shown figures: never fewer than `digits` significant digits (CONTRACT.md: at least 4).

/** Rounds to `digits` significant digits (0 and non-finite values pass through). */
export function roundSignificant(value: number, digits: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const factor = 10 ** (digits - 1 - magnitude);
  return Math.round(value * factor) / factor;
}

/** Money: 5 significant digits, or whole cents when that keeps more ($0.0071252, $513.02, $15604.22). */
export function roundUsd(value: number): number {
  const significant = roundSignificant(value, 5);
  const cents = Math.round(value * 100) / 100;
  return Math.abs(value) >= 1000 ? cents : significant;
}

/** Display text for a dollar amount: "$513.02", "$0.0071252". */
export function formatUsd(value: number): string {
  const rounded = roundUsd(value);
  if (Math.abs(rounded) >= 1) return `$${rounded.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return `$${rounded.toLocaleString('en-US', { maximumSignificantDigits: 5 })}`;
}

/** Display text for a count or rate: "150", "0.8333", "1,000". */
export function formatNumber(value: number, digits = 4): string {
  const rounded = roundSignificant(value, digits);
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 10 });
}
