// The WPS 表格 door: the workflow's host interface (../door/host.ts) over WPS's synchronous copy of
// the Excel object model. Every action first asks whether the person is typing in a cell
// (Application.Ready); sheets and cells are read with a few whole-block calls (./read.ts), writes go
// in blocks with screen updating off (./write.ts), and the add-in's records live in the workbook's
// custom document properties (./store.ts), so that they travel with the file.
import { rangeText } from '../core/address';
import type { SketchLook } from '../core/sketch';
import type { CellState } from '../core/types';
import { DoorError } from '../door/errors';
import type {
  CellWrite,
  HostFeatures,
  HostSession,
  NewSheet,
  ReadRequest,
  SheetRead,
  SheetRef,
  WorkbookHost,
  WorkbookRead,
  WriteBatch,
} from '../door/host';
import { get } from './access';
import { toWpsDoorError } from './errors';
import type { EtApplication, EtRange, EtSheetChange, EtWorkbook, EtWorksheet } from './jsapi';
import { probeCells, readSheet, sheetOf, type WpsSheet } from './read';
import { DocPropertyStore } from './store';
import { planBlocks, withScreenOff, writeBlocks } from './write';

/** How long change events caused by the add-in's own write may still arrive after it. */
const OWN_EVENTS_MS = 500;

export interface WpsOptions {
  /** The pane's language (WPS has no Office display language to ask): the webview's, e.g. navigator.language. */
  displayLanguage?: string;
}

/** The longest address Range takes (Excel's object model, which WPS keeps). */
const RANGE_TEXT = 255;
const XL_CENTER = -4108;
const HORIZONTAL = { left: -4131, center: XL_CENTER, right: -4152 } as const;
const VERTICAL = { top: -4160, middle: XL_CENTER } as const;
const XL_CONTINUOUS = 1;
const XL_THIN = 2;

/**
 * A block's look in a few calls, whatever its size: Range.Borders set as a whole draws every edge and
 * inside line (https://learn.microsoft.com/office/vba/api/excel.borders; WPS keeps Excel's object model, docs/wps.md).
 */
function applyLook(range: EtRange, look: SketchLook): void {
  if (look.grid) {
    const borders = get(range, 'Borders');
    borders.LineStyle = XL_CONTINUOUS;
    borders.Weight = XL_THIN;
  }
  if (look.horizontal) range.HorizontalAlignment = HORIZONTAL[look.horizontal];
  if (look.vertical) range.VerticalAlignment = VERTICAL[look.vertical];
  if (look.wrap !== undefined) range.WrapText = look.wrap;
  if (look.bold !== undefined || look.size !== undefined) {
    const font = get(range, 'Font');
    if (look.bold !== undefined) font.Bold = look.bold;
    if (look.size !== undefined) font.Size = look.size;
  }
}

export class WpsWorkbook implements WorkbookHost {
  readonly displayLanguage: string;
  /** Not Office: no Office platform to report. */
  readonly platform = null;
  private ownWrites = 0;

  constructor(
    private readonly app: EtApplication,
    opts: WpsOptions = {},
  ) {
    this.displayLanguage = opts.displayLanguage ?? 'zh-CN';
  }

  features(): HostFeatures {
    return { watchEdits: this.app.ApiEvent !== undefined, insertSheet: true };
  }

  session<T>(work: (session: HostSession) => Promise<T>): Promise<T> {
    return this.run(() => work(new WpsSession(this.app, (write) => this.writing(write))));
  }

  /**
   * Show a cell (or cells, "H19,H23"; as many as an address of 255 characters holds, Range's limit):
   * Select works only on the active sheet, so that is activated first.
   */
  async select(sheet: string, cell: string): Promise<void> {
    let address = '';
    for (const one of cell.split(',')) {
      const longer = address === '' ? one : `${address},${one}`;
      if (longer.length > RANGE_TEXT) break;
      address = longer;
    }
    await this.run(async () => {
      const ws = worksheet(workbook(this.app), sheet);
      ws.Activate();
      ws.Range(address).Select();
    });
  }

