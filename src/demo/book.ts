// One opened workbook in the demo: the file's bytes, the in-memory workbook the pane works on,
// and the way back to a file that keeps everything the person had (merges, borders, fonts).
import type { Workbook, Worksheet } from 'exceljs';
import { a1, parseA1 } from '../core/address';
import type { Cell, CellPatch, CellState, Snapshot } from '../core/types';
import { MemoryWorkbook, type MemoryCell, type MemorySheet } from '../excel/memory/workbook';
import { applyPatches, workbookToSnapshots } from '../xlsx/convert';
import type { GridSheet } from './sheet-grid';
import { geometryOf, readXlsx, writeXlsx } from './source';

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
  const sheet = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  const at = parseA1(address.slice(bang + 1).split(':')[0]);
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
    private readonly bytes: ArrayBuffer,
    readonly source: Workbook,
    readonly workbook: MemoryWorkbook,
    private readonly original: Snapshot[],
  ) {}

  static async open(bytes: ArrayBuffer, fileName: string): Promise<DemoBook> {
    const source = await readXlsx(bytes.slice(0));
    const snapshots = workbookToSnapshots(source);
    if (snapshots.length === 0) throw new Error('工作簿中没有工作表 / The workbook has no sheets');
    return new DemoBook(fileName, bytes, source, MemoryWorkbook.fromSnapshots(snapshots), snapshots);
  }

  /** The sheet the grid should show now. */
  get activeSheet(): MemorySheet {
    return this.workbook.findSheet(this.workbook.activeSheet) ?? this.workbook.sheets[0];
  }

  /** The grid's view of a sheet: the in-memory cells, laid out as the file (or the pane) lays them out. */
  gridSheet(sheet: MemorySheet): GridSheet {
    const geometry = geometryOf(this.source.getWorksheet(sheet.name));
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
        const layout = geometry.layout(row, col);
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

  /** The workbook as a file: the opened file again, with every change written onto it (`fillOf` as for changes()). */
  async toFile(fillOf?: (sheet: string, row: number, col: number) => string | null | undefined): Promise<Blob> {
    const copy = await readXlsx(this.bytes.slice(0));
    const bySheet = new Map<string, CellPatch[]>();
    for (const patch of this.changes(fillOf)) bySheet.set(patch.sheet, [...(bySheet.get(patch.sheet) ?? []), patch]);
    for (const [name, patches] of bySheet) {
      const ws = copy.getWorksheet(name) ?? this.addSheet(copy, name);
      applyPatches(ws, patches);
    }
    return writeXlsx(copy);
  }

  /** A sheet the pane inserted (a blank form): its merges, widths and wrapping as the pane set them. */
  private addSheet(copy: Workbook, name: string): Worksheet {
    const ws = copy.addWorksheet(name);
    const sheet = this.workbook.sheet(name);
    // Excel's column width is in characters: pixels = characters × 7 + 5.
    for (const [col, points] of sheet.columnWidths) ws.getColumn(col).width = Math.max(0, ((points * 4) / 3 - 5) / 7);
    for (const key of sheet.wrapped) {
      const [row, col] = key.split(',').map(Number);
      const cell = ws.getCell(row, col);
      cell.alignment = { ...cell.alignment, wrapText: true };
    }
    for (const m of sheet.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    return ws;
  }

  /** The name offered for the download: the opened name with 已检查 (and 含标记 when it keeps the highlights) before the extension. */
  downloadName(withMarks: boolean): string {
    const base = this.fileName.replace(/\.xlsx$/i, '');
    return `${base}（已检查${withMarks ? '，含标记' : ''}）.xlsx`;
  }
}
