// Queueing a batch of cell writes through Office.js: consecutive cells of a column that change the
// same things (content, number format, the same fill) become one range with one call per thing,
// instead of a range and several calls per cell (office-js#1046: one getRange per cell hangs).
import { a1 } from '../core/address';
import type { CellValue } from '../core/types';
import type { CellWrite } from '../door/host';
import type { RequestContextLike, ScalarValue, WorksheetLike } from './host';
import { runsOf } from '../door/runs';
import { literal } from './typed-text';

interface Placed {
  sheetId: string;
  row: number;
  col: number;
  write: CellWrite;
}

/** What a write changes, as a key: neighbours with the same key share a range. */
function shape(w: CellWrite): string {
  const content = 'value' in w.set || w.set.formula !== undefined ? 'c' : '';
  const format = w.set.numberFormat !== undefined ? 'n' : '';
  const fill = w.set.fill === undefined ? '' : w.set.fill === null ? 'x' : w.set.fill.toUpperCase();
  return `${content}${format}/${fill}`;
}

/** Queue `writes` (sheets named by id) and return how many ranges they took. */
export function queueWrites(ctx: RequestContextLike, writes: CellWrite[], sheetId: (w: CellWrite) => string): number {
  const placed: Placed[] = writes.map((write) => ({ sheetId: sheetId(write), row: write.row, col: write.col, write }));
  const worksheets = new Map<string, WorksheetLike>();
  const sheet = (id: string): WorksheetLike => {
    let ws = worksheets.get(id);
    if (!ws) worksheets.set(id, (ws = ctx.workbook.worksheets.getItem(id)));
    return ws;
  };
  const runs = runsOf(placed, (a, b) => shape(a.write) === shape(b.write));
  for (const run of runs) {
    const range = sheet(run.sheetId).getRange(
      run.top === run.bottom ? a1(run.top, run.col) : `${a1(run.top, run.col)}:${a1(run.bottom, run.col)}`,
    );
    const first = run.items[0].write.set;
    // The format goes first, so that the value is read under it.
    if (first.numberFormat !== undefined) range.numberFormat = run.items.map((p) => [p.write.set.numberFormat as string]);
    if ('value' in first || first.formula !== undefined)
      range.formulas = run.items.map((p) => [p.write.set.formula ?? literal(scalar(p.write.set.value ?? null))]);
    if (first.fill === null) range.format.fill.clear();
    else if (first.fill !== undefined) range.format.fill.color = first.fill;
  }
  return runs.length;
}

export function scalar(value: CellValue): ScalarValue {
  return value === null ? '' : value;
}
