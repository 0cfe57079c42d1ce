// What a range proxy of the in-memory Excel points at, and the addresses Excel reports for it.
import { a1, parseA1 } from '../../core/text';
import type { CellRange } from '../../core/types';
import type { MemorySheet } from './workbook';

export interface Target {
  sheet: MemorySheet;
  range: CellRange;
}

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A sheet name as Excel writes it in an address: quoted unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rangeText(r: CellRange): string {
  const start = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? start : `${start}:${a1(r.bottom, r.right)}`;
}

/** "B3", "B3:D4", "Sheet!B3:D4" or whole columns "D:D" → a rectangle; null when not an address. */
export function parseRangeText(text: string): CellRange | null {
  const local = text.includes('!') ? text.slice(text.lastIndexOf('!') + 1) : text;
  const whole = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(local);
  if (whole) {
    const p = parseA1(`${whole[1]}1`);
    const q = parseA1(`${whole[2]}1`);
    return p && q ? { top: 1, left: Math.min(p.col, q.col), bottom: MAX_ROWS, right: Math.max(p.col, q.col) } : null;
  }
  const [from, to] = local.split(':');
  const p = parseA1(from);
  const q = to === undefined ? p : parseA1(to);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}
