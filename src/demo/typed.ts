// What typing into a cell stores, as Excel reads it: numbers become numbers ("85%" becomes 0.85
// shown as a percentage), TRUE/FALSE become booleans, everything else stays text as typed.
import type { CellValue } from '../core/types';

export interface Typed {
  value: CellValue;
  /** A format Excel would give the cell when it had none (a typed percentage). */
  numberFormat?: string;
}

export function parseTyped(text: string, currentFormat?: string): Typed {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  if (/^(true|false)$/i.test(trimmed)) return { value: /^true$/i.test(trimmed) };
  const percent = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*%$/.exec(trimmed);
  if (percent) {
    const decimals = (percent[1].split('.')[1] ?? '').length;
    const value = Number((Number(percent[1]) / 100).toPrecision(15));
    return { value, numberFormat: currentFormat ? undefined : decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%' };
  }
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  return { value: text };
}
