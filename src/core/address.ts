// The one place for cell addresses: column letters and numbers, "B12", "A1:C3", and a sheet name
// in front when there is one ("'Sheet (2)'!B12"). Rows and columns are 1-based, as Excel counts.
import type { CellRange } from './types';

/** Excel's last row and column (XFD): an address beyond them names no cell. */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

/** 1-based column number to letters (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Column letters to a 1-based number ("A" → 1, "aa" → 27); null when they are not letters. */
export function columnNumber(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

/** 1-based row and column to an A1 address. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** An A1 address ("B12", "$B$12") to 1-based row and column; null when it is not one. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  if (col === null || row < 1) return null;
  return { row, col };
}

/** The sheet name and the local address of "Sheet1!B3" or "'My sheet'!B3:C4" (sheet null when none). */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: address };
  const name = address.slice(0, bang);
  const quoted = /^'(.*)'$/.exec(name);
  return { sheet: quoted ? quoted[1].replace(/''/g, "'") : name, local: address.slice(bang + 1) };
}

/** A sheet name as an address prefix needs it: quoted when it holds anything but letters, digits, _ and . */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "A5:A11", "B3" or "'Sheet (2)'!B3:D4" to a rectangle (corners in any order); null when not a range. */
export function parseRange(text: string): CellRange | null {
  const [from, to = from, ...rest] = splitSheet(text.trim()).local.split(':');
  if (rest.length > 0) return null;
  const p = parseA1(from);
  const q = parseA1(to);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** Whole columns ("D:D", "$B:$F") to a rectangle over every row (in any order); null when not columns. */
export function parseColumns(text: string): CellRange | null {
  const [from, to, ...rest] = splitSheet(text.trim()).local.split(':');
  if (to === undefined || rest.length > 0) return null;
  const left = columnNumber(from.replace(/^\$/, ''));
  const right = columnNumber(to.replace(/^\$/, ''));
  if (left === null || right === null) return null;
  return { top: 1, left: Math.min(left, right), bottom: MAX_ROW, right: Math.max(left, right) };
}

/** A rectangle as "A5:A11", or "B3" when it is one cell; with `sheet`, qualified ("'Sheet (2)'!B3"). */
export function rangeText(r: CellRange, sheet?: string): string {
  const start = a1(r.top, r.left);
  const local = r.top === r.bottom && r.left === r.right ? start : `${start}:${a1(r.bottom, r.right)}`;
  return sheet === undefined ? local : `${quoteSheet(sheet)}!${local}`;
}

/** Reading order of two addresses: by row, then column; addresses that are not A1 come first. */
export function compareAddresses(a: string, b: string): number {
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q) return (p ? 1 : 0) - (q ? 1 : 0);
  return p.row - q.row || p.col - q.col;
}
