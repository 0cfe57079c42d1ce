// One opened workbook in the demo: the file's bytes, the in-memory workbook the pane works on,
// and the way back to a file: the opened bytes with only the changed cells written, through the
// same file door as the command, so everything else the person had comes back byte for byte.
import { a1, parseA1 } from '../core/address';
import type { Cell, CellPatch, CellState, Snapshot } from '../core/types';
import { MemoryWorkbook, type MemoryCell, type MemorySheet } from '../excel/memory/workbook';
import { XlsxBook } from '../xlsx/book';
import { editBook, type NewSheet } from '../xlsx/book-edit';
import type { GridLayout, GridSheet } from './sheet-grid';
import { geometryOf, PLAIN, type SheetGeometry } from './source';

/** Room around the used range, so the grid looks like a sheet and not a cut-out. */
const SPARE_ROWS = 6;
const SPARE_COLS = 3;
const MIN_ROWS = 30;
const MIN_COLS = 10;
/** A browser table of more cells than this gets slow; the pane still works on the whole sheet. */
const MAX_ROWS = 1000;
const MAX_COLS = 60;

/** "'My sheet'!B5:C6" → { sheet: "My sheet", row: 5, col: 2 } (the first cell of a range). */
export function parseSelection(address: string): { sheet: string; row: number; col: number } | null {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return null;
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
  const at = parseA1(address.slice(bang + 1).split(/[:,]/)[0]);
  return at ? { sheet, ...at } : null;
}

function stateOf(cell: Cell | MemoryCell | undefined): CellState {
  return {
    value: cell?.value ?? null,
    ...(cell?.formula ? { formula: cell.formula } : {}),
    ...(cell?.numberFormat ? { numberFormat: cell.numberFormat } : {}),
    fill: cell?.fill ? cell.fill.toUpperCase() : null,
  };
}

/** What the pane set on a cell through the API (borders, alignment, font), over what the file said. */
function lookOf(sheet: MemorySheet, row: number, col: number): GridLayout {
  const look = sheet.looks.get(row, col);
  const out: GridLayout = {};
  if (look.edges.length > 0) out.edges = look.edges;
  if (look.horizontal) out.horizontal = look.horizontal;
  if (look.vertical) out.vertical = look.vertical;
  if (look.bold !== undefined) out.bold = look.bold;
  if (look.size !== undefined) out.size = look.size;
  return out;
}

function cellOf(snapshot: Snapshot | undefined, row: number, col: number): Cell | undefined {
  if (!snapshot) return undefined;
  return snapshot.cells[row - snapshot.top]?.[col - snapshot.left];
}

/** What changed in one cell since the file was opened, as a patch the file door can write. */
function difference(sheet: string, row: number, col: number, before: CellState, now: CellState): CellPatch | null {
  const set: Partial<CellState> = {};
  if (now.value !== before.value || now.formula !== before.formula) {
    set.value = now.value;
    if (now.formula) set.formula = now.formula;
  }
  if ((now.numberFormat ?? 'General') !== (before.numberFormat ?? 'General')) set.numberFormat = now.numberFormat ?? 'General';
  if (now.fill !== before.fill) set.fill = now.fill ?? null;
  if (Object.keys(set).length === 0) return null;
  return { sheet, cell: a1(row, col), row, col, set, before, reason: 'restore' };
}

export class DemoBook {
  private constructor(
    readonly fileName: string,
    private readonly source: XlsxBook,
    private readonly geometry: Map<string, SheetGeometry>,
    readonly workbook: MemoryWorkbook,
    private readonly original: Snapshot[],
  ) {}

  /** Throws XlsxFileError (one plain line naming the file) for anything that is not a readable workbook. */
  static async open(bytes: ArrayBuffer, fileName: string): Promise<DemoBook> {
    const source = XlsxBook.open(fileName, new Uint8Array(bytes.slice(0)));
    const reads = source.sheets.map((s) => source.read(s, true));
    const snapshots = reads.map((r) => r.snapshot);
    const geometry = new Map(reads.map((r) => [r.snapshot.sheet, r.layout ? geometryOf(source, r.layout) : PLAIN]));
    return new DemoBook(fileName, source, geometry, MemoryWorkbook.fromSnapshots(snapshots), snapshots);
  }

