// What a range proxy of the in-memory Excel points at, and the addresses Excel accepts for one.
import { columnNumber, MAX_ROW, parseRange } from '../../core/address';
import type { CellRange } from '../../core/types';
import type { MemorySheet } from './workbook';

export interface Target {
  sheet: MemorySheet;
  range: CellRange;
}

/** "B3", "B3:D4", "Sheet!B3:D4" or whole columns "D:D" → a rectangle; null when not an address. */
export function parseRangeText(text: string): CellRange | null {
  const local = text.includes('!') ? text.slice(text.lastIndexOf('!') + 1) : text;
  const whole = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(local);
  if (whole) {
    const p = columnNumber(whole[1]);
    const q = columnNumber(whole[2]);
    return p && q ? { top: 1, left: Math.min(p, q), bottom: MAX_ROW, right: Math.max(p, q) } : null;
  }
  return parseRange(local);
}
