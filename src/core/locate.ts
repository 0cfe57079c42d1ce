// Finding the forms on a sheet by their header labels, wherever they sit.
import type { Grid } from './grid';
import { budgetColumn, indicatorColumn, isTotalLabel, type BudgetColumn, type IndicatorColumn } from './labels';

/** The indicator table's columns: a header names at least the indicator, its weight and its score. */
export type IndicatorColumns = Partial<Record<IndicatorColumn, number>> & Record<'name' | 'weight' | 'score', number>;

export interface IndicatorHeader {
  row: number;
  columns: IndicatorColumns;
  /** Header cells inside the table that the engine does not recognise. */
  unknown: Array<{ col: number; label: string }>;
  firstCol: number;
  lastCol: number;
}

/** The budget block's columns: a header names at least 全年执行数 (and a budget figure to divide it by). */
export type BudgetColumns = Partial<Record<BudgetColumn, number>> & { executed: number };

export interface BudgetHeader {
  row: number;
  columns: BudgetColumns;
}

/** The 总分 row and the column of its label. */
export interface TotalLine {
  row: number;
  labelCol: number;
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

const HAS_SCORE = /得\s*分/;

/** A header row of the indicator table: it names at least the indicator, its target or actual, weight and score. */
function indicatorHeaderAt(grid: Grid, row: number): IndicatorHeader | null {
  const columns: Partial<Record<IndicatorColumn, number>> = {};
  const unknown: Array<{ col: number; label: string }> = [];
  const cols = grid.filledColumns(row);
  // Most rows are data: skip them before normalising every label (every header names 得分).
  if (!cols.some((col) => HAS_SCORE.test(String(grid.raw(row, col).value)))) return null;
  for (const col of cols) {
    const role = indicatorColumn(grid.label(row, col));
    if (role && columns[role] === undefined) columns[role] = col;
  }
  const { name, weight, score } = columns;
  const hasTarget = columns.target !== undefined || columns.actual !== undefined;
  if (name === undefined || !hasTarget || weight === undefined || score === undefined) return null;
  const known = new Set(Object.values(columns));
  const firstCol = Math.min(...known);
  const lastCol = Math.max(...known);
  for (const col of cols) {
    if (known.has(col) || col < firstCol || col > lastCol) continue;
    unknown.push({ col, label: grid.text(row, col) });
  }
  return { row, columns: { ...columns, name, weight, score }, unknown, firstCol, lastCol };
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
  for (let row = header.row + 1; row <= limit; row++) {
    for (const col of grid.filledColumns(row)) {
      if (col > header.columns.weight) break;
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
    const total = totalAfter(grid, indicators, nextHeader - 1);
    let budget: BudgetHeader | null = null;
    for (let row = indicators.row - 1; row >= regionTop && !budget; row--) budget = budgetHeaderAt(grid, row);
    const bottom = total !== null ? Math.min(nextHeader - 1, total.row + 3) : nextHeader - 1;
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
