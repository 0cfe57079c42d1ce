// Reading a number out of a cell that should hold one: a real number, or text such as
// "10 分", "100 %", "8,016.09", "１２３" (rules.md 4, number.text / number.invalid).
import Decimal from 'decimal.js';
import type { Cell } from './types';

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

const UNITS = ['万元', '元', '分', '%', '个', '份', '人', '人次', '次', '天', '日', '项', '件', '户'];

/** Parse a number written as text. Spaces inside the digits ("8016.0 9") make it invalid. */
export function parseNumberText(raw: string): NumberReading {
  const text = raw.normalize('NFKC').replace(/\u00a0|\u3000/g, ' ').trim();
  if (text === '') return { kind: 'empty' };
  if (/^#(DIV\/0!|REF!|VALUE!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)/i.test(text)) {
    return { kind: 'error', text };
  }
  const m = /^([+-]?)\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(.*)$/.exec(text);
  if (!m) return { kind: 'invalid', text: raw };
  const unit = m[4].trim();
  if (unit !== '' && !UNITS.includes(unit)) return { kind: 'invalid', text: raw };
  const digits = `${m[1]}${m[2].replace(/,/g, '')}${m[3] ?? ''}`;
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
