// What the engine returns for one sheet: each form it found, read, scored and planned, and the
// queries every door asks of it. Figures are exact decimal strings, as the --json output shows them.
import type { CellPatch, Finding, Severity } from './types';

export type FormType = 'department' | 'project';

/** The layout family a form was read as (docs/layouts.md "Layout families"). */
export type LayoutFamily =
  /** Per-row 分值 and 得分 columns: the national form and its variants. */
  | 'standard'
  /** No 分值 column: weights only on the 一级 labels or on goal blocks; per-row maxima unknown. */
  | 'level-weights'
  /** 得分 = 得分系数 × 指标权重 (department forms with score coefficients). */
  | 'coefficients'
  /** No 分值 and no 得分 column (专项资金绩效目标自评表): targets, actuals and reasons only. */
  | 'targets-only';

/**
 * Whether the form carries scores; the pane and the command show it beside the form's name.
 * - 'scored' (已评分): the 得分 column holds scores.
 * - 'not-yet-scored' (未评分): every 得分 cell is empty; `writes` is what a recompute fills in, and no
 *   finding is raised per empty cell.
 * - 'not-scored' (不评分): the layout has no 得分 column: no scores, no total, no grade.
 */
export type ScoringStatus = 'scored' | 'not-yet-scored' | 'not-scored';

export type IndicatorKind = 'positive' | 'reverse' | 'equal' | 'change' | 'bound' | 'compound' | 'qualitative' | 'unknown';

export interface BudgetReport {
  /** The 执行率 cell. */
  cell: string;
  unit: '万元' | '元';
  initial: string | null;
  planned: string | null;
  executed: string | null;
  /** "100.00%", or null when it cannot be computed. */
  rate: string | null;
  weight: string | null;
  score: string | null;
  enteredRate: string | null;
  enteredScore: string | null;
  scoreCell: string | null;
  /** The breakdowns the form gives (资金来源 rows, 按收入性质分, 按支出性质分), as entered. */
  sources: SourceGroupReport[];
}

/** One breakdown of the budget: its items with the amounts the form gives for them. */
export interface SourceGroupReport {
  name: string;
  items: Array<{ label: string; amounts: Partial<Record<'initial' | 'planned' | 'executed' | 'amount', string>> }>;
}

/** A 年度总体目标 text: 预期目标 or 实际完成情况, as typed ('' when empty). */
export interface GoalReport {
  label: string;
  text: string;
  cell: string;
}

export interface IndicatorReport {
  row: number;
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  kind: IndicatorKind;
  /** True when the kind was inferred (a bare number, a cost indicator, a bare 0). */
  inferred: boolean;
  met: boolean | null;
  weight: string | null;
  enteredScore: string | null;
  /** The score the engine settles on: rule-determined, or the kept judgement score. */
  score: string | null;
  /** The 得分 cell, or null when the form has no 得分 column ('not-scored'). */
  scoreCell: string | null;
  /** 得分系数 as read, a fraction ("0.95"), in the 'coefficients' layout; null elsewhere. */
  coefficient: string | null;
  /** 是否核心指标 as read (是 → true, 否 → false); null when the form has no such column. */
  core: boolean | null;
  /** True when the score is a judgement left to the person within a band. */
  judgement: boolean;
  /** The explanation (偏差原因分析) cell of the row, or null when the form has no such column. */
  deviationCell: string | null;
  /** The explanation as typed ('' when empty or when there is no such column). */
  deviation: string;
}

/** One 一级指标: for the summary bars. */
export interface LevelReport {
  name: string;
  /** Declared in the label ("产出指标（50分）"), or null. */
  declaredWeight: string | null;
  weight: string;
  score: string;
}

export interface TotalReport {
  cell: string;
  weightCell: string | null;
  weight: string;
  /** Budget score + Σ indicator scores as a recompute writes it. */
  score: string;
  /**
   * False when some row's score is unknown (neither entered nor determined by a rule): `score` is
   * then a partial sum, and there is no grade and nothing is written into the total.
   */
  complete: boolean;
  enteredWeight: string | null;
  enteredScore: string | null;
}

/** How a door should mark a cell: an explanation that is missing, a loss that is explained, an error. */
export type MarkKind = 'needs-explanation' | 'explained-loss' | 'error';

export interface Mark {
  sheet: string;
  cell: string;
  row: number;
  col: number;
  kind: MarkKind;
}

export interface FormReport {
  sheet: string;
  type: FormType;
  layout: LayoutFamily;
  scoring: ScoringStatus;
  /** The top-left cell of the form (its title, or its first label). */
  anchor: string;
  /** 预算部门名称 / 项目名称, when found. */
  unit: string | null;
  year: string | null;
  goals: GoalReport[];
  budget: BudgetReport | null;
  indicators: IndicatorReport[];
  levels: LevelReport[];
  total: TotalReport | null;
  /** 优 / 良 / 中 / 差 from a complete total; null where there is no total or it is incomplete. */
  grade: string | null;
  gradeCell: string | null;
  enteredGrade: string | null;
  findings: Finding[];
  /** What a recompute writes: values and number formats only, never fills. */
  writes: CellPatch[];
  marks: Mark[];
}

export interface SheetReport {
  sheet: string;
  forms: FormReport[];
  /** Findings that belong to no form (form.not-found). */
  findings: Finding[];
}

/** Every finding of a sheet: its own (form.not-found, form.unreadable) first, then each form's. */
export function sheetFindings(report: SheetReport): Finding[] {
  // concat, not spread: a form of many thousand rows would overflow the call stack.
  return report.findings.concat(...report.forms.map((f) => f.findings));
}

/** Every finding of several sheets (a workbook, a batch of files), sheet by sheet. */
export function allFindings(reports: readonly SheetReport[]): Finding[] {
  return ([] as Finding[]).concat(...reports.map(sheetFindings));
}

/** How many findings of each severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** True when any finding is an error: the command's exit status 1, the pane's red banner. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
