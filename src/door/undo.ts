// Undo bookkeeping (pure): what a recompute records for each cell it writes, whether the cell
// still holds what it wrote, and what putting it back writes.
import type { CellPatch, CellState } from '../core/types';
import type { CellWrite, SheetRef } from './host';
import type { UndoEntry } from './records';

export function undoEntry(p: CellPatch, sheet: SheetRef): UndoEntry {
  const after: Partial<CellState> = {};
  if ('value' in p.set) after.value = p.set.value;
  if (p.set.formula !== undefined) after.formula = p.set.formula;
  if (p.set.numberFormat !== undefined) after.numberFormat = p.set.numberFormat;
  return { sheet: sheet.name, sheetId: sheet.id, cell: p.cell, row: p.row, col: p.col, before: p.before, after };
}

export function entrySheet(e: Pick<UndoEntry, 'sheet' | 'sheetId'>): SheetRef {
  return { id: e.sheetId ?? e.sheet, name: e.sheet };
}

/** The cell still shows what the add-in wrote there. */
export function stillHolds(now: CellState, after: Partial<CellState>): boolean {
  if (after.formula !== undefined) return now.formula === after.formula;
  if ('value' in after) {
    if (now.formula !== undefined) return false;
    const want = after.value ?? null;
    const have = now.value ?? null;
    if (typeof want === 'number' && typeof have === 'number') {
      if (Math.abs(want - have) > 1e-9) return false;
    } else if (want !== have) return false;
  }
  if (after.numberFormat !== undefined && (now.numberFormat ?? 'General') !== after.numberFormat) return false;
  return true;
}

/** Put back what the write replaced: the content, and the number format only where the write changed it. */
export function restoreWrite(e: UndoEntry): CellWrite {
  const set: Partial<CellState> = {};
  if (e.after.numberFormat !== undefined) set.numberFormat = e.before.numberFormat ?? 'General';
  if (e.before.formula !== undefined) set.formula = e.before.formula;
  else set.value = e.before.value;
  return { sheet: entrySheet(e), row: e.row, col: e.col, set };
}
