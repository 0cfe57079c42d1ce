// Finding the forms on a sheet by their header labels, wherever they sit, and which layout family
// each one is (docs/layouts.md).
import type { Grid } from './grid';
import { budgetColumn, indicatorColumn, isTopTotalLabel, isTotalLabel, type BudgetColumn, type IndicatorColumn } from './labels';

/** The indicator table's columns: every header names the indicator. */
export type IndicatorColumns = Partial<Record<IndicatorColumn, number>> & { name: number };

interface HeaderBase {
  row: number;
  /** Header cells inside the table that the engine does not recognise. */
  unknown: Array<{ col: number; label: string }>;
  firstCol: number;
  lastCol: number;
}

/** A header and the columns its layout family is sure to have. */
export type IndicatorHeader = HeaderBase &
  (
    | { layout: 'standard'; columns: IndicatorColumns & { weight: number; score: number } }
    | { layout: 'coefficients'; columns: IndicatorColumns & { weight: number; score: number; coefficient: number } }
    | { layout: 'level-weights'; columns: IndicatorColumns & { score: number } }
    | { layout: 'targets-only'; columns: IndicatorColumns & { target: number; actual: number } }
  );

/** The budget block's columns: a header names at least 全年执行数 (and a budget figure to divide it by). */
export type BudgetColumns = Partial<Record<BudgetColumn, number>> & { executed: number };

export interface BudgetHeader {
  row: number;
  columns: BudgetColumns;
}

/** The 总分 row and the column of its label; `valueCol` for a total written beside its label above the table. */
export interface TotalLine {
  row: number;
  labelCol: number;
  valueCol?: number;
}

export interface FormLocation {
  /** First row of the form's region (after the previous form). */
  top: number;
  indicators: IndicatorHeader;
  budget: BudgetHeader | null;
  /** The 总分 row, or null when the form has none. */
  total: TotalLine | null;
  /** Last row of the form's region. */
  bottom: number;
}

/** Every header names its indicator column (三级指标 or 指标名称): other rows are data, skipped before their labels are normalised. */
const HEADER_WORD = /三\s*级\s*指\s*标|指\s*标\s*名\s*称/;

/**
 * A header row of the indicator table. It names the indicator and its target or actual, and then:
 * 分值 and 得分 (standard), also 得分系数 (coefficients), 得分 without 分值 (level-weights), or
 * neither but both the target and the actual and an explanation or 一级 column (targets-only).
 */
function indicatorHeaderAt(grid: Grid, row: number): IndicatorHeader | null {
  const columns: Partial<Record<IndicatorColumn, number>> = {};
  const unknown: Array<{ col: number; label: string }> = [];
  const cols = grid.filledColumns(row);
  if (!cols.some((col) => HEADER_WORD.test(String(grid.raw(row, col).value)))) return null;
  for (const col of cols) {
    const role = indicatorColumn(grid.label(row, col));
    if (role && columns[role] === undefined) columns[role] = col;
  }
  const { name, weight, score, coefficient, target, actual } = columns;
  if (name === undefined || (target === undefined && actual === undefined)) return null;
  const known = new Set(Object.values(columns));
  const firstCol = Math.min(...known);
  const lastCol = Math.max(...known);
  for (const col of cols) {
    if (known.has(col) || col < firstCol || col > lastCol) continue;
    unknown.push({ col, label: grid.text(row, col) });
  }
  const base = { row, unknown, firstCol, lastCol };
  if (weight !== undefined && score !== undefined) {
    if (coefficient !== undefined) return { ...base, layout: 'coefficients', columns: { ...columns, name, weight, score, coefficient } };
    return { ...base, layout: 'standard', columns: { ...columns, name, weight, score } };
  }
  if (score !== undefined && weight === undefined) return { ...base, layout: 'level-weights', columns: { ...columns, name, score } };
  const targetsOnly = weight === undefined && score === undefined && target !== undefined && actual !== undefined;
  if (targetsOnly && (columns.deviation !== undefined || columns.level1 !== undefined)) {
    return { ...base, layout: 'targets-only', columns: { ...columns, name, target, actual } };
  }
  return null;
}

function budgetHeaderAt(grid: Grid, row: number): BudgetHeader | null {
  const columns: Partial<Record<BudgetColumn, number>> = {};
  for (const col of grid.filledColumns(row)) {
    const role = budgetColumn(grid.label(row, col));
    if (role && columns[role] === undefined) columns[role] = col;
  }
  const executed = columns.executed;
  if (executed === undefined || (columns.planned === undefined && columns.initial === undefined)) return null;
  return { row, columns: { ...columns, executed } };
}

function totalAfter(grid: Grid, header: IndicatorHeader, limit: number): TotalLine | null {
  const last = header.columns.weight ?? header.columns.score ?? header.columns.target ?? header.lastCol;
  for (let row = header.row + 1; row <= limit; row++) {
    for (const col of grid.filledColumns(row)) {
      if (col > last) break;
      if (isTotalLabel(grid.label(row, col))) return { row, labelCol: col };
    }
  }
  return null;
}

export function locateForms(grid: Grid): FormLocation[] {
  const headers: IndicatorHeader[] = [];
  for (let row = grid.top; row <= grid.bottom; row++) {
    const h = indicatorHeaderAt(grid, row);
    // A header repeated right under another (a printed page break) belongs to the same table.
    if (h && !(headers.length > 0 && isRepeat(grid, headers[headers.length - 1], h))) headers.push(h);
  }
  const forms: FormLocation[] = [];
  let regionTop = grid.top;
  headers.forEach((indicators, i) => {
    const nextHeader = headers[i + 1]?.row ?? grid.bottom + 1;
    const after = totalAfter(grid, indicators, nextHeader - 1);
    const total = after ?? totalAbove(grid, regionTop, indicators.row);
    let budget: BudgetHeader | null = null;
    for (let row = indicators.row - 1; row >= regionTop && !budget; row--) budget = budgetHeaderAt(grid, row);
    const bottom = after !== null ? Math.min(nextHeader - 1, after.row + 3) : nextHeader - 1;
    forms.push({ top: regionTop, indicators, budget, total, bottom });
    regionTop = bottom + 1;
  });
  return forms;
}

/** True when `next` is the same header printed again inside the table of `prev` (no 总分 between them). */
function isRepeat(grid: Grid, prev: IndicatorHeader, next: IndicatorHeader): boolean {
  return totalAfter(grid, prev, next.row - 1) === null && budgetBetween(grid, prev.row, next.row) === false;
}

function budgetBetween(grid: Grid, from: number, to: number): boolean {
  for (let row = from + 1; row < to; row++) if (budgetHeaderAt(grid, row)) return true;
  return false;
}

/** A total written above the table beside its label ("自评总分 | 93.6"), as some department forms print it. */
function totalAbove(grid: Grid, top: number, headerRow: number): TotalLine | null {
  for (let row = top; row < headerRow; row++) {
    const filled = grid.filledColumns(row);
    for (const col of filled) {
      if (!isTopTotalLabel(grid.label(row, col))) continue;
      const m = grid.merge(row, col);
      const after = (m ? m.right : col) + 1;
      return { row, labelCol: col, valueCol: filled.find((c) => c >= after) ?? after };
    }
  }
  return null;
}
