// How Excel would show a cell's value under its number format. Covers the formats these forms
// use (General, 0, 0.00, 0%, 0.00%, #,##0.00, text, quoted literals, "_ " padding), not Excel's
// whole language: an unknown format falls back to General rather than showing something wrong.
import type { CellValue } from '../core/types';

/** Excel's General: up to 11 significant characters, no trailing zeros. */
function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) {
    const [mantissa, exponent] = n.toExponential(5).split('e');
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${mantissa.replace(/\.?0+$/, '')}E${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  const intDigits = abs < 1 ? 1 : Math.floor(Math.log10(abs)) + 1;
  const decimals = Math.max(0, 10 - intDigits);
  return String(Number(n.toFixed(decimals)));
}

/** Round half away from zero, as Excel does when it shows fewer decimals. */
function fixed(n: number, decimals: number): string {
  const shifted = Number(`${Math.abs(n).toPrecision(15)}e${decimals}`);
  const rounded = Math.round(shifted);
  const text = Number(`${rounded}e-${decimals}`).toFixed(decimals);
  return n < 0 && rounded !== 0 ? `-${text}` : text;
}

function groupThousands(digits: string): string {
  const [int, frac] = digits.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** Pick the section of "pos;neg;zero;text" that applies, as Excel does. */
function section(format: string, value: number): { code: string; negativeHandled: boolean } {
  const parts = format.split(';');
  if (value < 0 && parts.length > 1) return { code: parts[1], negativeHandled: true };
  if (value === 0 && parts.length > 2) return { code: parts[2], negativeHandled: false };
  return { code: parts[0], negativeHandled: false };
}

/** Literal text around the digits: "quoted", \x escapes and _x padding (a space). */
function literals(code: string): { before: string; after: string; digits: string } | null {
  const tokens = code.match(/"[^"]*"|\\.|_.|\[[^\]]*\]|[#0,.%?]+|./g) ?? [];
  let before = '';
  let after = '';
  let digits = '';
  for (const token of tokens) {
    let text: string;
    if (token.startsWith('"')) text = token.slice(1, -1);
    else if (token.startsWith('\\')) text = token.slice(1);
    else if (token.startsWith('_')) text = ' ';
    else if (token.startsWith('[')) text = '';
    else if (/^[#0,.%?]+$/.test(token) && token !== ',' && token !== '.') {
      if (digits !== '' && !token.startsWith('%')) return null;
      digits += token;
      continue;
    } else if (/[a-zA-Z]/.test(token)) return null;
    else text = token;
    if (digits === '') before += text;
    else after += text;
  }
  return { before, after, digits };
}

function formatNumber(n: number, format: string): string {
  if (format === '' || /^general$/i.test(format)) return general(n);
  const { code, negativeHandled } = section(format, n);
  const parts = literals(code);
  if (!parts || parts.digits === '') return parts && code !== '' ? `${parts.before}${parts.after}` : general(n);
  const percent = (parts.digits.match(/%/g) ?? []).length;
  const pattern = parts.digits.replace(/%/g, '');
  const decimals = (pattern.split('.')[1] ?? '').replace(/[^0#?]/g, '').length;
  let value = negativeHandled ? Math.abs(n) : n;
  value *= 100 ** percent;
  let text = fixed(value, decimals);
  if (/#.*,|,.*[0#]/.test(pattern.split('.')[0])) {
    const sign = text.startsWith('-') ? '-' : '';
    text = sign + groupThousands(text.replace('-', ''));
  }
  return `${parts.before}${text}${'%'.repeat(percent)}${parts.after}`;
}

/** The text Excel shows for a value under a number format (before column width is applied). */
export function displayText(value: CellValue, numberFormat?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return formatNumber(value, numberFormat ?? '');
  return value;
}

/** Numbers sit on the right of a cell, text on the left, as in Excel. */
export function alignsRight(value: CellValue): boolean {
  return typeof value === 'number';
}