  /** The sheet the grid should show now. */
  get activeSheet(): MemorySheet {
    return this.workbook.findSheet(this.workbook.activeSheet) ?? this.workbook.sheets[0];
  }

  /** The grid's view of a sheet: the in-memory cells, laid out as the file (or the pane) lays them out. */
  gridSheet(sheet: MemorySheet): GridSheet {
    const geometry = this.geometry.get(sheet.name) ?? PLAIN;
    const used = sheet.usedRange();
    const rows = Math.max(MIN_ROWS, (used?.bottom ?? 0) + SPARE_ROWS);
    const cols = Math.max(MIN_COLS, (used?.right ?? 0) + SPARE_COLS);
    return {
      name: sheet.name,
      rows: Math.min(rows, MAX_ROWS),
      cols: Math.min(cols, MAX_COLS),
      clipped: rows > MAX_ROWS || cols > MAX_COLS,
      cell: (row, col) => sheet.get(row, col),
      merges: sheet.merges,
      columnWidth: (col) => {
        const points = sheet.columnWidths.get(col);
        return points === undefined ? geometry.columnWidth(col) : Math.round((points * 4) / 3);
      },
      rowHeight: geometry.rowHeight,
      rowHidden: geometry.rowHidden,
      columnHidden: geometry.columnHidden,
      layout: (row, col) => {
        const layout = { ...geometry.layout(row, col), ...lookOf(sheet, row, col) };
        return sheet.wrapped.has(`${row},${col}`) ? { ...layout, wrap: true } : layout;
      },
    };
  }

  /**
   * Every cell that differs from the file as it was opened. `fillOf` overrides a cell's fill (the
   * download without the add-in's highlights gives each marked cell back the fill it covered).
   */
  changes(fillOf?: (sheet: string, row: number, col: number) => string | null | undefined): CellPatch[] {
    const patches: CellPatch[] = [];
    for (const sheet of this.workbook.sheets) {
      const before = this.original.find((s) => s.sheet === sheet.name);
      const used = sheet.usedRange();
      const bottom = Math.max(used?.bottom ?? 0, before ? before.top + before.cells.length - 1 : 0);
      const right = Math.max(used?.right ?? 0, before ? before.left + Math.max(0, ...before.cells.map((r) => r.length)) - 1 : 0);
      for (let row = 1; row <= bottom; row++) {
        for (let col = 1; col <= right; col++) {
          const merge = sheet.mergeAt(row, col);
          if (merge && (merge.top !== row || merge.left !== col)) continue;
          const now = stateOf(sheet.get(row, col));
          const fill = fillOf?.(sheet.name, row, col);
          if (fill !== undefined) now.fill = fill === null ? null : fill.toUpperCase();
          const patch = difference(sheet.name, row, col, stateOf(cellOf(before, row, col)), now);
          if (patch) patches.push(patch);
        }
      }
    }
    return patches;
  }

  /** The workbook as a file: the opened file's bytes, with every change written onto them (`fillOf` as for changes()). */
  async toFile(fillOf?: (sheet: string, row: number, col: number) => string | null | undefined): Promise<Blob> {
    const known = new Set(this.source.sheets.map((s) => s.name));
    const newSheets: NewSheet[] = this.workbook.sheets.filter((s) => !known.has(s.name)).map((s) => this.newSheet(s));
    const edit = editBook(this.source, this.changes(fillOf), { recalcOnOpen: true, newSheets });
    return new Blob([edit.bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  }

  /** A sheet the pane inserted (a blank form): its merges, widths and wrapping as the pane set them. */
  private newSheet(sheet: MemorySheet): NewSheet {
    // Excel's column width is in characters: pixels = characters × 7 + 5.
    const columnWidths = new Map([...sheet.columnWidths].map(([col, points]) => [col, Math.max(0, ((points * 4) / 3 - 5) / 7)]));
    const wrapped = [...sheet.wrapped].map((key) => {
      const [row, col] = key.split(',').map(Number);
      return { row, col };
    });
    return { name: sheet.name, columnWidths, wrapped, merges: sheet.merges.map((m) => ({ ...m })) };
  }

  /** The name offered for the download: the opened name with 已检查 (and 含标记 when it keeps the highlights) before the extension. */
  downloadName(withMarks: boolean): string {
    const base = this.fileName.replace(/\.xlsx$/i, '');
    return `${base}（已检查${withMarks ? '，含标记' : ''}）.xlsx`;
  }
}
