// What the draft needs to know about scores beyond the report: whether the form is scored at all,
// and how many points a row or a level lost.
import Decimal from 'decimal.js';
import type { FormReport, IndicatorReport } from '../report';

/** A form without a 得分 column (a special-fund form) is not scored: no total, no grade. */
export function isScored(form: FormReport): boolean {
  return form.scoring !== 'not-scored';
}

/** Points lost between a weight and a score, or null when either is unknown. */
export function pointsLost(weight: string | null, score: string | null): Decimal | null {
  if (weight === null || score === null) return null;
  return new Decimal(weight).minus(score);
}

/** A row lost points when its settled score is below its weight. */
export function rowLost(i: IndicatorReport): Decimal | null {
  const lost = pointsLost(i.weight, i.score);
  return lost !== null && lost.gt(0) ? lost : null;
}
