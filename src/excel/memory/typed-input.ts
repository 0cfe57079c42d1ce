// How Excel stores a string written through values or formulas: like text typed into the cell.
import type { ScalarValue } from '../host';
import type { MemoryCell } from './workbook';

/**
 * A written value as Excel stores it. A leading apostrophe keeps text as text; "=…" is a formula;
 * numbers and percentages become numbers (a percentage also gets a percent format when the cell
 * has none), unless the cell is formatted as text ("@").
 */
export function typedInput(value: ScalarValue, numberFormat: string | undefined): Partial<MemoryCell> {
  if (typeof value !== 'string') return { value, formula: undefined };
  if (value === '') return { value: null, formula: undefined };
  if (value.startsWith("'")) return { value: value.slice(1), formula: undefined };
  if (numberFormat === '@') return { value, formula: undefined };
  if (value.startsWith('=')) return { formula: value };
  const text = value.trim();
  const percent = /^([-+]?\d+(?:\.\d+)?)%$/.exec(text);
  if (percent) {
    const decimals = percent[1].split('.')[1]?.length ?? 0;
    return { value: Number(percent[1]) / 100, formula: undefined, numberFormat: numberFormat ?? (decimals > 0 ? '0.00%' : '0%') };
  }
  if (/^[-+]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(text)) return { value: Number(text.replace(/,/g, '')), formula: undefined };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true', formula: undefined };
  return { value, formula: undefined };
}
