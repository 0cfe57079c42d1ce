// One worksheet part (ECMA-376 18.3) streamed into the engine's Snapshot: values as Excel shows
// them, formulas (shared ones moved to each cell, array ones on every cell they cover), number
// formats, solid fills, and merges as ranges. Nothing is expanded: a merge or a validation over a
// million rows costs what its one element costs. Counted against the limits as it goes.
import type { Cell, CellRange, CellValue, Snapshot } from '../core/types';
import { XlsxFileError } from './errors';
import { shiftFormula } from './formula';
import type { ReadLimits } from './limits';
import type { XlsxPackage, SheetEntry } from './package';
import { flag, formatCode, type Styles } from './styles';
import { scanXml, unescapeOoxml } from './xml';

/** The sheet's geometry, for a view of it (the demo's grid): only collected when asked for. */
export interface SheetLayout {
  /** Column widths in Excel's character units, by column number. */
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  /** Row heights in points, by row number. */
  rowHeights: Map<number, number>;
  hiddenRows: Set<number>;
  /** Style index of every cell that has one, key row * 16384 + col. */
  cellStyles: Map<number, number>;
}

export interface SheetRead {
  snapshot: Snapshot;
  layout?: SheetLayout;
}

/** A1 → row and column; null when it is not an A1 address. */
export function cellRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break;
  }
  const row = Number(ref.slice(i).replace('$', ''));
  if (col < 1 || !Number.isInteger(row) || row < 1 || i === 0) return null;
  return { row, col };
}

