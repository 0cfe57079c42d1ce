// The comparator words of docs/rules.md "Reading a target and an actual", before a number ("不低于 90%") or after it ("90%以上").
import type Decimal from 'decimal.js';

/** ge ≥, gt >, le ≤, lt <, eq =. */
export type Comparator = 'ge' | 'gt' | 'le' | 'lt' | 'eq';

/** Words written before the number, longest first so "不低于" wins over "低于". */
const BEFORE: ReadonlyArray<readonly [string, Comparator]> = [
  ['大于等于', 'ge'],
  ['大于或等于', 'ge'],
  ['小于等于', 'le'],
  ['小于或等于', 'le'],
  ['不低于', 'ge'],
  ['不少于', 'ge'],
  ['不小于', 'ge'],
  ['不高于', 'le'],
  ['不超过', 'le'],
  ['不大于', 'le'],
  ['不多于', 'le'],
  ['控制在', 'le'],
  ['>=', 'ge'],
  ['<=', 'le'],
  ['≥', 'ge'],
  ['≧', 'ge'],
  ['≤', 'le'],
  ['≦', 'le'],
  ['达到', 'ge'],
  ['至少', 'ge'],
  ['少于', 'lt'],
  ['低于', 'lt'],
  ['小于', 'lt'],
  ['高于', 'gt'],
  ['大于', 'gt'],
  ['超过', 'gt'],
  ['等于', 'eq'],
  ['<', 'lt'],
  ['>', 'gt'],
  ['=', 'eq'],
  ['═', 'eq'],
];

/** Words written right after the number and its unit; "30天内" reads as within 30 days, "3 个内容" does not. */
const AFTER = /^(?:及|或)?(以上|以下|以内|之内|内(?![容部涵外在控]))/;

export interface ComparatorWord {
  comparator: Comparator;
  /** The word as written, so an actual's "达到 100%" can be read as a plain value. */
  word: string;
}

/** The comparator named in the text before a number, and that text without it. */
export function comparatorBefore(pre: string): { found: ComparatorWord | null; rest: string } {
  for (const [word, comparator] of BEFORE) {
    const at = pre.lastIndexOf(word);
    if (at >= 0) {
      return { found: { comparator, word }, rest: pre.slice(0, at) + pre.slice(at + word.length) };
    }
  }
  return { found: null, rest: pre };
}

/** The comparator that opens the text after a number, and how many characters it takes. */
export function comparatorAfter(post: string): { found: ComparatorWord | null; length: number } {
  const m = AFTER.exec(post);
  if (!m) return { found: null, length: 0 };
  return { found: { comparator: m[1] === '以上' ? 'ge' : 'le', word: m[1] }, length: m[0].length };
}

/** Whether b stands in the comparator's relation to a. */
export function satisfies(b: Decimal, comparator: Comparator, a: Decimal): boolean {
  switch (comparator) {
    case 'ge':
      return b.gte(a);
    case 'gt':
      return b.gt(a);
    case 'le':
      return b.lte(a);
    case 'lt':
      return b.lt(a);
    case 'eq':
      return b.eq(a);
  }
}

/**
 * Whether every value an actual bound allows ("少于 30 天": all b < 30) meets the target bound.
 * Bounds facing opposite ways, or an equality on either side, never prove it.
 */
export function boundSatisfies(actual: Comparator, b: Decimal, target: Comparator, a: Decimal): boolean {
  if (target === 'ge' || target === 'gt') {
    if (actual === 'gt') return b.gte(a);
    if (actual === 'ge') return target === 'ge' ? b.gte(a) : b.gt(a);
    return false;
  }
  if (target === 'le' || target === 'lt') {
    if (actual === 'lt') return b.lte(a);
    if (actual === 'le') return target === 'le' ? b.lte(a) : b.lt(a);
    return false;
  }
  return false;
}
