// Writing cell states into WPS in blocks: cells of one column, next to each other, that take the same
// number format are written with one Range, one NumberFormat and one Formula call, whatever their
// number. Screen updating is off while writing and restored after; locked cells of a protected
// sheet stop the write before anything is written; a write that fails part-way puts back what it
// had written.
import type { CellRange, CellState, CellValue } from '../core/types';
import { DoorError } from '../door/errors';
import { literal } from '../excel/typed-text';
import { get } from './access';
import { hexToBgr } from './color';
import { XL_NONE, type EtApplication, type EtScalar, type EtWorksheet } from './jsapi';
import { rangeAddress } from './read';

export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  /** Only the fields present change; `numberFormat: 'General'` clears a format, `fill: null` a fill. */
  state: Partial<CellState>;
}

export interface WriteBlock {
  sheet: string;
  rect: CellRange;
  /** The number format for every cell of the block, or undefined to leave formats alone. */
  numberFormat?: string;
  /** Contents top to bottom (formulas or literal values), or undefined to leave contents alone. */
  contents?: EtScalar[];
  /** "#RRGGBB", null to remove fills, or undefined to leave fills alone. */
  fill?: string | null;
  /** The writes the block carries, in order. */
  writes: CellWrite[];
}

function content(state: Partial<CellState>): EtScalar | undefined {
  if (state.formula !== undefined) return state.formula;
  if (!('value' in state)) return undefined;
  const value: CellValue = state.value ?? null;
  return value === null ? '' : literal(value);
}

/** Group writes into column blocks of equal format, fill and kind, in row order (pure). */
export function planBlocks(writes: CellWrite[]): WriteBlock[] {
  const sorted = [...writes].sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.col - b.col || a.row - b.row));
  const blocks: WriteBlock[] = [];
  for (const w of sorted) {
    const c = content(w.state);
    const last = blocks[blocks.length - 1];
    const fits =
      last !== undefined &&
      last.sheet === w.sheet &&
      last.rect.left === w.col &&
      last.rect.bottom + 1 === w.row &&
      last.numberFormat === w.state.numberFormat &&
      last.fill === w.state.fill &&
      (last.contents === undefined) === (c === undefined);
    if (fits) {
      last.rect.bottom = w.row;
      if (c !== undefined) last.contents?.push(c);
      last.writes.push(w);
      continue;
    }
    const block: WriteBlock = { sheet: w.sheet, rect: { top: w.row, left: w.col, bottom: w.row, right: w.col }, writes: [w] };
    if (w.state.numberFormat !== undefined) block.numberFormat = w.state.numberFormat;
    if (c !== undefined) block.contents = [c];
    if (w.state.fill !== undefined) block.fill = w.state.fill;
    blocks.push(block);
  }
  return blocks;
}

/** The sheets of the active workbook by name, asked for once each. */
export class SheetCache {
  private readonly sheets = new Map<string, EtWorksheet>();
  constructor(private readonly app: EtApplication) {}

  get(name: string): EtWorksheet {
    let ws = this.sheets.get(name);
    if (!ws) {
      const wb = get(this.app, 'ActiveWorkbook');
      if (!wb) throw new DoorError('not-found', '没有打开的工作簿');
      try {
        ws = get(wb, 'Worksheets').Item(name);
      } catch {
        throw new DoorError('not-found', name);
      }
      this.sheets.set(name, ws);
    }
    return ws;
  }
}

function writeBlock(ws: EtWorksheet, block: WriteBlock): void {
  const range = ws.Range(rangeAddress(block.rect));
  // The format goes first, so that the value is read under it.
  if (block.numberFormat !== undefined) range.NumberFormat = block.numberFormat;
  if (block.contents !== undefined) range.Formula = block.contents.length === 1 ? block.contents[0] : block.contents.map((c) => [c]);
  if (block.fill !== undefined) {
    const interior = get(range, 'Interior');
    if (block.fill === null) interior.Pattern = XL_NONE;
    else interior.Color = hexToBgr(block.fill);
  }
}

/**
 * Refuse before writing when a block would touch a locked cell of a protected sheet, or change a
 * format there (a protected sheet refuses formatting even in unlocked cells unless its protection
 * allows it, which the add-in does not rely on).
 */
export function checkUnlocked(sheets: SheetCache, blocks: WriteBlock[]): void {
  const protectedSheets = new Map<string, boolean>();
  for (const block of blocks) {
    const ws = sheets.get(block.sheet);
    if (!protectedSheets.has(block.sheet)) protectedSheets.set(block.sheet, get(ws, 'ProtectContents'));
    if (!protectedSheets.get(block.sheet)) continue;
    if (block.numberFormat !== undefined || block.fill !== undefined) throw new DoorError('protected', block.sheet);
    if (get(ws.Range(rangeAddress(block.rect)), 'Locked') !== false) throw new DoorError('protected', block.sheet);
  }
}

/** Run `work` with screen updating off, restoring what it was even when `work` throws. */
export function withScreenOff<T>(app: EtApplication, work: () => T): T {
  const was = get(app, 'ScreenUpdating');
  app.ScreenUpdating = false;
  try {
    return work();
  } finally {
    app.ScreenUpdating = was;
  }
}

/**
 * Write the blocks in order. When one fails, the blocks before it and the failing one are put back
 * to `restore` (the states before the write) and the failure is thrown.
 */
export function writeBlocks(sheets: SheetCache, blocks: WriteBlock[], restore: (w: CellWrite) => CellWrite): void {
  let done = 0;
  try {
    for (const block of blocks) {
      writeBlock(sheets.get(block.sheet), block);
      done++;
    }
  } catch (error) {
    rollBack(sheets, blocks.slice(0, done + 1).flatMap((b) => b.writes).map(restore));
    throw error;
  }
}

/** Put cells back block by block; a block that fails again is put back cell by cell, skipping the cell that fails. */
function rollBack(sheets: SheetCache, writes: CellWrite[]): void {
  for (const block of planBlocks(writes)) {
    try {
      writeBlock(sheets.get(block.sheet), block);
    } catch {
      for (const w of block.writes) {
        try {
          for (const one of planBlocks([w])) writeBlock(sheets.get(one.sheet), one);
        } catch {
          // The same failure again: that cell was never written.
        }
      }
    }
  }
}
