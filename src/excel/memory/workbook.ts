// An in-memory workbook: the state behind the in-memory Excel (./host.ts). Browser-safe: the
// demo page runs the task pane on it, and the door's tests read it after each action.
import type { CellRange, CellValue, Snapshot } from '../../core/types';
import { a1, parseA1 } from '../../core/address';
import type { SyncRecord } from './context';
import { LookStore } from './looks';

export interface MemoryCell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  /** "#RRGGBB" solid fill. */
  fill?: string;
  fontColor?: string;
  /** False for a cell the template's author unlocked; absent means locked, Excel's default. */
  locked?: boolean;
}

/** A change Excel would report through worksheet.onChanged. */
export interface MemoryChange {
  sheet: string;
  address: string;
  /** "ThisLocalAddin" when a sync wrote it, "Unknown" when the person typed it. */
  triggerSource: 'ThisLocalAddin' | 'Unknown';
}

const ERROR_TEXT = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA)$/;

export function isErrorText(value: CellValue): boolean {
  return typeof value === 'string' && ERROR_TEXT.test(value);
}

function isEmptyCell(cell: MemoryCell): boolean {
  return (
    (cell.value === null || cell.value === '') &&
    !cell.formula &&
    !cell.numberFormat &&
    !cell.fill &&
    !cell.fontColor &&
    cell.locked !== false
  );
}

/** Cells are kept under one number per position: fast to look up on big sheets. */
const ROW_STRIDE = 20000;
const keyOf = (row: number, col: number): number => row * ROW_STRIDE + col;

export class MemorySheet {
  private readonly cells = new Map<number, MemoryCell>();
  /** The last formula and value overwritten in a cell, so writing the formula back yields its value again. */
  private readonly formulaMemory = new Map<number, { formula: string; value: CellValue }>();
  private mergeList: CellRange[] = [];
  /** The merges by each row they cover, built when first asked. */
  private mergeRows: Map<number, CellRange[]> | null = null;
  /** Protected sheets refuse writes to locked cells, and formats unless formatCells is allowed. */
  protected = false;
  /** WorksheetProtectionOptions.allowFormatCells. */
  allowFormatCells = false;
  /** Column widths set through the API, in points, by 1-based column. */
  readonly columnWidths = new Map<number, number>();
  /** Cells set to wrap their text, as "row,col". */
  readonly wrapped = new Set<string>();
  /** Borders, alignment and font set through the API. */
  readonly looks = new LookStore();

  constructor(
    public name: string,
    /** Worksheet.id: stays when the sheet is renamed. */
    readonly id: string,
  ) {}

  get(row: number, col: number): MemoryCell {
    const cell = this.cells.get(keyOf(row, col));
    return cell ? { ...cell } : { value: null };
  }

  /** Replace a cell's content as Excel would store it. */
  put(row: number, col: number, cell: MemoryCell): void {
    const key = keyOf(row, col);
    const old = this.cells.get(key);
    if (old?.formula && old.formula !== cell.formula) this.formulaMemory.set(key, { formula: old.formula, value: old.value });
    const remembered = this.formulaMemory.get(key);
    const next: MemoryCell = { ...cell };
    if (next.formula && remembered && remembered.formula === next.formula && old?.formula !== next.formula) next.value = remembered.value;
    for (const k of Object.keys(next) as (keyof MemoryCell)[]) if (next[k] === undefined) delete next[k];
    if (isEmptyCell(next)) this.cells.delete(key);
    else this.cells.set(key, next);
  }

  patch(row: number, col: number, change: Partial<MemoryCell>): void {
    this.put(row, col, { ...this.get(row, col), ...change });
  }

  get merges(): CellRange[] {
    return this.mergeList;
  }
  set merges(list: CellRange[]) {
    this.mergeList = list;
    this.mergeRows = null;
  }

  /** The merge holding a cell, if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    if (!this.mergeRows) {
      this.mergeRows = new Map();
      for (const m of this.mergeList) {
        for (let r = m.top; r <= m.bottom; r++) {
          const list = this.mergeRows.get(r);
          if (list) list.push(m);
          else this.mergeRows.set(r, [m]);
        }
      }
    }
    return this.mergeRows.get(row)?.find((m) => col >= m.left && col <= m.right);
  }

  /** The smallest rectangle holding every non-empty cell and merge (formatting counts unless valuesOnly). */
  usedRange(valuesOnly = false): CellRange | null {
    let box: CellRange | null = null;
    const grow = (r: CellRange): void => {
      box = box
        ? {
            top: Math.min(box.top, r.top),
            left: Math.min(box.left, r.left),
            bottom: Math.max(box.bottom, r.bottom),
            right: Math.max(box.right, r.right),
          }
        : { ...r };
    };
    for (const [key, cell] of this.cells) {
      if (valuesOnly && (cell.value === null || cell.value === '') && !cell.formula) continue;
      const row = Math.floor(key / ROW_STRIDE);
      const col = key % ROW_STRIDE;
      grow({ top: row, left: col, bottom: row, right: col });
    }
    if (!valuesOnly) for (const m of this.merges) grow(m);
    return box;
  }
}

export class MemoryWorkbook {
  readonly sheets: MemorySheet[] = [];
  activeSheet = '';
  /** The selected cell or range, as "Sheet!A1". */
  selectedAddress = '';
  /** Office.context.document.settings as saved in the document (saveAsync writes here). */
  readonly settings: Record<string, unknown> = {};
  /** True while the person is typing in a cell: batches fail, or wait when delayed. */
  cellEditMode = false;
  /** Cells ("Sheet!A1") whose writes fail with GeneralException, to test what a failed batch leaves. */
  readonly failingCells = new Set<string>();
  /** Excel on the web's 5 MB limit on each request and response (off: Excel on Windows, which has none documented). */
  payloadLimit = true;
  syncCount = 0;
  /** Every sync: its queued steps and the bytes it sent and received. */
  readonly syncs: SyncRecord[] = [];
  private sheetsMade = 0;
  private readonly listeners = new Set<(book: MemoryWorkbook) => void>();
  private readonly changeHandlers = new Set<(change: MemoryChange) => void>();
  private editWaiters: (() => void)[] = [];

