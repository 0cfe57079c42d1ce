// Reading WPS sheets and cells into the workflow's plain data (../door/host.ts) with a few
// whole-block calls: a sheet is its used range's address, then Value2 and Formula of the block
// (one call each), and number formats, fills and merged areas region by region (./regions.ts),
// since WPS reports those only for equal cells. Cells are probed run by run down a column.
import { a1, parseRange, rangeText } from '../core/address';
import type { CellRange, CellState, CellValue } from '../core/types';
import type { CellProbe, CellRef, SheetProtection, SheetRead, SheetRef } from '../door/host';
import { READ_WINDOW } from '../door/notices';
import { runsOf } from '../door/runs';
import type { CellPropertiesLike, ScalarValue } from '../excel/host';
import { toSnapshot } from '../excel/snapshot';
import { blockRows, get } from './access';
import { bgrToHex, cvErrText } from './color';
import { XL_NONE, type EtRange, type EtScalar, type EtWorksheet } from './jsapi';
import { probeRegions, subtract } from './regions';

/** A sheet of this session: WPS gives sheets no id that survives a rename, so the name is the id. */
export interface WpsSheet {
  ref: SheetRef;
  ws: EtWorksheet;
  protection: SheetProtection;
}

const WHITE = 16777215;

export function sheetOf(ws: EtWorksheet): WpsSheet {
  const name = get(ws, 'Name');
  return { ref: { id: name, name }, ws, protection: protectionOf(ws) };
}

/** Worksheet.ProtectContents, and Protection.AllowFormattingCells where the sheet is protected. */
function protectionOf(ws: EtWorksheet): SheetProtection {
  if (!get(ws, 'ProtectContents')) return { protected: false, formatCells: true };
  const protection = get(ws, 'Protection');
  return { protected: true, formatCells: protection !== undefined && get(protection, 'AllowFormattingCells') === true };
}

/** `ws.Range(r)`, or `whole` (already at hand) when `r` is its rectangle: one call fewer. */
function rangeIn(ws: EtWorksheet, rect: CellRange, whole: EtRange): (r: CellRange) => EtRange {
  return (r) =>
    r.top === rect.top && r.left === rect.left && r.bottom === rect.bottom && r.right === rect.right ? whole : ws.Range(rangeText(r));
}

/** The sheet from its used range's top-left, up to the read window; fills are read for all of it. */
export function readSheet(sheet: WpsSheet): SheetRead {
  const ws = sheet.ws;
  const used = get(ws, 'UsedRange');
  const whole = parseRange(used.Address(false, false));
  if (!whole) throw new Error(`工作表“${sheet.ref.name}”的已用区域无法识别`);
  const rows = Math.min(whole.bottom - whole.top + 1, READ_WINDOW.rows);
  const cols = Math.min(whole.right - whole.left + 1, READ_WINDOW.columns);
  const rect: CellRange = { top: whole.top, left: whole.left, bottom: whole.top + rows - 1, right: whole.left + cols - 1 };
  const truncated = rect.bottom < whole.bottom || rect.right < whole.right;
  const block = truncated ? used.Resize(rows, cols) : used;
  const range = rangeIn(ws, rect, block);
  const values = blockRows(get(block, 'Value2'), rows, cols);
  const formulas = blockRows(get(block, 'Formula'), rows, cols);

  const formats = grid(rows, cols, 'General');
  probeRegions(
    rect,
    (r) => get(range(r), 'NumberFormat'),
    (r, format) => paint(formats, rect, r, format),
  );
  const fills = grid<string | null>(rows, cols, null);
  probeRegions(
    rect,
    (r) => fillOf(range(r)),
    (r, fill) => paint(fills, rect, r, fill === '' ? null : fill),
  );
  const merges = readMerges(ws, rect, range);

  return {
    ref: sheet.ref,
    protection: sheet.protection,
    truncated,
    fillRows: { top: rect.top, bottom: rect.bottom },
    snapshot: toSnapshot({
      sheet: sheet.ref.name,
      rowIndex: rect.top - 1,
      columnIndex: rect.left - 1,
      values: values.map((line) => line.map(shown)),
      formulas: formulas.map((line) => line.map((f) => (typeof f === 'string' ? f : ''))),
      numberFormat: formats,
      valueTypes: values.map((line) => line.map(typeOf)),
      properties: fills.map((line) =>
        line.map((fill): CellPropertiesLike => ({ format: { fill: fill ? { color: fill, pattern: 'Solid' } : { pattern: 'None' } } })),
      ),
      merges: merges.map((m) => rangeText(m)),
    }),
  };
}

const MISSING: CellProbe = { missing: true, state: { value: null }, locked: null, protection: { protected: false, formatCells: true } };

