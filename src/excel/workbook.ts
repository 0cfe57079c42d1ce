// The Office.js door: the workflow's host interface (../door/host.ts) over Excel. Each action is
// one Excel.run (delayed while the person edits a cell, one undo step where Excel supports it); its
// first sync lists the sheets and reads the settings together with the first band of the form.
import { a1 } from '../core/address';
import type { SketchLook } from '../core/sketch';
import type { CellValue } from '../core/types';
import type {
  CellProbe,
  CellWrite,
  HostFeatures,
  HostSession,
  NewSheet,
  ReadRequest,
  SheetRead,
  WorkbookHost,
  WorkbookRead,
  WriteBatch,
} from '../door/host';
import { detectCapabilities, readNotices, type Capabilities } from './capabilities';
import { toDoorError } from './errors';
import type { OfficeHost, RangeLike, RequestContextLike, RunOptionsLike, ScalarValue } from './host';
import { protectionOf, queueProbe, readSheets, resolve, type SheetInfo } from './read';
import { DocumentSettings, WorkbookSettings, type SettingsAccess } from './settings';
import { literal } from './typed-text';
import { queueWrites } from './write';

/** How long change events caused by the add-in's own write may still arrive after its sync. */
const OWN_EVENTS_MS = 500;

export class ExcelWorkbook implements WorkbookHost {
  private capsKnown: Capabilities | null = null;
  private ownWrites = 0;

  constructor(private readonly office: OfficeHost) {}

  get displayLanguage(): string {
    return this.office.Office.context.displayLanguage;
  }

  get platform(): string | null {
    const platform = this.office.Office.context.platform;
    return typeof platform === 'string' ? platform : null;
  }

  /** Asked on first use: Office.context is there only once Office is ready. */
  get caps(): Capabilities {
    if (!this.capsKnown) this.capsKnown = detectCapabilities(this.office.Office);
    return this.capsKnown;
  }

  features(): HostFeatures {
    return { watchEdits: this.caps.changeEvents, insertSheet: this.caps.protection };
  }

  session<T>(work: (session: HostSession) => Promise<T>): Promise<T> {
    const settings = this.caps.workbookSettings
      ? new WorkbookSettings()
      : new DocumentSettings(this.office.Office.context.document.settings);
    return this.run((ctx) => work(new ExcelSession(ctx, this.caps, settings, () => this.ownSync(ctx))));
  }

  /**
   * Show a cell, or several ("H19,H23", from ExcelApi 1.9; before that the first): activate the sheet
   * first, since selecting on another sheet is unreliable (office-js#5118).
   */
  async select(sheet: string, cell: string): Promise<void> {
    const cells = cell.split(',');
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      if (cells.length > 1 && this.caps.rangeAreas) ws.getRanges(cells.join(', ')).select();
      else ws.getRange(cells[0]).select();
      await ctx.sync();
    });
  }

  async insertSheet(sheet: NewSheet): Promise<string> {
    const snap = sheet.snapshot;
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      const names = new Set(sheets.items.map((s) => s.name));
      let name = sheet.name;
      for (let i = 2; names.has(name); i++) name = `${sheet.name} (${i})`;
      const ws = ctx.workbook.worksheets.add(name);
      const width = Math.max(...snap.cells.map((r) => r.length));
      const block = ws.getRange(`${a1(snap.top, snap.left)}:${a1(snap.top + snap.cells.length - 1, snap.left + width - 1)}`);
      const cellAt = (r: number, c: number) => snap.cells[r][c] ?? { value: null };
      const grid = <T>(f: (r: number, c: number) => T): T[][] =>
        snap.cells.map((_, r) => Array.from({ length: width }, (_x, c) => f(r, c)));
      block.numberFormat = grid((r, c) => cellAt(r, c).numberFormat ?? 'General');
      block.formulas = grid((r, c) => cellAt(r, c).formula ?? literal(scalar(cellAt(r, c).value)));
      for (const m of snap.merges) ws.getRange(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).merge(false);
      block.format.wrapText = true;
      for (const look of sheet.looks) queueLook(ws.getRange(look.range), look);
      // Sketch widths are in characters, as in .xlsx; Excel's API takes points (7 px a character + 5 px, 0.75 pt a pixel).
      for (const [letters, chars] of Object.entries(sheet.widths))
        ws.getRange(`${letters}:${letters}`).format.columnWidth = Math.round((chars * 7 + 5) * 0.75);
      ws.activate();
      await this.ownSync(ctx);
      return name;
    });
  }

  /**
   * Call `onEdit` with the changed address when the person changes a cell (ExcelApi 1.9); the add-in's
   * own writes are ignored (by their trigger source from 1.14, before that by the moment they happen).
   * False when unsupported.
   */
  async watch(onEdit: (address: string) => void): Promise<boolean> {
    if (!this.caps.changeEvents) return false;
    await this.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (args) => {
        if (args.triggerSource === 'ThisLocalAddin') return;
        if (!this.caps.triggerSource && this.ownWrites > 0) return;
        onEdit(args.address);
      });
      await ctx.sync();
    });
    return true;
  }

  private async run<T>(batch: (ctx: RequestContextLike) => Promise<T>): Promise<T> {
    // delayForCellEdit is a plain option older hosts ignore (then the batch fails as 'cell-edit');
    // mergeUndoGroup belongs to ExcelApi 1.20 and is only asked for where it exists.
    const options: RunOptionsLike = { delayForCellEdit: true };
    if (this.caps.mergeUndoGroup) options.mergeUndoGroup = true;
    try {
      return await this.office.Excel.run(options, batch);
    } catch (error) {
      throw toDoorError(error);
    }
  }

  /** A sync that writes: change events it causes are the add-in's own. */
  private async ownSync(ctx: RequestContextLike): Promise<void> {
    this.ownWrites++;
    try {
      await ctx.sync();
    } finally {
      // Events arrive after the sync resolves; keep ignoring them for a moment.
      setTimeout(() => this.ownWrites--, OWN_EVENTS_MS);
    }
  }
}

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center' } as const;
const LINES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

