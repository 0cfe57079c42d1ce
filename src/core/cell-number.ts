// Reading a number out of a cell that should hold one: a real number, or text such as
// "10 分", "100 %", "8,016.09", "１２３" (docs/rules.md, number.text / number.invalid).
import Decimal from 'decimal.js';
import { finding } from './findings';
import type { Grid } from './grid';
import type { CellRef } from './read';
import { cellText, short } from './text';
import type { Cell, Finding } from './types';

export type NumberReading =
  | { kind: 'empty' }
  /** `fromText` is set when the number was typed as text; `unit` is what followed it (分, %, 万元…). */
  | { kind: 'number'; value: Decimal; fromText: boolean; unit: string; percent: boolean }
  | { kind: 'error'; text: string }
  | { kind: 'invalid'; text: string };

/** Excel keeps IEEE doubles and shows 15 significant digits; read them as such. */
export function decimalOf(n: number): Decimal {
  return new Decimal(Number(n.toPrecision(15)).toString());
}

const UNITS = ['万元', '万', '元', '分', '%', '个', '份', '人', '人次', '次', '天', '日', '项', '件', '户'];

/** Money written with its unit, in 元 per unit: "150万" and "125.25万元" are 万元, "72,890元" 元. */
const MONEY: Record<string, number> = { 万: 10000, 万元: 10000, 元: 1 };

/** Parse a number written as text. Spaces inside the digits ("8016.0 9") make it invalid. */
export function parseNumberText(raw: string): NumberReading {
  const text = raw
    .normalize('NFKC')
    .replace(/\u00a0|\u3000/g, ' ')
    .trim();
  if (text === '') return { kind: 'empty' };
  if (/^#(DIV\/0!|REF!|VALUE!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)/i.test(text)) {
    return { kind: 'error', text };
  }
  // A leading ¥ (NFKC folds the full-width ￥ into it) is money in 元 unless a unit follows ("¥150万").
  const m = /^([+-]?)\s*(¥?)\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(.*)$/.exec(text);
  if (!m) return { kind: 'invalid', text: raw };
  const unit = m[5].trim() || (m[2] ? '元' : '');
  if (unit !== '' && !UNITS.includes(unit)) return { kind: 'invalid', text: raw };
  const digits = `${m[1]}${m[3].replace(/,/g, '')}${m[4] ?? ''}`;
  let value = new Decimal(digits);
  const percent = unit === '%';
  if (percent) value = value.div(100);
  return { kind: 'number', value, fromText: true, unit, percent };
}

/** Read a cell that should hold a number. Percent-formatted numbers stay fractions (1 = 100%). */
export function readNumber(cell: Cell | undefined): NumberReading {
  if (!cell || cell.value === null || cell.value === '') return { kind: 'empty' };
  if (cell.error) return { kind: 'error', text: String(cell.value) };
  if (typeof cell.value === 'number') {
    if (!Number.isFinite(cell.value)) return { kind: 'invalid', text: String(cell.value) };
    const percent = (cell.numberFormat ?? '').includes('%');
    return { kind: 'number', value: decimalOf(cell.value), fromText: false, unit: percent ? '%' : '', percent };
  }
  if (typeof cell.value === 'boolean') return { kind: 'invalid', text: String(cell.value) };
  return parseNumberText(cell.value);
}

export interface FigureOptions {
  /** What the cell is, in Chinese, for messages: "分值", "得分"… */
  what: string;
  /** A rate: a plain number above 2 is read as percentage points (100 → 100%). */
  rate?: boolean;
  /** Points of the form's 100: a weight written as a percentage ("20%") is 20 points. */
  points?: boolean;
  /** Money in this unit: an amount typed with another ("72,890元" in a 万元 form) is converted. */
  money?: '万元' | '元';
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
    findings.push(finding('number.invalid', grid.sheet, at.address, `${opts.what}“${short(r.text)}”不是数字，请填写数字。`));
    return null;
  }
  let value = r.value;
  if (opts.rate && !r.percent && value.gt(2)) value = value.div(100);
  if (opts.points && r.percent) value = value.times(100);
  const written = MONEY[r.unit];
  if (opts.money && written !== undefined) value = value.times(written).div(MONEY[opts.money]);
  if (r.fromText) {
    const shown = opts.rate ? `${value.times(100).toString()}%` : opts.money ? `${value.toString()} ${opts.money}` : value.toString();
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
  findings.push(
    finding('weight.negative', grid.sheet, at.address, `${opts.what}是负数 ${value.toString()}；分值不能为负，未按它计算得分，请改正。`),
  );
  return null;
}
