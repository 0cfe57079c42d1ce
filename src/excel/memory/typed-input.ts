// How Excel stores a string written through Range.values or formulas: like text typed into the
// cell in a Chinese-locale Excel. It turns what looks like a number, a percentage, a currency
// amount, a date or a time into a number (with a format when the cell has none), full-width digits
// included; TRUE/FALSE into booleans; "#N/A" and its kind into errors; "=…" into a formula. A
// leading apostrophe, or the text format "@", keeps the text.
import type { ScalarValue } from '../host';
import type { MemoryCell } from './workbook';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A'];
/** The year Excel assumes for a date typed without one. */
const THIS_YEAR = new Date().getFullYear();

/** Excel's serial number of a date (1900 date system): days since 1899-12-30. */
function serial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const time = Date.UTC(year, month - 1, day);
  if (new Date(time).getUTCDate() !== day) return null;
  return Math.round((time - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** A typed date or time: its serial number and the format Excel gives it. */
function dateOrTime(text: string): { value: number; format: string } | null {
  let m = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(text);
  if (m) {
    const v = serial(+m[1], +m[2], m[3] ? +m[3] : 1);
    return v === null ? null : { value: v, format: m[3] ? 'yyyy"年"m"月"d"日"' : 'yyyy"年"m"月"' };
  }
  m = /^(\d{1,2})月(\d{1,2})日$/.exec(text);
  if (m) {
    const v = serial(THIS_YEAR, +m[1], +m[2]);
    return v === null ? null : { value: v, format: 'm"月"d"日"' };
  }
  m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(text);
  if (m) {
    const v = serial(+m[1], +m[2], +m[3]);
    return v === null ? null : { value: v, format: 'yyyy/m/d' };
  }
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (m) {
    const v = serial(THIS_YEAR, +m[1], +m[2]);
    return v === null ? null : { value: v, format: 'm"月"d"日"' };
  }
  m = /^(\d{1,2})[- ]([A-Za-z]{3,9})(?:[- ](\d{2,4}))?$/.exec(text);
  if (m && month(m[2]) > 0) {
    const year = m[3] ? (m[3].length === 2 ? 2000 + +m[3] : +m[3]) : THIS_YEAR;
    const v = serial(year, month(m[2]), +m[1]);
    return v === null ? null : { value: v, format: m[3] ? 'd-mmm-yy' : 'd-mmm' };
  }
  m = /^([A-Za-z]{3,9})[- ](\d{1,2})$/.exec(text);
  if (m && month(m[1]) > 0) {
    const v = serial(THIS_YEAR, month(m[1]), +m[2]);
    return v === null ? null : { value: v, format: 'd-mmm' };
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (m && +m[1] < 24 && +m[2] < 60 && (!m[3] || +m[3] < 60))
    return { value: (+m[1] * 3600 + +m[2] * 60 + (m[3] ? +m[3] : 0)) / 86_400, format: m[3] ? 'h:mm:ss' : 'h:mm' };
  return null;
}

/** A typed number: plain, with thousands separators, scientific, in parentheses (negative) or with a currency sign. */
function number(text: string): { value: number; format?: string } | null {
  const currency = /^([$¥])(.*)$/.exec(text);
  const body = currency ? currency[2] : text;
  const negative = /^\((.*)\)$/.exec(body);
  const digits = negative ? negative[1] : body;
  if (!/^[-+]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?([eE][-+]?\d+)?$/.test(digits)) return null;
  const value = Number(digits.replace(/,/g, '')) * (negative ? -1 : 1);
  if (!Number.isFinite(value)) return null;
  return currency ? { value, format: `${currency[1]}#,##0.00` } : { value };
}

/**
 * A written value as Excel stores it; a percentage, currency amount, date or time also formats
 * its cell when the cell has no format yet.
 */
export function typedInput(value: ScalarValue, numberFormat: string | undefined): Partial<MemoryCell> {
  if (typeof value !== 'string') return { value, formula: undefined };
  if (value === '') return { value: null, formula: undefined };
  if (value.startsWith("'")) return { value: value.slice(1), formula: undefined };
  if (numberFormat === '@') return { value, formula: undefined };
  if (value.startsWith('=')) return { formula: value };
  // Full-width digits and signs are read as their ASCII forms (１２３ → 123, ％ → %).
  const text = value.normalize('NFKC').trim();
  const formatted = (v: number, format: string): Partial<MemoryCell> => ({
    value: v,
    formula: undefined,
    numberFormat: numberFormat ?? format,
  });
  const percent = /^([-+]?\d+(?:\.\d+)?)%$/.exec(text);
  if (percent) return formatted(Number(percent[1]) / 100, (percent[1].split('.')[1]?.length ?? 0) > 0 ? '0.00%' : '0%');
  const n = number(text);
  if (n) return n.format ? formatted(n.value, n.format) : { value: n.value, formula: undefined };
  const date = dateOrTime(text);
  if (date) return formatted(date.value, date.format);
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true', formula: undefined };
  if (ERRORS.includes(text.toUpperCase())) return { value: text.toUpperCase(), formula: undefined };
  return { value, formula: undefined };
}
