// The review's summary as CSV. Text from a form that a spreadsheet would run as a formula is
// neutralised (OWASP "CSV Injection"): a leading ', and quoting wherever a separator could split it.
import Decimal from 'decimal.js';
import { safeText, SUMMARY_COLUMNS, summaryRows, summaryValues, type ReviewFile } from './review-rows';

/**
 * Characters a spreadsheet may skip before it sees a leading "=": spaces (ASCII, no-break,
 * ideographic), zero-width and byte-order marks, and control characters.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE_LEAD = /^[\s\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff\u0000-\u001f]*/;
/** What starts a formula in Excel, LibreOffice or WPS, in ASCII and full width (＝ ＋ － ＠). */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
/** Separators some spreadsheets split an unquoted field on: comma, semicolon (European locales), tab. */
const SEPARATORS = /[",;\t\r\n]/;

/** True when some piece of the text, split as any spreadsheet might split it, would start a formula. */
export function looksLikeFormula(text: string): boolean {
  return text.split(/[,;\t\r\n]/).some((piece) => FORMULA_START.test(piece.replace(INVISIBLE_LEAD, '')));
}

/**
 * A CSV field. Text from a form that could reach a spreadsheet as a formula gets a leading ', and
 * every field holding a separator is quoted, so a ";=…" payload stays inside its field.
 */
export function csvField(value: string | number | null, fromForm: boolean): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? String(value) : safeText(value);
  if (fromForm && looksLikeFormula(text)) text = `'${text}`;
  return SEPARATORS.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The summary sheet as CSV: UTF-8 with a BOM (so Excel reads the Chinese), RFC 4180 quoting, CRLF. */
export function reviewCsv(files: ReviewFile[]): string {
  const lines = [SUMMARY_COLUMNS.map(([h]) => csvField(h, false)).join(',')];
  for (const r of summaryRows(files)) {
    const values = summaryValues(r);
    // The rate is written as the person reads it (100.00%), the scores with their two decimals.
    const shown = values.map((v, k) => {
      const kind = SUMMARY_COLUMNS[k][2];
      if (typeof v !== 'number') return csvField(v, kind === 'text');
      if (kind === 'percent') return csvField(`${new Decimal(v).times(100).toFixed(2)}%`, false);
      return csvField(kind === 'score' ? new Decimal(v).toFixed(2) : v, false);
    });
    lines.push(shown.join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
