// Grading a qualitative actual against its target (docs/rules.md "Qualitative scores").
import Decimal from 'decimal.js';
import { ceil2, round2 } from './exact';
import type { Profile } from './profile';
import { labelKey } from './text';

export type QualitativeGrade = '达成' | '部分达成' | '未达成';

/** Words that say the target was reached; the first nine are docs/rules.md's, the rest what reviewers accept too. */
const ACHIEVED_WORDS = [
  '是',
  '达成',
  '完成',
  '达标',
  '保持',
  '健全',
  '有效',
  '明显',
  '良好',
  '达到',
  '实现',
  '符合',
  '合格',
  '及时',
  '按时',
  '完善',
  '规范',
  '满意',
];

const NEGATION = /否|未|无|不|没/;
/** Words that hold a negation character without negating anything. */
const NOT_NEGATIONS = /是否|不断|无误|毫无保留/g;

function negated(text: string): boolean {
  return NEGATION.test(text.replace(NOT_NEGATIONS, ''));
}

/** The grade an actual earns, or null when the text does not say. */
export function gradeQualitative(target: string, actual: string): QualitativeGrade | null {
  const t = labelKey(target);
  const b = labelKey(actual);
  if (b === '') return null;
  if (b.includes('部分')) return '部分达成';
  // A target such as "无重大事故" is met by an actual that also negates ("未发生").
  const targetNegated = negated(t);
  if (negated(b)) return targetNegated ? '达成' : '未达成';
  if (t !== '' && b.includes(t)) return '达成';
  if (ACHIEVED_WORDS.some((word) => b.includes(word))) return '达成';
  return null;
}

export interface GradeBand {
  low: Decimal;
  high: Decimal;
  /** The score to suggest when the person entered none. */
  suggested: Decimal;
}

const CENT = new Decimal('0.01');

/** A fraction of the weight as the smallest 2-decimal score that reaches it. */
function atLeast(weight: Decimal, fraction: string): Decimal {
  return ceil2(weight.times(fraction));
}

/**
 * The band of 2-decimal scores a grade allows. The 部分达成 and 未达成 bands are open at the top
 * ([60%, 80%) of w), so their high is the largest 2-decimal score below the next band.
 */
export function gradeBand(grade: QualitativeGrade, weight: Decimal, profile: Profile): GradeBand {
  const achieved = atLeast(weight, profile.qualitativeBands.achieved);
  const partial = atLeast(weight, profile.qualitativeBands.partial);
  const w = round2(weight);
  switch (grade) {
    case '达成':
      return { low: achieved, high: w, suggested: w };
    case '部分达成':
      return { low: partial, high: Decimal.max(partial, achieved.minus(CENT)), suggested: partial };
    case '未达成':
      return { low: new Decimal(0), high: Decimal.max(0, partial.minus(CENT)), suggested: new Decimal(0) };
  }
}