export function rangeRef(ref: string): CellRange | null {
  const [a, b = a] = ref.split(':');
  const p = cellRef(a);
  const q = cellRef(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An ISO date cell (t="d") as the serial number a number cell would hold. */
function isoSerial(text: string, date1904: boolean): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  if (!Number.isFinite(ms)) return null;
  return (ms - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
}

interface Found {
  row: number;
  col: number;
  cell: Cell;
}

const KEY = 16_384;

/**
 * Merges indexed by blocks of 32 rows × 8 columns, each clipped to the cells found, so that asking
 * "which merge covers this cell" costs a few comparisons whatever the merges' sizes.
 */
class MergeIndex {
  private readonly blocks = new Map<number, CellRange[]>();

  constructor(merges: CellRange[], bottom: number, right: number) {
    for (const m of merges) {
      const b = Math.min(m.bottom, bottom);
      const r = Math.min(m.right, right);
      for (let br = m.top >> 5; br <= b >> 5; br++) {
        for (let bc = m.left >> 3; bc <= r >> 3; bc++) {
          const key = br * 4096 + bc;
          const list = this.blocks.get(key);
          if (list) list.push(m);
          else this.blocks.set(key, [m]);
        }
      }
    }
  }

  covering(row: number, col: number): CellRange | undefined {
    const list = this.blocks.get((row >> 5) * 4096 + (col >> 3));
    return list?.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }
}

/** Read one sheet; throws XlsxFileError when it holds more cells or merges than the limits allow. */
export function readSheet(pkg: XlsxPackage, sheet: SheetEntry, limits: ReadLimits, withLayout = false): SheetRead {
  const file = pkg.file;
  const styles: Styles = pkg.styles();
  const strings = pkg.sharedStrings();
  const found: Found[] = [];
  const merges: CellRange[] = [];
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  const arrays: { range: CellRange; formula: string }[] = [];
  const layout: SheetLayout | undefined = withLayout
    ? { columnWidths: new Map(), hiddenColumns: new Set(), rowHeights: new Map(), hiddenRows: new Set(), cellStyles: new Map() }
    : undefined;

  let cells = 0;
  let row = 0;
  let col = 0;
  // The cell being read.
  let type = 'n';
  let style = 0;
  let value: string | null = null;
  let inline: string | null = null;
  let formula: { text: string; kind: string; si?: string; ref?: string } | null = null;
  let reading: 'v' | 'f' | 't' | null = null;
  let inSheetData = false;
  let inCell = false;
  let phonetic = false;

  const finishCell = (): void => {
    const cell: Cell = { value: null };
    let v: CellValue;
    switch (type) {
      case 's': {
        const index = value === null ? NaN : Number(value);
        v = Number.isInteger(index) && index >= 0 && index < strings.length ? strings[index] : null;
        break;
      }
      case 'str':
        v = value === null ? null : unescapeOoxml(value);
        break;
      case 'inlineStr':
        v = inline === null ? (value === null ? null : unescapeOoxml(value)) : unescapeOoxml(inline);
        break;
      case 'b':
        v = value === null ? null : value.trim() === '1' || value.trim() === 'true';
        break;
      case 'e':
        v = value;
        if (value !== null) cell.error = true;
        break;
      case 'd':
        v = value === null ? null : isoSerial(value.trim(), pkg.date1904);
        break;
      default: {
        const n = value === null || value.trim() === '' ? NaN : Number(value);
        v = Number.isFinite(n) ? n : null;
      }
    }
    cell.value = v;
    if (formula) {
      let text = formula.text;
      if (formula.kind === 'shared' && formula.si !== undefined) {
        const master = shared.get(formula.si);
        if (text !== '' && !master) shared.set(formula.si, { formula: text, row, col });
        else if (text === '' && master) text = shiftFormula(master.formula, row - master.row, col - master.col);
      }
      if (formula.kind === 'array' && formula.ref) {
        const range = rangeRef(formula.ref);
        if (range && (range.bottom > range.top || range.right > range.left)) arrays.push({ range, formula: text });
      }
      cell.formula = `=${text}`;
    }
    const xf = styles.cellXfs[style];
    const code = formatCode(styles, xf);
    if (code) cell.numberFormat = code;
    const fill = xf ? styles.fills[xf.fillId] : undefined;
    if (fill) cell.fill = fill;
    if (layout && style !== 0) layout.cellStyles.set(row * KEY + col, style);
    if (cell.value !== null || cell.formula !== undefined || cell.fill !== undefined) found.push({ row, col, cell });
  };

  scanXml(file, pkg.text(sheet.part), {
    open(t) {
      const a = t.attributes;
      if (inCell) {
        if (t.name === 'v') {
          reading = 'v';
          value = '';
        } else if (t.name === 'f') {
          formula = { text: '', kind: a.t ?? 'normal', si: a.si, ref: a.ref };
          reading = t.selfClosing ? null : 'f';
        } else if (t.name === 'is') {
          inline = '';
        } else if (t.name === 'rPh') {
          phonetic = !t.selfClosing;
        } else if (t.name === 't' && inline !== null && !phonetic) {
          reading = t.selfClosing ? null : 't';
        }
        return;
      }
      if (t.name === 'sheetData') {
        inSheetData = !t.selfClosing;
      } else if (inSheetData && t.name === 'row') {
        const r = Number(a.r);
        row = Number.isInteger(r) && r > 0 ? r : row + 1;
        col = 0;
        if (layout) {
          if (a.ht !== undefined && Number.isFinite(Number(a.ht))) layout.rowHeights.set(row, Number(a.ht));
          if (flag(a.hidden, false)) layout.hiddenRows.add(row);
        }
      } else if (inSheetData && t.name === 'c') {
        if (++cells > limits.cellsPerSheet) {
          throw new XlsxFileError(
            file,
            'too-large',
            `工作表“${sheet.name}”的单元格超过 ${limits.cellsPerSheet.toLocaleString('en-US')} 个，不予读取；请删去表格以外的大量内容，或加 --max-mb 提高上限（too many cells in a sheet, see --max-mb）`,
          );
        }
        const at = a.r ? cellRef(a.r) : null;
        if (at) {
          row = at.row;
          col = at.col;
        } else {
          col++;
        }
        type = a.t ?? 'n';
        style = a.s ? Number(a.s) || 0 : 0;
        value = null;
        inline = null;
        formula = null;
        reading = null;
        phonetic = false;
        inCell = true;
        if (t.selfClosing) {
          finishCell();
          inCell = false;
        }
      } else if (t.name === 'mergeCell') {
        const range = a.ref ? rangeRef(a.ref) : null;
        if (range && (range.bottom > range.top || range.right > range.left)) {
          merges.push(range);
          if (merges.length > limits.mergesPerSheet) {
            throw new XlsxFileError(
              file,
              'too-large',
              `工作表“${sheet.name}”的合并区域超过 ${limits.mergesPerSheet.toLocaleString('en-US')} 个，不予读取（too many merged areas in a sheet, see --max-mb）`,
            );
          }
        }
      } else if (layout && t.name === 'col') {
        const min = Number(a.min);
        const max = Math.min(Number(a.max), min + 1000);
        for (let c = min; c <= max && Number.isInteger(c) && c > 0; c++) {
          if (a.width !== undefined && Number.isFinite(Number(a.width))) layout.columnWidths.set(c, Number(a.width));
          if (flag(a.hidden, false)) layout.hiddenColumns.add(c);
        }
      }
    },
    text(s) {
      if (reading === 'v') value += s;
      else if (reading === 'f' && formula) formula.text += s;
      else if (reading === 't' && inline !== null) inline += s;
    },
    close(name) {
      if (!inCell) {
        if (name === 'sheetData') inSheetData = false;
        return;
      }
      if (name === 'v' || name === 'f' || name === 't') reading = null;
      else if (name === 'rPh') phonetic = false;
      else if (name === 'c') {
        finishCell();
        inCell = false;
      }
    },
  });
  return { snapshot: toSnapshot(sheet.name, found, merges, arrays), layout };
}

function toSnapshot(name: string, found: Found[], merges: CellRange[], arrays: { range: CellRange; formula: string }[]): Snapshot {
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const f of found) {
    top = Math.min(top, f.row);
    left = Math.min(left, f.col);
    bottom = Math.max(bottom, f.row);
    right = Math.max(right, f.col);
  }
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
  }
  if (top === Infinity) return { sheet: name, top: 1, left: 1, cells: [], merges, mergesKnown: true };
  // A covered cell of a merge shows nothing in Excel, whatever the file keeps there.
  const index = merges.length > 0 ? new MergeIndex(merges, bottom, right) : null;
  const kept = index
    ? found.filter((f) => {
        const m = index.covering(f.row, f.col);
        return !m || (m.top === f.row && m.left === f.col);
      })
    : found;
  const cells: Cell[][] = [];
  for (const f of kept) {
    const r = f.row - top;
    const rowCells = (cells[r] ??= []);
    for (let k = rowCells.length; k < f.col - left; k++) rowCells.push({ value: null });
    rowCells[f.col - left] = f.cell;
  }
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  // Every cell of an array formula shows it in Excel, and none of them may be written alone.
  for (const { range, formula } of arrays) {
    for (let r = range.top; r <= Math.min(range.bottom, top + cells.length - 1); r++) {
      const rowCells = cells[r - top];
      for (let c = range.left; c <= range.right && c - left < rowCells.length; c++) {
        const cell = rowCells[c - left];
        if (cell && cell.formula === undefined) cell.formula = `=${formula}`;
      }
    }
  }
  return { sheet: name, top, left, cells, merges, mergesKnown: true };
}
