// Scoring settings a province may change (docs/profiles.md). A profile is a plain JSON object.
import type { Level1 } from './labels';

export interface Profile {
  name: string;
  /** Which budget figure divides 全年执行数: 全年预算数 ('planned') or 年初预算数 ('initial'). */
  budgetDenominator: 'planned' | 'initial';
  /** Below this execution rate an explanation is expected. */
  lowExecutionRate: string;
  /** 全年预算数 differing from 年初预算数 by more than this ratio is reported. */
  adjustmentWarnRatio: string;
  /** Score of a missed reverse target: A/B × w ('ratio') or max(0, 2 − B/A) × w ('linear'). */
  reverseMiss: 'ratio' | 'linear';
  /** A positive actual at or above this multiple of the target is over-achieved. */
  overAchievementRatio: string;
  /** Lower bounds of the 达成 and 部分达成 bands, as fractions of the weight. */
  qualitativeBands: { achieved: string; partial: string };
  /** Expected 一级 weights; null removes a level (its points move to the others). */
  levelWeights: Record<Exclude<Level1, '满意度指标'>, string> & { 满意度指标: string | null };
  budgetWeight: string;
  /** Lower bounds (inclusive) of each grade on the 2-decimal total. */
  gradeBands: { 优: string; 良: string; 中: string };
  /** When a row needs a 偏差原因 explanation: only when it lost points, or also when its actual misses its target (the national rule). */
  deviationRequiredWhen: 'lost-points' | 'unmet';
  /**
   * Execution-rate tiers that cap the total: below `below` (a fraction) the total is at most
   * `maxTotal` points. A provincial rule, off ([]) in the national method (docs/profiles.md).
   */
  executionCaps: ExecutionCap[];
  /**
   * A deduction when a positive actual reaches `ratio` × its target and the row gives no reason:
   * the row keeps (1 − `share`) of its weight. A provincial rule, off (null) nationally.
   */
  overAchievementDeduction: { ratio: string; share: string } | null;
}

export interface ExecutionCap {
  below: string;
  maxTotal: string;
}

export const NATIONAL: Profile = {
  name: 'national',
  budgetDenominator: 'planned',
  lowExecutionRate: '0.9',
  adjustmentWarnRatio: '0.2',
  reverseMiss: 'ratio',
  overAchievementRatio: '1.2',
  qualitativeBands: { achieved: '0.8', partial: '0.6' },
  levelWeights: { 产出指标: '50', 效益指标: '30', 满意度指标: '10' },
  budgetWeight: '10',
  gradeBands: { 优: '90', 良: '80', 中: '60' },
  deviationRequiredWhen: 'unmet',
  executionCaps: [],
  overAchievementDeduction: null,
};

/** The profiles every door offers by name. */
export const BUILTIN_PROFILES: Record<string, Profile> = {
  national: NATIONAL,
};

const ALIASES: Record<string, string> = {
  national: 'national',
  全国: 'national',
  国家: 'national',
};

/** A built-in profile by its name ("national", "National", "全国"), or null. */
export function resolveProfileName(name: string): Profile | null {
  const key = ALIASES[name.trim().toLowerCase()];
  return key === undefined ? null : (BUILTIN_PROFILES[key] ?? null);
}
