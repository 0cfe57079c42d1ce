// Turning what Excel returned for a used range into the engine's Snapshot (pure, no Office.js).
import { parseRange } from '../core/address';
import type { Cell, CellRange, Snapshot } from '../core/types';
import type { CellPropertiesLike, ScalarValue } from './host';

export interface RawRange {
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  values: ScalarValue[][];
  formulas: ScalarValue[][];
  numberFormat: ScalarValue[][];
  valueTypes: string[][];
  /** From getCellProperties (ExcelApi 1.9), or null when this Excel cannot say. */
  properties: CellPropertiesLike[][] | null;
  /** Merged-area addresses ("Sheet1!A5:A10"), or null when this Excel cannot say (below 1.13). */
  merges: string[] | null;
}

/**
 * A solid fill as "#RRGGBB", or null for none. Excel reports "#FFFFFF" for a cell without fill, so
 * the pattern ("None") tells them apart; without a pattern white counts as none.
 */
export function fillOf(color: string | undefined, pattern: string | undefined): string | null {
  if (!color || pattern === 'None') return null;
  const upper = color.toUpperCase();
  if (pattern === undefined && upper === '#FFFFFF') return null;
  return upper;
}

export function toSnapshot(raw: RawRange): Snapshot {
  const cells: Cell[][] = raw.values.map((row, r) =>
    row.map((value, c) => {
      const type = raw.valueTypes[r]?.[c];
      const formula = raw.formulas[r]?.[c];
      const format = raw.numberFormat[r]?.[c];
      const cell: Cell = { value: type === 'Empty' || value === '' ? null : value };
      if (typeof formula === 'string' && formula.startsWith('=')) cell.formula = formula;
      if (typeof format === 'string' && format !== 'General' && format !== '') cell.numberFormat = format;
      if (type === 'Error') cell.error = true;
      const props = raw.properties?.[r]?.[c];
      const fill = props ? fillOf(props.format?.fill?.color, props.format?.fill?.pattern) : null;
      if (fill) cell.fill = fill;
      return cell;
    }),
  );
  const merges = (raw.merges ?? []).map(parseRange).filter((m): m is CellRange => m !== null);
  return { sheet: raw.sheet, top: raw.rowIndex + 1, left: raw.columnIndex + 1, cells, merges, mergesKnown: raw.merges !== null };
}
