// Writing a batch of cells into WPS in blocks: neighbours in a column that change the same things
// (content, the same number format, the same fill) are one Range with one NumberFormat, one Formula
// and one Interior call, whatever their number. The caller turns screen updating off around it;
// a failure stops the write where it happened (the workflow puts back what was written).
import { rangeText } from '../core/address';
import type { CellValue } from '../core/types';
import type { CellWrite } from '../door/host';
import { runsOf } from '../door/runs';
import { literal } from '../excel/typed-text';
import { get } from './access';
import { hexToBgr } from './color';
import { XL_NONE, type EtApplication, type EtScalar, type EtWorksheet } from './jsapi';

export interface WriteBlock {
  /** The sheet's name (WPS's id for it). */
  sheet: string;
  top: number;
  bottom: number;
  col: number;
  /** The number format for every cell of the block, or undefined to leave formats alone. */
  numberFormat?: string;
  /** Contents top to bottom (formulas or literal values), or undefined to leave contents alone. */
  contents?: EtScalar[];
  /** "#RRGGBB", null to remove fills, or undefined to leave fills alone. */
  fill?: string | null;
}

/** What a write changes, as a key: neighbours with the same key share a block. */
function shape(w: CellWrite): string {
  const content = 'value' in w.set || w.set.formula !== undefined ? 'c' : '';
  const fill = w.set.fill === undefined ? '' : w.set.fill === null ? 'x' : w.set.fill.toUpperCase();
  return JSON.stringify([content, w.set.numberFormat ?? null, fill]);
}

function content(w: CellWrite): EtScalar {
  if (w.set.formula !== undefined) return w.set.formula;
  const value: CellValue = w.set.value ?? null;
  return value === null ? '' : literal(value);
}

/** Group writes into column blocks of the same shape, in the order their sheets and columns come (pure). */
export function planBlocks(writes: CellWrite[]): WriteBlock[] {
  const placed = writes.map((write) => ({ sheetId: write.sheet.id, row: write.row, col: write.col, write }));
  return runsOf(placed, (a, b) => shape(a.write) === shape(b.write)).map((run) => {
    const first = run.items[0].write;
    const block: WriteBlock = { sheet: run.sheetId, top: run.top, bottom: run.bottom, col: run.col };
    if (first.set.numberFormat !== undefined) block.numberFormat = first.set.numberFormat;
    if ('value' in first.set || first.set.formula !== undefined) block.contents = run.items.map((p) => content(p.write));
    if (first.set.fill !== undefined) block.fill = first.set.fill;
    return block;
  });
}

/** Write the blocks in order; `sheet` finds a block's worksheet. A failure is thrown where it happens. */
export function writeBlocks(sheet: (name: string) => EtWorksheet, blocks: WriteBlock[]): void {
  for (const block of blocks) {
    const range = sheet(block.sheet).Range(rangeText({ top: block.top, left: block.col, bottom: block.bottom, right: block.col }));
    // The format goes first, so that the value is read under it.
    if (block.numberFormat !== undefined) range.NumberFormat = block.numberFormat;
    if (block.contents !== undefined) range.Formula = block.contents.length === 1 ? block.contents[0] : block.contents.map((c) => [c]);
    if (block.fill !== undefined) {
      const interior = get(range, 'Interior');
      if (block.fill === null) interior.Pattern = XL_NONE;
      else interior.Color = hexToBgr(block.fill);
    }
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
