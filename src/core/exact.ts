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
  return fixedPlaces(d, 2);
}

/** Half-up to `places` decimals as text: how a cell formatted "0.0%" or "0.000" shows a figure. */
export function fixedPlaces(d: Decimal, places: number): string {
  return d.toFixed(places, Decimal.ROUND_HALF_UP);
}

/** A fraction as its two-decimal percentage shows it: 0.97805 → 0.9781 (97.81%). */
export function asPrintedRate(fraction: Decimal): Decimal {
  return fraction.toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
}

/** The smallest 2-decimal figure at or above d: the lowest score that still reaches a band. */
export function ceil2(d: Decimal): Decimal {
  return d.toDecimalPlaces(2, Decimal.ROUND_CEIL);
}

/** "100.00%" from a fraction. */
export function percent2(fraction: Decimal): string {
  return `${fixed2(fraction.times(100))}%`;
}

/** Plain exact text of a number as entered: "2", "1.5". */
export function plain(d: Decimal): string {
  return d.toString();
}

/**
 * Wide enough that a product of a score's numerators and denominators is never cut: a quotient
 * such as 5 ÷ 24 taken first at decimal.js's 20 digits would make 5 ÷ 24 × 3 = 0.62499… round to
 * 0.62 instead of 0.625 → 0.63.
 */
const Wide = Decimal.clone({ precision: 100 });

/** A share of the weight kept as a fraction (num ÷ den), so a score multiplies before it divides. */
export interface Share {
  num: Decimal;
  den: Decimal;
}

export const FULL: Share = { num: new Decimal(1), den: new Decimal(1) };
export const NONE: Share = { num: new Decimal(0), den: new Decimal(1) };

export function share(num: Decimal, den: Decimal): Share {
  return { num, den };
}

/** The smaller of a share and the whole. */
export function atMostFull(s: Share): Share {
  return s.num.gt(s.den) ? FULL : s;
}

/** The mean of several shares, still as one fraction. */
export function meanShare(shares: readonly Share[]): Share {
  let num = new Wide(0);
  let den = new Wide(1);
  for (const s of shares) {
    num = num.times(s.den).plus(den.times(s.num));
    den = den.times(s.den);
  }
  return { num, den: den.times(shares.length) };
}

/** weight × num ÷ den, half-up to 2 decimals: multiplied first, divided once, rounded once. */
export function scoreOf(weight: Decimal, s: Share): Decimal {
  return round2(new Wide(weight).times(s.num).div(s.den));
}

/** The share as a fraction rounded half-up to `places` decimals (a rate written as 0.9781). */
export function fractionOf(s: Share, places: number): Decimal {
  return new Wide(s.num).div(s.den).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** "97.81%": the share as a percentage, half-up to 2 decimals. */
export function sharePercent(s: Share): string {
  return `${new Wide(s.num).times(100).div(s.den).toFixed(2, Decimal.ROUND_HALF_UP)}%`;
}
