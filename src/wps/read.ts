// Reading a WPS sheet into the engine's Snapshot with a few whole-block calls: the used range's
// address, then Value2 and Formula of the block (one call each), and number formats, fills and
// merged areas region by region (./regions.ts), since WPS reports those only for equal cells.
import type { CellRange, Snapshot } from '../core/types';
import { a1, parseRange } from '../core/address';
import { READ_WINDOW } from '../door/notices';
import type { CellPropertiesLike, ScalarValue } from '../excel/host';
import { toSnapshot } from '../excel/snapshot';
import { blockRows, get } from './access';
import { bgrToHex, cvErrText } from './color';
import { XL_NONE, type EtScalar, type EtWorksheet } from './jsapi';
import { probeRegions, subtract } from './regions';

export interface WpsSheetRead {
  snapshot: Snapshot;
  protected: boolean;
  /** The used range went beyond the read window. */
  truncated: boolean;
}

const WHITE = 16777215;

export function rangeAddress(r: CellRange): string {
  const start = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? start : `${start}:${a1(r.bottom, r.right)}`;
}

export function readSheet(ws: EtWorksheet): WpsSheetRead {
  const name = get(ws, 'Name');
  const isProtected = get(ws, 'ProtectContents');
  const used = get(ws, 'UsedRange');
  const whole = parseRange(used.Address(false, false));
  if (!whole) throw new Error(`工作表“${name}”的已用区域无法识别`);
  const rows = Math.min(whole.bottom - whole.top + 1, READ_WINDOW.rows);
  const cols = Math.min(whole.right - whole.left + 1, READ_WINDOW.columns);
  const rect: CellRange = { top: whole.top, left: whole.left, bottom: whole.top + rows - 1, right: whole.left + cols - 1 };
  const truncated = rect.bottom < whole.bottom || rect.right < whole.right;
  const block = truncated ? used.Resize(rows, cols) : used;
  const values = blockRows(get(block, 'Value2'), rows, cols);
  const formulas = blockRows(get(block, 'Formula'), rows, cols);

  const formats = grid(rows, cols, 'General');
  probeRegions(rect, (r) => get(ws.Range(rangeAddress(r)), 'NumberFormat'), (r, format) => paint(formats, rect, r, format));
  const fills = grid<string | null>(rows, cols, null);
  probeRegions(rect, (r) => fillOfRange(ws, r), (r, fill) => paint(fills, rect, r, fill === '' ? null : fill));
  const merges = readMerges(ws, rect);

  const valueTypes = values.map((line) => line.map(typeOf));
  return {
    protected: isProtected,
    truncated,
    snapshot: toSnapshot({
      sheet: name,
      rowIndex: rect.top - 1,
      columnIndex: rect.left - 1,
      values: values.map((line) => line.map(shown)),
      formulas: formulas.map((line) => line.map((f) => (typeof f === 'string' ? f : ''))),
      numberFormat: formats,
      valueTypes,
      properties: fills.map((line) => line.map((fill): CellPropertiesLike => ({ format: { fill: fill ? { color: fill, pattern: 'Solid' } : { pattern: 'None' } } }))),
      merges: merges.map(rangeAddress),
    }),
  };
}

function grid<T>(rows: number, cols: number, init: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => init));
}

function paint<T>(cells: T[][], rect: CellRange, r: CellRange, value: T): void {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) cells[row - rect.top][col - rect.left] = value;
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

/** The fill every cell of `r` shares: "#RRGGBB", "" for none, null when they differ. */
export function fillOfRange(ws: EtWorksheet, r: CellRange): string | null {
  const interior = get(ws.Range(rangeAddress(r)), 'Interior');
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
function readMerges(ws: EtWorksheet, rect: CellRange): CellRange[] {
  const merges: CellRange[] = [];
  const merged: CellRange[] = [];
  probeRegions(rect, (r) => get(ws.Range(rangeAddress(r)), 'MergeCells'), (r, all) => {
    if (all) merged.push(r);
  });
  while (merged.length > 0) {
    const r = merged.pop() as CellRange;
    let area = merges.find((m) => r.top >= m.top && r.top <= m.bottom && r.left >= m.left && r.left <= m.right);
    if (!area) {
      const first = ws.Range(a1(r.top, r.left));
      area = parseRange(get(first, 'MergeArea').Address(false, false)) ?? { top: r.top, left: r.left, bottom: r.top, right: r.left };
      merges.push(area);
    }
    merged.push(...subtract(r, area));
  }
  return merges;
}
