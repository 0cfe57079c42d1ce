// Reading sheets and cells through Office.js within Excel's limits: Excel on the web refuses a
// request or response over 5 MB, and getMergedAreasOrNullObject fails on a range holding more than
// 512 merged areas (docs/office-js.md). A sheet is read in bands of rows sized to a payload budget
// (the first one before its size is known, the next ones from the bytes the first one took),
// merges in sub-bands that cannot hold 512, fills only with the first band; a normal form takes
// one sync. A band Excel refuses as too large is read again in halves.
import { a1 } from '../core/address';
import type { CellState } from '../core/types';
import { DoorError } from '../door/errors';
import type { CellProbe, CellRef, SheetProtection, SheetRead, SheetRef } from '../door/host';
import { READ_WINDOW } from '../door/notices';
import type { Capabilities } from './capabilities';
import type {
  CellPropertiesLike,
  ClientResultLike,
  RangeAreasLike,
  RangeLike,
  RequestContextLike,
  ScalarValue,
  WorksheetLike,
} from './host';
import { runsOf } from '../door/runs';
import { fillOf, toSnapshot } from './snapshot';

/** Bytes a sync may carry: well under Excel on the web's 5 MB, since rows not yet read may hold longer text. */
export const PAYLOAD_BUDGET = 2_000_000;
/** What a cell is assumed to take before any is measured: values, formulas, formats, types and fill of a cell with some 25 Chinese characters. */
const FIRST_CELL_BYTES = 250;
/** getMergedAreasOrNullObject fails above this many merged areas in its range. */
export const MERGE_LIMIT = 512;
const FIELDS = ['values', 'formulas', 'numberFormat', 'valueTypes'];
const FILL_PROPS = { format: { fill: { color: true, pattern: true } } };

/** Rows of a band whose merges one call can read: each cell is the top-left of at most one merged area. */
export function mergeRows(columns: number): number {
  return Math.max(1, Math.floor(MERGE_LIMIT / Math.max(1, columns)));
}

/** Rows of the first band of each of `sheets` sheets, before their widths are known. */
export function firstBandRows(sheets: number): number {
  const rows = Math.floor(PAYLOAD_BUDGET / FIRST_CELL_BYTES / READ_WINDOW.columns / Math.max(1, sheets));
  const step = mergeRows(READ_WINDOW.columns);
  return Math.max(1, rows >= step ? rows - (rows % step) : rows);
}

export function isPayloadRefusal(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'RequestPayloadSizeLimitExceeded';
}

export interface SheetInfo {
  ref: SheetRef;
  protection: SheetProtection;
}

/** Queue loading a sheet's id, name and protection; the function gives them after the sync. */
function queueInfo(ws: WorksheetLike, caps: Capabilities): () => SheetInfo {
  ws.load(['id', 'name']);
  if (caps.protection) ws.protection.load(['protected', 'options']);
  return () => ({ ref: { id: ws.id, name: ws.name }, protection: protectionOf(ws, caps) });
}

export function protectionOf(ws: WorksheetLike, caps: Capabilities): SheetProtection {
  if (!caps.protection || !ws.protection.protected) return { protected: false, formatCells: true };
  return { protected: true, formatCells: ws.protection.options.allowFormatCells === true };
}

interface Box {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

interface Band {
  top: number;
  rows: number;
  values: ScalarValue[][];
  formulas: ScalarValue[][];
  numberFormat: ScalarValue[][];
  valueTypes: string[][];
  properties: CellPropertiesLike[][] | null;
}

interface QueuedBand {
  range: RangeLike;
  props: ClientResultLike<CellPropertiesLike[][]> | null;
  merges: RangeAreasLike[];
}

/** One sheet being read: its used range, the bands read so far, its merges. */
class SheetReading {
  used: Box | null = null;
  readonly bands: Band[] = [];
  readonly merges = new Set<string>();
  info: SheetInfo | null = null;
  /** Measured on the first band. */
  bytesPerCell = FIRST_CELL_BYTES;

  constructor(
    readonly ws: WorksheetLike,
    private readonly caps: Capabilities,
  ) {}

  get name(): string {
    return this.info?.ref.name ?? '';
  }

  /** The window read: rows and columns from the used range's top-left. */
  get window(): Box | null {
    if (!this.used) return null;
    return { ...this.used, rows: Math.min(this.used.rows, READ_WINDOW.rows), cols: Math.min(this.used.cols, READ_WINDOW.columns) };
  }

  get nextRow(): number {
    const w = this.window as Box;
    const last = this.bands[this.bands.length - 1];
    return last ? last.top + last.rows : w.top;
  }

