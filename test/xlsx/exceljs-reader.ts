// Today's reading path before the file door, kept as a test oracle: an exceljs worksheet turned into
// the engine's Snapshot. The door's reader (src/xlsx/sheet-read.ts) must give the same snapshot on
// every workbook the tests and samples use (reader.test.ts).
import type { Cell as XCell, Workbook, Worksheet } from 'exceljs';
import type { Cell, CellRange, CellValue, Snapshot } from '../../src/core/types';

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, day 0 of Excel's 1900 date system (the 1900 leap-year bug folded in). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date as Excel's serial number, the way a cell holding it reads as a number. */
function dateSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / MS_PER_DAY;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

/** A plain value (or a formula's cached result) as the engine sees it. */
function plainValue(v: unknown): { value: CellValue; error?: true } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: dateSerial(v) };
  if (isObject(v)) {
    if (typeof v.error === 'string') return { value: v.error, error: true };
    if (Array.isArray(v.richText)) {
      return { value: v.richText.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : '')).join('') };
    }
    if (typeof v.text === 'string') return { value: v.text };
    if ('result' in v) return plainValue(v.result);
  }
  return { value: null };
}

/** Solid fill colour as "#RRGGBB", when the file says it plainly (theme colours are not resolved). */
function solidFill(cell: XCell): string | undefined {
  const fill = cell.style?.fill;
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return undefined;
  const argb = fill.fgColor?.argb;
  return argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : undefined;
}

function toCell(cell: XCell): Cell {
  const raw: unknown = cell.value;
  const out: Cell = { value: null };
  if (isObject(raw) && ('formula' in raw || 'sharedFormula' in raw)) {
    const formula = cell.formula;
    if (formula) out.formula = formula.startsWith('=') ? formula : `=${formula}`;
    Object.assign(out, plainValue(raw.result));
  } else {
    Object.assign(out, plainValue(raw));
  }
  const format = cell.numFmt;
  if (format && format !== 'General') out.numberFormat = format;
  const fill = solidFill(cell);
  if (fill) out.fill = fill;
  return out;
}

function hasContent(c: Cell): boolean {
  return c.value !== null || c.formula !== undefined || c.fill !== undefined;
}

/** Every cell of a worksheet that holds something, with its merges; values live in a merge's top-left cell. */
export function worksheetToSnapshot(ws: Worksheet): Snapshot {
  const found: { row: number; col: number; cell: Cell }[] = [];
  const merges = new Map<string, CellRange>();
  // findRow/findCell look without creating; eachCell would skip empty cells that carry a fill.
  for (let rowNumber = 1; rowNumber <= ws.rowCount; rowNumber++) {
    const row = ws.findRow(rowNumber);
    if (!row) continue;
    for (let colNumber = 1; colNumber <= row.cellCount; colNumber++) {
      const cell = row.findCell(colNumber);
      if (!cell) continue;
      if (cell.isMerged) {
        const master = cell.master;
        const range = merges.get(master.address) ?? {
          top: Number(master.row),
          left: Number(master.col),
          bottom: Number(master.row),
          right: Number(master.col),
        };
        range.top = Math.min(range.top, rowNumber);
        range.left = Math.min(range.left, colNumber);
        range.bottom = Math.max(range.bottom, rowNumber);
        range.right = Math.max(range.right, colNumber);
        merges.set(master.address, range);
        if (master.address !== cell.address) continue;
      }
      const c = toCell(cell);
      if (hasContent(c)) found.push({ row: rowNumber, col: colNumber, cell: c });
    }
  }
  const rangeList = [...merges.values()].filter((r) => r.bottom > r.top || r.right > r.left);
  let top = Infinity;
  let left = Infinity;
  for (const f of found) {
    top = Math.min(top, f.row);
    left = Math.min(left, f.col);
  }
  for (const r of rangeList) {
    top = Math.min(top, r.top);
    left = Math.min(left, r.left);
  }
  if (top === Infinity) return { sheet: ws.name, top: 1, left: 1, cells: [], merges: rangeList, mergesKnown: true };
  const cells: Cell[][] = [];
  for (const f of found) {
    const r = f.row - top;
    const row = (cells[r] ??= []);
    for (let k = row.length; k < f.col - left; k++) row.push({ value: null });
    row[f.col - left] = f.cell;
  }
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  return { sheet: ws.name, top, left, cells, merges: rangeList, mergesKnown: true };
}

export function workbookToSnapshots(wb: Workbook): Snapshot[] {
  return wb.worksheets.map(worksheetToSnapshot);
}