/**
 * A block's look, queued for the insert's one sync: borders, alignment, wrap and font are all
 * ExcelApi 1.1 (https://learn.microsoft.com/javascript/api/excel/excel.rangeformat,
 * …/excel.rangeborder, …/excel.rangefont), so every host that inserts sheets has them.
 */
function queueLook(range: RangeLike, look: SketchLook): void {
  const format = range.format;
  if (look.grid) {
    for (const index of LINES) {
      const line = format.borders.getItem(index);
      line.style = 'Continuous';
      line.weight = 'Thin';
      line.color = '#000000';
    }
  }
  if (look.horizontal) format.horizontalAlignment = HORIZONTAL[look.horizontal];
  if (look.vertical) format.verticalAlignment = VERTICAL[look.vertical];
  if (look.wrap !== undefined) format.wrapText = look.wrap;
  if (look.bold !== undefined) format.font.bold = look.bold;
  if (look.size !== undefined) format.font.size = look.size;
}

class ExcelSession implements HostSession {
  /** Every sheet's id, name and protection, from this session's first sync. */
  private sheets: Map<string, SheetInfo> | null = null;

  constructor(
    private readonly ctx: RequestContextLike,
    private readonly caps: Capabilities,
    private readonly settings: SettingsAccess,
    private readonly ownSync: () => Promise<void>,
  ) {}

  async read(request: ReadRequest): Promise<WorkbookRead> {
    const ctx = this.ctx;
    const keys = request.settings ?? [];
    let settings: Record<string, unknown> = {};
    await this.settings.prepare();
    // What the first sync carries besides the sheets: the settings and, once a session, the list of sheets.
    const first = (): (() => void) => {
      const settingsDone = this.settings.queueRead(ctx, keys);
      const listDone = this.sheets ? null : this.queueSheetList();
      return () => {
        settings = settingsDone();
        listDone?.();
      };
    };
    let sheets: SheetRead[] = [];
    if (request.scope === 'active') {
      sheets = await readSheets(ctx, this.caps, [ctx.workbook.worksheets.getActiveWorksheet()], first);
    } else {
      if ((this.settings.inBatch && keys.length > 0) || !this.sheets) {
        const done = first();
        await ctx.sync();
        done();
      } else first()();
      if (request.scope === 'all') {
        const all = [...this.known().values()].map((info) => ctx.workbook.worksheets.getItem(info.ref.id));
        sheets = await readSheets(ctx, this.caps, all, () => () => undefined);
      }
    }
    let cells: CellProbe[] = [];
    if (request.cells && request.cells.length > 0) {
      const probed = queueProbe(ctx, this.caps, request.cells, this.known());
      await ctx.sync();
      cells = probed();
    }
    return { sheets, cells, settings, notices: request.scope ? readNotices(this.caps) : [] };
  }

  async write(batch: WriteBatch): Promise<void> {
    if (batch.settings && Object.keys(batch.settings).length > 0) await this.settings.write(this.ctx, batch.settings);
    if (batch.cells.length > 0) {
      const sheets = this.sheets ?? new Map<string, SheetInfo>();
      queueWrites(this.ctx, batch.cells, (w: CellWrite) => resolve(sheets, w.sheet)?.ref.id ?? w.sheet.id);
      await this.ownSync();
    } else if (this.settings.inBatch) await this.ctx.sync();
  }

  private known(): Map<string, SheetInfo> {
    if (!this.sheets) throw new Error('the list of sheets is read in the first sync');
    return this.sheets;
  }

  /** The workbook's sheets with their ids and protection: a few bytes each. */
  private queueSheetList(): () => void {
    const fields = ['items/id', 'items/name'];
    if (this.caps.protection) fields.push('items/protection/protected', 'items/protection/options');
    const list = this.ctx.workbook.worksheets.load(fields);
    return () => {
      this.sheets = new Map(
        list.items.map((ws) => [ws.id, { ref: { id: ws.id, name: ws.name }, protection: protectionOf(ws, this.caps) }]),
      );
    };
  }
}

function scalar(value: CellValue): ScalarValue {
  return value === null ? '' : value;
}