  get done(): boolean {
    const w = this.window;
    return w !== null && this.nextRow > w.top + w.rows - 1;
  }

  /** The first sync: the used range's size, and (ExcelApi 1.7) a first band bounded before that size is known. */
  queueFirst(rows: number): () => void {
    const info = queueInfo(this.ws, this.caps);
    // Values only (ExcelApi 1.2): a column the person formatted to the bottom would otherwise make the used range a million rows.
    const used = this.caps.protection ? this.ws.getUsedRange(true) : this.ws.getUsedRange();
    used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
    let band: QueuedBand | null = null;
    if (this.caps.boundedRead && rows > 0) {
      const range = used.getIntersection(used.getAbsoluteResizedRange(rows, READ_WINDOW.columns)).load(FIELDS);
      const props = this.caps.cellProperties ? range.getCellProperties(FILL_PROPS) : null;
      const merges: RangeAreasLike[] = [];
      if (this.caps.mergedAreas) {
        const step = mergeRows(READ_WINDOW.columns);
        for (let r = 0; r < rows; r += step)
          merges.push(
            used.getCell(r, 0).getAbsoluteResizedRange(step, READ_WINDOW.columns).getMergedAreasOrNullObject().load('areas/items/address'),
          );
      }
      band = { range, props, merges };
    }
    return () => {
      this.info = info();
      this.used = { top: used.rowIndex + 1, left: used.columnIndex + 1, rows: used.rowCount, cols: used.columnCount };
      if (band) this.take(band, this.used.top, Math.min(rows, this.window?.rows ?? rows));
    };
  }

  /** Queue the next band of at most `rows` rows. */
  queueNext(rows: number): () => void {
    const w = this.window as Box;
    const top = this.nextRow;
    const count = Math.min(rows, w.top + w.rows - top);
    const right = w.left + w.cols - 1;
    const range = this.ws.getRange(`${a1(top, w.left)}:${a1(top + count - 1, right)}`).load(FIELDS);
    const merges: RangeAreasLike[] = [];
    if (this.caps.mergedAreas) {
      const step = mergeRows(w.cols);
      for (let r = top; r < top + count; r += step) {
        merges.push(
          this.ws
            .getRange(`${a1(r, w.left)}:${a1(Math.min(r + step, top + count) - 1, right)}`)
            .getMergedAreasOrNullObject()
            .load('areas/items/address'),
        );
      }
    }
    return () => this.take({ range, props: null, merges }, top, count);
  }

  /** Rows for the next band, from the bytes a cell took in the first one. */
  nextRows(): number {
    const w = this.window as Box;
    return Math.max(1, Math.floor(PAYLOAD_BUDGET / (w.cols * this.bytesPerCell)));
  }

  private take(q: QueuedBand, top: number, rows: number): void {
    const band: Band = {
      top,
      rows,
      values: q.range.values,
      formulas: q.range.formulas,
      numberFormat: q.range.numberFormat,
      valueTypes: q.range.valueTypes,
      properties: q.props ? q.props.value : null,
    };
    if (this.bands.length === 0) {
      const cells = Math.max(1, rows * (band.values[0]?.length ?? 1));
      // Never less than an empty cell takes; rows below holding longer text fit in the budget's margin, or are read again in halves.
      this.bytesPerCell = Math.max(
        60,
        utf8Length(JSON.stringify([band.values, band.formulas, band.numberFormat, band.valueTypes])) / cells,
      );
    }
    this.bands.push(band);
    for (const areas of q.merges) if (!areas.isNullObject) for (const a of areas.areas.items) this.merges.add(a.address);
  }

