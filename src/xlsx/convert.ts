// The file door's conversions: an exceljs worksheet to the engine's Snapshot, the engine's patches
// back onto a worksheet, and sketches to a workbook. No Node APIs here: the browser demo uses it too.
import { Workbook, type Borders, type Cell as XCell, type CellValue as XValue, type Worksheet } from 'exceljs';
import { a1, parseA1 } from '../core/address';
import type { Cell, CellPatch, CellRange, CellValue, Snapshot } from '../core/types';
import { parseRange, sketchCell, type SheetSketch } from '../core/sketch';

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, day 0 of Excel's 1900 date system (the 1900 leap-year bug folded in). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date as Excel's serial number, the way a cell holding it reads as a number. */
export function dateSerial(d: Date): number {
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
          top: Number(master.row), left: Number(master.col), bottom: Number(master.row), right: Number(master.col),
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

function argb(fill: string): string {
  return `FF${fill.replace('#', '').toUpperCase()}`;
}

/**
 * Write the engine's patches onto a worksheet: values as numbers (never text), formulas, number
 * formats and fills. Styles are replaced by fresh objects because exceljs shares one style object
 * between cells read from the same file style, and editing it in place would restyle them all.
 */
export function applyPatches(ws: Worksheet, patches: CellPatch[]): void {
  for (const p of patches) {
    const place = parseA1(p.cell) ?? { row: p.row, col: p.col };
    const cell = ws.getCell(place.row, place.col);
    const set = p.set;
    if (set.formula !== undefined) {
      const formula = set.formula.replace(/^=/, '');
      const result = set.value === null || set.value === undefined ? undefined : set.value;
      cell.value = { formula, result } as XValue;
    } else if ('value' in set) {
      cell.value = (set.value ?? null) as XValue;
    }
    const style = { ...cell.style };
    let restyled = false;
    if (set.numberFormat !== undefined) {
      style.numFmt = set.numberFormat;
      restyled = true;
    }
    if (set.fill !== undefined) {
      if (set.fill === null) delete style.fill;
      else style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(set.fill) } };
      restyled = true;
    }
    if (restyled) cell.style = style;
  }
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BOX: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Default width of a column, in Excel's character units. */
const DEFAULT_WIDTH = 9;
const LINE_HEIGHT = 15;

/** CJK, Hangul and full-width forms: two character units each. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Display width of a text in Excel character units: CJK and full-width characters count two. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** A row tall enough to show its wrapped texts, since Excel does not grow rows under merges. */
function rowHeight(texts: { text: string; width: number }[]): number {
  let lines = 1;
  for (const { text, width } of texts) {
    const n = text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(textWidth(part) / Math.max(1, width - 1))), 0);
    lines = Math.max(lines, n);
  }
  return Math.min(409, lines * LINE_HEIGHT);
}

/** A workbook that looks like the form a person fills in: merges, widths, borders, wrapped text. */
export function sketchToWorkbook(sketches: SheetSketch[]): Workbook {
  const wb = new Workbook();
  for (const s of sketches) {
    // Printed as forms are handed in: one page wide, as many pages tall as it takes.
    const ws = wb.addWorksheet(s.name, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const top = s.origin?.row ?? 1;
    const left = s.origin?.col ?? 1;
    const merges = (s.merges ?? []).map(parseRange);
    const width = Math.max(0, ...s.rows.map((r) => r.length));
    for (const [letters, w] of Object.entries(s.widths ?? {})) ws.getColumn(letters).width = w;
    const colWidth = (col: number): number => ws.getColumn(col).width ?? DEFAULT_WIDTH;
    const mergeAt = new Map(merges.map((m) => [a1(m.top, m.left), m]));
    // A title alone on the first row gets no border; the form's table below does.
    const titled = s.rows.length > 0 && s.rows[0].filter((c) => c !== null).length === 1;
    s.rows.forEach((rowCells, r) => {
      const texts: { text: string; width: number }[] = [];
      for (let k = 0; k < width; k++) {
        const row = top + r;
        const col = left + k;
        const xc = ws.getCell(row, col);
        const content = rowCells[k] ?? null;
        const value = sketchCell(content);
        if (value.formula) xc.value = { formula: value.formula.slice(1), result: value.value ?? undefined } as XValue;
        else if (value.error) xc.value = { error: value.value } as XValue;
        else xc.value = value.value as XValue;
        const format = s.formats?.[a1(row, col)];
        const isTitle = titled && r === 0;
        xc.style = {
          ...(format ? { numFmt: format } : {}),
          font: isTitle ? { name: '宋体', size: 16, bold: true } : { name: '宋体', size: 10 },
          alignment: { wrapText: true, vertical: 'middle', horizontal: typeof value.value === 'string' && value.value.length > 40 ? 'left' : 'center' },
          ...(isTitle ? {} : { border: BOX }),
        };
        if (typeof value.value === 'string') {
          const m = mergeAt.get(a1(row, col));
          let w = colWidth(col);
          if (m) for (let c = m.left + 1; c <= m.right; c++) w += colWidth(c);
          const rows = m ? m.bottom - m.top + 1 : 1;
          texts.push({ text: value.value, width: w * rows });
        }
      }
      ws.getRow(top + r).height = r === 0 && titled ? 30 : rowHeight(texts);
    });
    for (const m of merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  return wb;
}