  async insertSheet(sheet: NewSheet): Promise<string> {
    const snap = sheet.snapshot;
    return this.run(async () => {
      const worksheets = get(workbook(this.app), 'Worksheets');
      const count = get(worksheets, 'Count');
      const names = new Set(Array.from({ length: count }, (_, i) => get(worksheets.Item(i + 1), 'Name')));
      let name = sheet.name;
      for (let i = 2; names.has(name); i++) name = `${sheet.name} (${i})`;
      const ws = worksheets.Add(null, worksheets.Item(count));
      ws.Name = name;
      const ref: SheetRef = { id: name, name };
      const cells: CellWrite[] = [];
      snap.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell.value === null && cell.formula === undefined && cell.numberFormat === undefined) return;
          const set: Partial<CellState> = cell.formula !== undefined ? { formula: cell.formula } : { value: cell.value };
          if (cell.numberFormat !== undefined) set.numberFormat = cell.numberFormat;
          cells.push({ sheet: ref, row: snap.top + r, col: snap.left + c, set });
        }),
      );
      const width = Math.max(...snap.cells.map((r) => r.length));
      this.writing(() => {
        writeBlocks(() => ws, planBlocks(cells));
        for (const m of snap.merges) ws.Range(rangeText(m)).Merge();
        ws.Range(
          rangeText({ top: snap.top, left: snap.left, bottom: snap.top + snap.cells.length - 1, right: snap.left + width - 1 }),
        ).WrapText = true;
        for (const look of sheet.looks) applyLook(ws.Range(look.range), look);
        // WPS takes column widths in characters, as sketches give them.
        for (const [letters, chars] of Object.entries(sheet.widths)) ws.Range(`${letters}:${letters}`).ColumnWidth = chars;
      });
      ws.Activate();
      return name;
    });
  }

  /**
   * Call `onEdit` with the changed address when the person changes cells (Application.ApiEvent,
   * "SheetChange"); events while or just after the add-in writes are its own and ignored. False when
   * this WPS has no ApiEvent.
   */
  async watch(onEdit: (address: string) => void): Promise<boolean> {
    const events = this.app.ApiEvent;
    if (!events) return false;
    const handler: EtSheetChange = (_sheet, target) => {
      if (this.ownWrites === 0) onEdit(target.Address(false, false));
    };
    await this.run(async () => events.AddApiEventListener('SheetChange', handler));
    return true;
  }

  /** One action: refused while the person types in a cell; WPS failures become DoorErrors. */
  private async run<T>(action: () => Promise<T>): Promise<T> {
    try {
      if (!get(this.app, 'Ready')) throw new DoorError('cell-edit', '正在编辑单元格');
      return await action();
    } catch (error) {
      throw toWpsDoorError(error);
    }
  }

  /** Writes with screen updating off, their change events marked as the add-in's own. */
  private writing(work: () => void): void {
    this.ownWrites++;
    try {
      withScreenOff(this.app, work);
    } finally {
      // WPS may deliver the events after the calls return; keep ignoring them for a moment.
      setTimeout(() => this.ownWrites--, OWN_EVENTS_MS);
    }
  }
}

class WpsSession implements HostSession {
  private readonly store: DocPropertyStore;
  /** The sheets this session has met, by name. */
  private readonly sheets = new Map<string, WpsSheet | null>();

  constructor(
    private readonly app: EtApplication,
    private readonly writing: (work: () => void) => void,
  ) {
    this.store = new DocPropertyStore(app);
  }

  async read(request: ReadRequest): Promise<WorkbookRead> {
    const settings: Record<string, unknown> = {};
    for (const key of request.settings ?? []) settings[key] = this.store.get(key);
    let sheets: SheetRead[] = [];
    if (request.scope === 'active') sheets = [readSheet(this.remember(sheetOf(get(workbook(this.app), 'ActiveSheet'))))];
    else if (request.scope === 'all') {
      const worksheets = get(workbook(this.app), 'Worksheets');
      sheets = Array.from({ length: get(worksheets, 'Count') }, (_, i) => readSheet(this.remember(sheetOf(worksheets.Item(i + 1)))));
    }
    const cells = request.cells && request.cells.length > 0 ? probeCells((ref) => this.find(ref), request.cells) : [];
    // WPS reports merges and fills: nothing to say about what it could not read.
    return { sheets, cells, settings, notices: [] };
  }

  async write(batch: WriteBatch): Promise<void> {
    for (const [key, value] of Object.entries(batch.settings ?? {})) this.store.set(key, value);
    if (batch.cells.length === 0) return;
    const cells = batch.cells.map((w) => {
      const sheet = this.find(w.sheet);
      if (!sheet) throw new DoorError('not-found', w.sheet.name);
      return { ...w, sheet: sheet.ref };
    });
    this.writing(() => writeBlocks((name) => (this.sheets.get(name) as WpsSheet).ws, planBlocks(cells)));
  }

  private remember(sheet: WpsSheet): WpsSheet {
    this.sheets.set(sheet.ref.name, sheet);
    return sheet;
  }

  /** The sheet a record names: WPS ids are names, so by its id (a record made in WPS), else by its name. */
  private find(ref: SheetRef): WpsSheet | null {
    for (const name of ref.id === ref.name ? [ref.name] : [ref.id, ref.name]) {
      if (!this.sheets.has(name)) this.sheets.set(name, lookUp(workbook(this.app), name));
      const sheet = this.sheets.get(name);
      if (sheet) return sheet;
    }
    return null;
  }
}

function workbook(app: EtApplication): EtWorkbook {
  const wb = get(app, 'ActiveWorkbook');
  if (!wb) throw new DoorError('not-found', '没有打开的工作簿');
  return wb;
}

function worksheet(wb: EtWorkbook, name: string): EtWorksheet {
  try {
    return get(wb, 'Worksheets').Item(name);
  } catch {
    throw new DoorError('not-found', name);
  }
}

/** A sheet by name, or null when the workbook has none of that name. */
function lookUp(wb: EtWorkbook, name: string): WpsSheet | null {
  let ws: EtWorksheet;
  try {
    ws = get(wb, 'Worksheets').Item(name);
  } catch {
    return null;
  }
  return sheetOf(ws);
}
