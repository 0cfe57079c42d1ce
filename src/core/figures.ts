// Reading the numbers of a form's cells, reporting text-numbers and unreadable entries on the way.
import Decimal from 'decimal.js';
import { finding } from './findings';
import type { Grid } from './grid';
import { readNumber } from './number';
import type { CellRef } from './read';
import { cellText } from './text';
import type { Finding } from './types';

const ROUND = Decimal.ROUND_HALF_UP;

export function round2(d: Decimal): Decimal {
  return d.toDecimalPlaces(2, ROUND);
}

/** "97.87", "10.00". */
export function fixed2(d: Decimal): string {
  return d.toFixed(2, ROUND);
}

/** "100.00%" from a fraction. */
export function percent2(fraction: Decimal): string {
  return `${fraction.times(100).toFixed(2, ROUND)}%`;
}

/** Plain exact text of a number as entered: "2", "1.5". */
export function plain(d: Decimal): string {
  return d.toString();
}

export interface FigureOptions {
  /** What the cell is, in Chinese, for messages: "分值", "得分"… */
  what: string;
  /** A rate: a plain number above 2 is read as percentage points (100 → 100%). */
  rate?: boolean;
}

/**
 * The number in a cell, or null when it is empty or unreadable. Text-numbers give number.text,
 * unreadable entries number.invalid; error cells are reported once by the form scan (formula.error).
 */
export function readFigure(grid: Grid, at: CellRef | null, findings: Finding[], opts: FigureOptions): Decimal | null {
  if (!at) return null;
  const cell = grid.raw(at.row, at.col);
  const r = readNumber(cell);
  if (r.kind === 'empty' || r.kind === 'error') return null;
  if (r.kind === 'invalid') {
    findings.push(
      finding('number.invalid', grid.sheet, at.address, `${opts.what}“${short(r.text)}”不是数字，请填写数字。`),
    );
    return null;
  }
  let value = r.value;
  if (opts.rate && !r.percent && value.gt(2)) value = value.div(100);
  if (r.fromText) {
    const shown = opts.rate ? `${value.times(100).toString()}%` : value.toString();
    findings.push(
      finding(
        'number.text',
        grid.sheet,
        at.address,
        `${opts.what}“${short(cellText(cell.value))}”是文本，已按 ${shown} 读取；请改为数字格式。`,
      ),
    );
  }
  return value;
}

/**
 * A weight (分值): a figure that cannot be negative. A negative one is an error on that cell and
 * reads as no weight, so no score is computed or written from it.
 */
export function readWeight(grid: Grid, at: CellRef | null, findings: Finding[], opts: FigureOptions): Decimal | null {
  const value = readFigure(grid, at, findings, opts);
  if (value === null || !at || !value.isNegative() || value.isZero()) return value;
  findings.push(finding('weight.negative', grid.sheet, at.address, `${opts.what}是负数 ${value.toString()}；分值不能为负，未按它计算得分，请改正。`));
  return null;
}

export function short(text: string, max = 40): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
