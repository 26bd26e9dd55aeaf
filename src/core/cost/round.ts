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

/** Display text for a dollar amount: "$513.02", "$0.0071252", "$15,604.22". */
export function formatUsd(value: number): string {
  const rounded = roundUsd(value);
  if (Math.abs(rounded) >= 1) return `$${groupThousands(rounded.toFixed(2))}`;
  return `$${plainDecimal(roundSignificant(rounded, 5))}`;
}

/** Display text for a count or rate: "150", "0.8333", "1,000". */
export function formatNumber(value: number, digits = 4): string {
  return groupThousands(plainDecimal(roundSignificant(value, digits)));
}

// Hand-rolled (not toLocaleString): ICU formatting costs about 0.1 ms a call, and messages are built per function.
function plainDecimal(value: number): string {
  const text = String(value);
  return text.includes('e') ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}

function groupThousands(text: string): string {
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