  result(): SheetRead {
    const info = this.info as SheetInfo;
    const used = this.used as Box;
    const w = this.window as Box;
    const rows = (f: (b: Band) => unknown[][]) => this.bands.flatMap(f);
    const first = this.bands[0];
    return {
      ref: info.ref,
      protection: info.protection,
      truncated: used.rows > w.rows || used.cols > w.cols,
      fillRows: first?.properties ? { top: first.top, bottom: first.top + first.rows - 1 } : null,
      snapshot: toSnapshot({
        sheet: info.ref.name,
        rowIndex: w.top - 1,
        columnIndex: w.left - 1,
        values: rows((b) => b.values) as ScalarValue[][],
        formulas: rows((b) => b.formulas) as ScalarValue[][],
        numberFormat: rows((b) => b.numberFormat) as ScalarValue[][],
        valueTypes: rows((b) => b.valueTypes) as string[][],
        properties: first?.properties ? first.properties : null,
        merges: this.caps.mergedAreas ? [...this.merges] : null,
      }),
    };
  }
}

/**
 * Read `sheets` band by band. `first` queues what else the first sync carries (settings, a sheet
 * list) and is queued again when that sync is refused as too large.
 */
export async function readSheets(
  ctx: RequestContextLike,
  caps: Capabilities,
  sheets: WorksheetLike[],
  first: () => () => void,
): Promise<SheetRead[]> {
  const readings = sheets.map((ws) => new SheetReading(ws, caps));
  let rows = firstBandRows(readings.length);
  for (;;) {
    const done = [first(), ...readings.map((r) => r.queueFirst(rows))];
    try {
      await ctx.sync();
    } catch (error) {
      // Halved down to no first band at all: then the bands below find the row that is too large.
      if (!isPayloadRefusal(error) || rows === 0) throw error;
      rows = Math.floor(rows / 2);
      continue;
    }
    for (const d of done) d();
    break;
  }
  for (const reading of readings) {
    let rowsNext = reading.nextRows();
    while (!reading.done) {
      const take = reading.queueNext(rowsNext);
      try {
        await ctx.sync();
      } catch (error) {
        if (!isPayloadRefusal(error)) throw error;
        if (rowsNext === 1) throw new DoorError('too-large', `${reading.name}!${reading.nextRow}:${reading.nextRow}`);
        rowsNext = Math.max(1, Math.floor(rowsNext / 2));
        continue;
      }
      take();
    }
  }
  return readings.map((r) => r.result());
}

/** Probe cells: their content, fill and lock, one range per run of rows, in one sync. */
export function queueProbe(
  ctx: RequestContextLike,
  caps: Capabilities,
  cells: CellRef[],
  sheets: Map<string, SheetInfo>,
): () => CellProbe[] {
  const placed = cells.map((c, index) => ({ sheetId: resolve(sheets, c.sheet)?.ref.id ?? '', row: c.row, col: c.col, index }));
  const found = placed.filter((p) => p.sheetId !== '');
  const worksheets = new Map<string, WorksheetLike>();
  const sheet = (id: string): WorksheetLike => {
    let ws = worksheets.get(id);
    if (!ws) worksheets.set(id, (ws = ctx.workbook.worksheets.getItem(id)));
    return ws;
  };
  const queued = runsOf(found).map((run) => {
    const range = sheet(run.sheetId)
      .getRange(`${a1(run.top, run.col)}:${a1(run.bottom, run.col)}`)
      .load(['values', 'formulas', 'numberFormat']);
    if (caps.cellProperties) {
      return {
        run,
        range,
        props: range.getCellProperties({ format: { fill: { color: true, pattern: true }, protection: true } }),
        cells: [] as RangeLike[],
      };
    }
    // Before ExcelApi 1.9 a range reports one fill and one lock for all its cells: ask each cell.
    const each = run.items.map((p) => {
      const cell = sheet(run.sheetId).getRange(a1(p.row, p.col));
      cell.format.fill.load('color');
      if (caps.protection) cell.format.protection.load('locked');
      return cell;
    });
    return { run, range, props: null, cells: each };
  });
  return () => {
    const out: CellProbe[] = cells.map(() => ({
      missing: true,
      state: { value: null },
      locked: null,
      protection: { protected: false, formatCells: true },
    }));
    for (const { run, range, props, cells: each } of queued) {
      const protection = (sheets.get(run.sheetId) as SheetInfo).protection;
      run.items.forEach((p, i) => {
        const cellProps = props?.value[i]?.[0];
        const fill = cellProps
          ? fillOf(cellProps.format?.fill?.color, cellProps.format?.fill?.pattern)
          : fillOf((each[i].format.fill as { color: string }).color, undefined);
        const locked = cellProps
          ? (cellProps.format?.protection?.locked ?? null)
          : caps.protection
            ? each[i].format.protection.locked
            : null;
        out[p.index] = {
          missing: false,
          state: { ...stateOf(range.values[i][0], range.formulas[i][0], range.numberFormat[i][0]), fill },
          locked,
          protection,
        };
      });
    }
    return out;
  };
}

/** The sheet a record names: by id, else (a record of an older version) by name. */
export function resolve(sheets: Map<string, SheetInfo>, ref: SheetRef): SheetInfo | undefined {
  return sheets.get(ref.id) ?? [...sheets.values()].find((s) => s.ref.name === ref.name && ref.id === ref.name);
}

function stateOf(value: ScalarValue, formula: ScalarValue, format: ScalarValue): CellState {
  const state: CellState = { value: value === '' ? null : value };
  if (typeof formula === 'string' && formula.startsWith('=')) state.formula = formula;
  if (typeof format === 'string' && format !== 'General' && format !== '') state.numberFormat = format;
  return state;
}

/** The UTF-8 length of a text: what it takes in a request or a response. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