/**
 * Probe cells, in the order asked: for each run of rows in a column one Value2 and one Formula call,
 * and number formats, fills and (on a protected sheet, where it matters) locks by region.
 */
export function probeCells(find: (ref: SheetRef) => WpsSheet | null, cells: CellRef[]): CellProbe[] {
  const out: CellProbe[] = cells.map(() => MISSING);
  const sheets = new Map<string, WpsSheet>();
  const placed = cells.flatMap((c, index) => {
    const sheet = find(c.sheet);
    if (!sheet) return [];
    sheets.set(sheet.ref.id, sheet);
    return [{ sheetId: sheet.ref.id, row: c.row, col: c.col, index }];
  });
  for (const run of runsOf(placed)) {
    const sheet = sheets.get(run.sheetId) as WpsSheet;
    const rect: CellRange = { top: run.top, left: run.col, bottom: run.bottom, right: run.col };
    const whole = sheet.ws.Range(rangeText(rect));
    const range = rangeIn(sheet.ws, rect, whole);
    const rows = run.bottom - run.top + 1;
    const values = blockRows(get(whole, 'Value2'), rows, 1);
    const formulas = blockRows(get(whole, 'Formula'), rows, 1);
    const formats = down(rect, (r) => get(range(r), 'NumberFormat'));
    const fills = down(rect, (r) => fillOf(range(r)));
    const locks = sheet.protection.protected ? down(rect, (r) => get(range(r), 'Locked')) : null;
    for (const p of run.items) {
      const i = p.row - run.top;
      const state: CellState = { value: valueOf(values[i][0]), fill: fills[i] ? fills[i] : null };
      const formula = formulas[i][0];
      if (typeof formula === 'string' && formula.startsWith('=')) state.formula = formula;
      const format = formats[i];
      if (format && format !== 'General') state.numberFormat = format;
      out[p.index] = { missing: false, state, locked: locks ? (locks[i] ?? null) : null, protection: sheet.protection };
    }
  }
  return out;
}

/** A property of each row of a one-column rectangle, asked region by region. */
function down<T>(rect: CellRange, ask: (r: CellRange) => T | null): (T | undefined)[] {
  const out: (T | undefined)[] = Array.from({ length: rect.bottom - rect.top + 1 }, () => undefined);
  probeRegions(rect, ask, (r, value) => {
    for (let row = r.top; row <= r.bottom; row++) out[row - rect.top] = value;
  });
  return out;
}

function grid<T>(rows: number, cols: number, init: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => init));
}

function paint<T>(cells: T[][], rect: CellRange, r: CellRange, value: T): void {
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) cells[row - rect.top][col - rect.left] = value;
}

function isCvErr(v: EtScalar): v is number {
  return typeof v === 'number' && cvErrText(v) !== null;
}

function typeOf(v: EtScalar): string {
  if (v === undefined || v === null || v === '') return 'Empty';
  if (isCvErr(v)) return 'Error';
  return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
}

function shown(v: EtScalar): ScalarValue {
  if (v === undefined || v === null) return '';
  return isCvErr(v) ? (cvErrText(v) as string) : v;
}

/** What a cell holds as the engine says it: empty is null, an error its text. */
function valueOf(v: EtScalar): CellValue {
  const s = shown(v);
  return s === '' ? null : s;
}

/** The fill every cell of the range shares: "#RRGGBB", "" for none, null when they differ. */
function fillOf(range: EtRange): string | null {
  const interior = get(range, 'Interior');
  const color = get(interior, 'Color');
  if (color === null) return null;
  // White is also what a cell without fill reports: the pattern tells them apart.
  if (color === WHITE) {
    const pattern = get(interior, 'Pattern');
    if (pattern === null) return null;
    return pattern === XL_NONE ? '' : '#FFFFFF';
  }
  return bgrToHex(color) ?? '';
}

/** The merged areas meeting `rect`: regions that are all merged are resolved by their first cell's MergeArea. */
function readMerges(ws: EtWorksheet, rect: CellRange, range: (r: CellRange) => EtRange): CellRange[] {
  const merges: CellRange[] = [];
  const merged: CellRange[] = [];
  probeRegions(
    rect,
    (r) => get(range(r), 'MergeCells'),
    (r, all) => {
      if (all) merged.push(r);
    },
  );
  while (merged.length > 0) {
    const r = merged.pop() as CellRange;
    let area = merges.find((m) => r.top >= m.top && r.top <= m.bottom && r.left >= m.left && r.left <= m.right);
    if (!area) {
      area = parseRange(get(ws.Range(a1(r.top, r.left)), 'MergeArea').Address(false, false)) ?? {
        top: r.top,
        left: r.left,
        bottom: r.top,
        right: r.left,
      };
      merges.push(area);
    }
    merged.push(...subtract(r, area));
  }
  return merges;
}
