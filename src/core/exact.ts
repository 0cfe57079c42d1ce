// Exact decimal arithmetic for money, rates and scores (docs/rules.md "Arithmetic"): figures are
// decimal.js values, rounded half-up to 2 decimals once, at the end, here.
import Decimal from 'decimal.js';

/** Two figures closer than this (one cent, 0.01 point) agree. */
export const TOLERANCE = new Decimal('0.01');

/** Half-up to 2 decimals: the one rounding of a score, a rate's percentage or a total. */
export function round2(d: Decimal): Decimal {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** "97.87", "10.00". */
export function fixed2(d: Decimal): string {
  return d.toFixed(2, Decimal.ROUND_HALF_UP);
}

/** "100.00%" from a fraction. */
export function percent2(fraction: Decimal): string {
  return `${fraction.times(100).toFixed(2, Decimal.ROUND_HALF_UP)}%`;
}

/** Plain exact text of a number as entered: "2", "1.5". */
export function plain(d: Decimal): string {
  return d.toString();
}