  static fromSnapshots(snapshots: Snapshot[]): MemoryWorkbook {
    const book = new MemoryWorkbook();
    for (const snap of snapshots) {
      const sheet = book.addSheet(snap.sheet);
      snap.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const cellRow = snap.top + r;
          const cellCol = snap.left + c;
          const merge = snap.merges.find((m) => cellRow >= m.top && cellRow <= m.bottom && cellCol >= m.left && cellCol <= m.right);
          const hidden = merge !== undefined && (merge.top !== cellRow || merge.left !== cellCol);
          sheet.put(cellRow, cellCol, {
            value: hidden ? null : cell.value,
            formula: hidden ? undefined : cell.formula,
            numberFormat: cell.numberFormat,
            fill: cell.fill?.toUpperCase(),
          });
        }),
      );
      sheet.merges = snap.merges.map((m) => ({ ...m }));
    }
    return book;
  }

  toSnapshots(): Snapshot[] {
    return this.sheets.map((sheet) => {
      const box = sheet.usedRange() ?? { top: 1, left: 1, bottom: 0, right: 0 };
      const cells = [];
      for (let r = box.top; r <= box.bottom; r++) {
        const row = [];
        for (let c = box.left; c <= box.right; c++) {
          const m = sheet.get(r, c);
          row.push({
            value: m.value,
            ...(m.formula ? { formula: m.formula } : {}),
            ...(m.numberFormat ? { numberFormat: m.numberFormat } : {}),
            ...(isErrorText(m.value) ? { error: true } : {}),
            ...(m.fill ? { fill: m.fill } : {}),
          });
        }
        cells.push(row);
      }
      return { sheet: sheet.name, top: box.top, left: box.left, cells, merges: sheet.merges.map((m) => ({ ...m })), mergesKnown: true };
    });
  }

  /** A sheet by name, or by id (Excel's worksheets.getItem takes either). */
  findSheet(key: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === key) ?? this.sheets.find((s) => s.id === key);
  }

  sheet(name: string): MemorySheet {
    const found = this.findSheet(name);
    if (!found) throw new Error(`no sheet named ${name}`);
    return found;
  }

  addSheet(name: string): MemorySheet {
    if (this.findSheet(name)) throw new Error(`a sheet named ${name} exists`);
    this.sheetsMade++;
    const sheet = new MemorySheet(name, `{00000000-0001-0000-${String(this.sheetsMade).padStart(4, '0')}-000000000000}`);
    this.sheets.push(sheet);
    if (!this.activeSheet) {
      this.activeSheet = name;
      this.selectedAddress = `${name}!A1`;
    }
    return sheet;
  }

  /** The person renames a sheet. */
  renameSheet(from: string, to: string): void {
    if (this.findSheet(to)) throw new Error(`a sheet named ${to} exists`);
    const sheet = this.sheet(from);
    sheet.name = to;
    if (this.activeSheet === from) this.activeSheet = to;
    this.emitStateChange();
  }

  /** A cell by "A1" address on a sheet (a copy). */
  cell(sheet: string, address: string): MemoryCell {
    const at = parseA1(address);
    if (!at) throw new Error(`not a cell address: ${address}`);
    return this.sheet(sheet).get(at.row, at.col);
  }

  /** Set up a cell directly (test fixtures); no sync, no event. */
  setCell(sheet: string, address: string, change: Partial<MemoryCell>): void {
    const at = parseA1(address);
    if (!at) throw new Error(`not a cell address: ${address}`);
    this.sheet(sheet).patch(at.row, at.col, change);
  }

  /** The person types a value into a cell: Excel fires onChanged with a non-add-in source. */
  edit(sheet: string, address: string, value: CellValue): void {
    const at = parseA1(address);
    if (!at) throw new Error(`not a cell address: ${address}`);
    this.sheet(sheet).patch(at.row, at.col, { value, formula: undefined });
    this.emitChanges([{ sheet, address: a1(at.row, at.col), triggerSource: 'Unknown' }]);
  }

  /** Called after every change a person would see; returns a function that unsubscribes. */
  onChange(listener: (book: MemoryWorkbook) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The person leaves the cell they were typing in: delayed batches go on. */
  endCellEdit(): void {
    this.cellEditMode = false;
    const waiters = this.editWaiters;
    this.editWaiters = [];
    for (const w of waiters) w();
  }

  /** Resolves when cell edit mode ends (at once when not editing). */
  cellEditDone(): Promise<void> {
    if (!this.cellEditMode) return Promise.resolve();
    return new Promise((resolve) => this.editWaiters.push(resolve));
  }

  /** For the in-memory host: subscribe to cell changes (worksheet onChanged). */
  subscribeChanges(handler: (change: MemoryChange) => void): () => void {
    this.changeHandlers.add(handler);
    return () => this.changeHandlers.delete(handler);
  }

  /** For the in-memory host: report changed cells to onChanged handlers and listeners. */
  emitChanges(changes: MemoryChange[]): void {
    for (const change of changes) for (const h of [...this.changeHandlers]) h(change);
    for (const l of [...this.listeners]) l(this);
  }

  /** For the in-memory host: report a change that onChanged does not cover (formats, sheets). */
  emitStateChange(): void {
    for (const l of [...this.listeners]) l(this);
  }
}
