// The Office.js door: read the form in one sync, let the engine judge it, write the plan in one
// sync. Every action runs in one Excel.run (delayed while the person edits a cell, one undo step
// where Excel supports it), checks protection in its read before it writes anything, and keeps
// what it needs to undo its writes and remove its highlights in the workbook's settings.
import { analyzeWorkbook } from '../core/engine';
import { applyToSnapshot } from '../core/patch';
import { NATIONAL, type Profile } from '../core/profile';
import type { Mark, SheetReport } from '../core/report';
import { a1 } from '../core/address';
import type { CellPatch, CellState, CellValue, Snapshot } from '../core/types';
import { sketchToSnapshot, type SheetSketch } from '../core/sketch';
import { detectCapabilities, READ_WINDOW, readNotices, type Capabilities, type Notice } from './capabilities';
import { DoorError, toDoorError } from './errors';
import type { OfficeHost, RangeLike, RequestContextLike, RunOptionsLike, ScalarValue, WorksheetLike } from './host';
import { planClear, planMarks, type FillLookup, type FillWrite } from './marks';
import { fillOf, toSnapshot } from './snapshot';
import { profileFromChoice } from './profile-choice';
import {
  MARKS_KEY,
  PROFILE_KEY,
  put,
  readMarks,
  readProfileChoice,
  readUndo,
  refreshSettings,
  saveSettings,
  UNDO_KEY,
  type ProfileChoice,
  type UndoEntry,
  type UndoRecord,
} from './store';

export interface ActionOptions {
  profile?: Profile;
  /** The active sheet (default), or every sheet that holds a form. */
  scope?: 'active' | 'all';
}

export interface CheckResult {
  reports: SheetReport[];
  notices: Notice[];
  /** Cells whose fill the check changed (highlights added, changed or removed). */
  fillsChanged: number;
}

export interface RecomputeResult {
  /** The forms as they read after the write. */
  reports: SheetReport[];
  /** What was written, with what was there before. */
  written: CellPatch[];
  notices: Notice[];
}

export interface RestoreResult {
  restored: number;
  /** Cells left alone because the person changed them since. */
  kept: number;
}

interface SheetRead {
  snapshot: Snapshot;
  protected: boolean;
  /** The used range went beyond the read window. */
  truncated: boolean;
}

const READ_FIELDS = ['address', 'rowIndex', 'columnIndex', 'values', 'formulas', 'numberFormat', 'valueTypes'];


export class ExcelDoor {
  readonly caps: Capabilities;
  private ownWrites = 0;

  constructor(private readonly host: OfficeHost) {
    this.caps = detectCapabilities(host.Office);
  }

  private get settings() {
    return this.host.Office.context.document.settings;
  }

  /** True when the last recompute left something to undo. */
  canUndo(): boolean {
    return readUndo(this.settings) !== null;
  }

  /** The profile choice the workbook remembers (null: the national default). */
  async profileChoice(): Promise<ProfileChoice | null> {
    await refreshSettings(this.settings);
    return readProfileChoice(this.settings);
  }

  /** The profile the workbook remembers; throws when a stored custom profile no longer reads. */
  async profile(): Promise<Profile> {
    return profileFromChoice(await this.profileChoice());
  }

  /** Remember a profile in the workbook (null: back to the national default). */
  async rememberProfile(choice: ProfileChoice | null): Promise<void> {
    put(this.settings, PROFILE_KEY, choice);
    await saveSettings(this.settings);
  }

  /** Findings only: read and judge the sheet, nothing written (no highlights, no settings). */
  async inspect(opts: ActionOptions = {}): Promise<{ reports: SheetReport[]; notices: Notice[] }> {
    return this.run(async (ctx) => {
      const reads = await this.read(ctx, opts.scope ?? 'active');
      return { reports: this.analyze(reads, opts.profile), notices: this.notices(reads) };
    });
  }

  /** Findings and highlights; no value is changed. */
  async check(opts: ActionOptions = {}): Promise<CheckResult> {
    await refreshSettings(this.settings);
    return this.run(async (ctx) => {
      const reads = await this.read(ctx, opts.scope ?? 'active');
      const reports = this.analyze(reads, opts.profile);
      const notices = this.notices(reads);
      const writable = reads.filter((r) => !r.protected);
      if (writable.length < reads.length) notices.push('protected-no-marks');
      const sheets = new Set(writable.map((r) => r.snapshot.sheet));
      const desired = reports.flatMap((rep) => rep.forms.flatMap((f) => f.marks));
      const stored = readMarks(this.settings);
      const lookup = await this.fillLookup(ctx, reads, [...desired, ...stored].filter((m) => sheets.has(m.sheet)));
      const plan = planMarks(desired, stored, lookup, sheets);
      put(this.settings, MARKS_KEY, plan.stored.length > 0 ? plan.stored : null);
      await saveSettings(this.settings);
      if (plan.writes.length > 0) {
        this.queueFills(ctx, plan.writes);
        await this.ownSync(ctx);
      }
      return { reports, notices, fillsChanged: plan.writes.length };
    });
  }

  /** Writes what the engine plans (values with their number formats), keeping what it replaces. */
  async recompute(opts: ActionOptions = {}): Promise<RecomputeResult> {
    await refreshSettings(this.settings);
    return this.run(async (ctx) => {
      const reads = await this.read(ctx, opts.scope ?? 'active');
      const reports = this.analyze(reads, opts.profile);
      const patches = reports.flatMap((rep) => rep.forms.flatMap((f) => f.writes));
      const notices = this.notices(reads);
      if (patches.length === 0) return { reports, written: [], notices };
      const locked = reads.find((r) => r.protected && patches.some((p) => p.sheet === r.snapshot.sheet));
      if (locked) throw new DoorError('protected', locked.snapshot.sheet);
      const record: UndoRecord = { at: new Date().toISOString(), entries: patches.map(undoEntry) };
      const previous = readUndo(this.settings);
      put(this.settings, UNDO_KEY, record);
      await saveSettings(this.settings);
      try {
        const sheets = new Map<string, WorksheetLike>();
        for (const p of patches) {
          if (!sheets.has(p.sheet)) sheets.set(p.sheet, this.sheet(ctx, p.sheet));
          writeState((sheets.get(p.sheet) as WorksheetLike).getRange(p.cell), p.set);
        }
        await this.ownSync(ctx);
      } catch (error) {
        // Excel keeps the steps of a failed batch that ran before the failure: put those cells back.
        await this.rollBack(ctx, patches);
        put(this.settings, UNDO_KEY, previous);
        await saveSettings(this.settings);
        throw error;
      }
      const after = analyzeWorkbook(reads.map((r) => applyToSnapshot(r.snapshot, patches)), opts.profile ?? NATIONAL);
      return { reports: keepForms(after), written: patches, notices };
    });
  }

  /** Restore the cells of a failed write, in the order written: the failing cell stops it again, and the cells after it were never written. */
  private async rollBack(ctx: RequestContextLike, patches: CellPatch[]): Promise<void> {
    try {
      for (const p of patches) writeState(this.sheet(ctx, p.sheet).getRange(p.cell), { ...p.before, fill: undefined }, true);
      await this.ownSync(ctx);
    } catch {
      // The same failure again: what it could restore, it did.
    }
  }

  /** 撤销本次写入: put back what the last recompute replaced, in the cells still holding what it wrote. */
  async undo(): Promise<RestoreResult> {
    await refreshSettings(this.settings);
    const record = readUndo(this.settings);
    if (!record) return { restored: 0, kept: 0 };
    return this.run(async (ctx) => {
      const sheets = new Map<string, WorksheetLike>();
      const ranges = record.entries.map((e) => {
        if (!sheets.has(e.sheet)) {
          const ws = this.sheet(ctx, e.sheet);
          this.loadProtection(ws);
          sheets.set(e.sheet, ws);
        }
        return (sheets.get(e.sheet) as WorksheetLike).getRange(e.cell).load(['values', 'formulas', 'numberFormat']);
      });
      await ctx.sync();
      for (const [name, ws] of sheets) if (this.protectedSheet(ws)) throw new DoorError('protected', name);
      let restored = 0;
      record.entries.forEach((e, i) => {
        if (!stillHolds(ranges[i], e.after)) return;
        writeState(ranges[i], { ...e.before, fill: undefined }, true);
        restored++;
      });
      if (restored > 0) await this.ownSync(ctx);
      put(this.settings, UNDO_KEY, null);
      await saveSettings(this.settings);
      return { restored, kept: record.entries.length - restored };
    });
  }

  /** 清除标记: remove the add-in's highlights, giving back the fills they covered. */
  async clearMarks(): Promise<RestoreResult> {
    await refreshSettings(this.settings);
    const stored = readMarks(this.settings);
    if (stored.length === 0) return { restored: 0, kept: 0 };
    return this.run(async (ctx) => {
      const sheets = new Map<string, WorksheetLike>();
      for (const m of stored) {
        if (sheets.has(m.sheet)) continue;
        const ws = this.sheet(ctx, m.sheet);
        this.loadProtection(ws);
        sheets.set(m.sheet, ws);
      }
      const lookup = await this.fillLookup(ctx, [], stored, false);
      for (const [name, ws] of sheets) if (this.protectedSheet(ws)) throw new DoorError('protected', name);
      const plan = planClear(stored, lookup);
      if (plan.writes.length > 0) {
        this.queueFills(ctx, plan.writes);
        await this.ownSync(ctx);
      }
      put(this.settings, MARKS_KEY, null);
      await saveSettings(this.settings);
      return { restored: plan.writes.length, kept: plan.kept };
    });
  }

  /** Show a cell: activate its sheet first, since selecting on another sheet is unreliable (office-js#5118). */
  async select(sheet: string, cell: string): Promise<void> {
    await this.run(async (ctx) => {
      const ws = this.sheet(ctx, sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  /** 插入空白表: a new sheet holding the sketch; returns its name. */
  async insertSheet(sketch: SheetSketch): Promise<string> {
    const snap = sketchToSnapshot(sketch);
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      const names = new Set(sheets.items.map((s) => s.name));
      let name = sketch.name;
      for (let i = 2; names.has(name); i++) name = `${sketch.name} (${i})`;
      const ws = ctx.workbook.worksheets.add(name);
      const width = Math.max(...snap.cells.map((r) => r.length));
      const block = ws.getRange(`${a1(snap.top, snap.left)}:${a1(snap.top + snap.cells.length - 1, snap.left + width - 1)}`);
      const cellAt = (r: number, c: number) => snap.cells[r][c] ?? { value: null };
      const grid = <T>(f: (r: number, c: number) => T): T[][] => snap.cells.map((_, r) => Array.from({ length: width }, (_x, c) => f(r, c)));
      block.numberFormat = grid((r, c) => cellAt(r, c).numberFormat ?? 'General');
      block.formulas = grid((r, c) => cellAt(r, c).formula ?? literal(scalar(cellAt(r, c).value)));
      for (const m of snap.merges) ws.getRange(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).merge(false);
      block.format.wrapText = true;
      // Sketch widths are in characters, as in .xlsx; Excel's API takes points (7 px a character + 5 px, 0.75 pt a pixel).
      for (const [letters, chars] of Object.entries(sketch.widths ?? {})) ws.getRange(`${letters}:${letters}`).format.columnWidth = Math.round((chars * 7 + 5) * 0.75);
      ws.activate();
      await this.ownSync(ctx);
      return name;
    });
  }

  /**
   * Call `onEdit` when the person changes a cell (ExcelApi 1.9); the add-in's own writes are ignored
   * (by their trigger source from 1.14, before that by the moment they happen). False when unsupported.
   */
  async watch(onEdit: () => void): Promise<boolean> {
    if (!this.caps.changeEvents) return false;
    await this.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (args) => {
        if (args.triggerSource === 'ThisLocalAddin') return;
        if (!this.caps.triggerSource && this.ownWrites > 0) return;
        onEdit();
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
      return await this.host.Excel.run(options, batch);
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
      setTimeout(() => this.ownWrites--, 500);
    }
  }

  private sheet(ctx: RequestContextLike, name: string): WorksheetLike {
    return ctx.workbook.worksheets.getItem(name);
  }

  private loadProtection(ws: WorksheetLike): void {
    if (this.host.Office.context.requirements.isSetSupported('ExcelApi', '1.2')) ws.protection.load('protected');
  }

  private protectedSheet(ws: WorksheetLike): boolean {
    return this.host.Office.context.requirements.isSetSupported('ExcelApi', '1.2') && ws.protection.protected;
  }

  /** One sync for the active sheet; every sheet takes one more, to learn the sheets' names. */
  private async read(ctx: RequestContextLike, scope: 'active' | 'all'): Promise<SheetRead[]> {
    let sheets: WorksheetLike[];
    if (scope === 'all') {
      const all = ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      sheets = all.items.map((s) => this.sheet(ctx, s.name));
    } else {
      sheets = [ctx.workbook.worksheets.getActiveWorksheet()];
    }
    const valuesOnly = this.host.Office.context.requirements.isSetSupported('ExcelApi', '1.2');
    const pending = sheets.map((ws) => {
      ws.load('name');
      this.loadProtection(ws);
      // Values only (ExcelApi 1.2): a column the person formatted to the bottom would otherwise make the read a million rows.
      const used = valuesOnly ? ws.getUsedRange(true) : ws.getUsedRange();
      if (this.caps.boundedRead) used.load(['rowCount', 'columnCount']);
      const range = (this.caps.boundedRead ? used.getIntersection(used.getAbsoluteResizedRange(READ_WINDOW.rows, READ_WINDOW.columns)) : used).load(READ_FIELDS);
      const props = this.caps.cellProperties ? range.getCellProperties({ format: { fill: { color: true, pattern: true } } }) : null;
      const merges = this.caps.mergedAreas ? range.getMergedAreasOrNullObject().load('areas/items/address') : null;
      return { ws, used, range, props, merges };
    });
    await ctx.sync();
    return pending.map(({ ws, used, range, props, merges }) => ({
      protected: this.protectedSheet(ws),
      truncated: this.caps.boundedRead && (used.rowCount > READ_WINDOW.rows || used.columnCount > READ_WINDOW.columns),
      snapshot: toSnapshot({
        sheet: ws.name,
        rowIndex: range.rowIndex,
        columnIndex: range.columnIndex,
        values: range.values,
        formulas: range.formulas,
        numberFormat: range.numberFormat,
        valueTypes: range.valueTypes,
        properties: props ? props.value : null,
        merges: merges === null ? null : merges.isNullObject ? [] : merges.areas.items.map((a) => a.address),
      }),
    }));
  }

  private notices(reads: SheetRead[]): Notice[] {
    const out = readNotices(this.caps);
    if (reads.some((r) => r.truncated)) out.push('partial-read');
    return out;
  }

  private analyze(reads: SheetRead[], profile: Profile = NATIONAL): SheetReport[] {
    return keepForms(analyzeWorkbook(reads.map((r) => r.snapshot), profile));
  }

  /**
   * Current fills of the given cells: from the read when it carried fills (ExcelApi 1.9), else
   * loaded cell by cell in one more sync.
   */
  private async fillLookup(
    ctx: RequestContextLike,
    reads: SheetRead[],
    cells: Pick<Mark, 'sheet' | 'cell' | 'row' | 'col'>[],
    fromRead = this.caps.cellProperties,
  ): Promise<FillLookup> {
    if (fromRead) {
      const bySheet = new Map(reads.map((r) => [r.snapshot.sheet, r.snapshot]));
      return (sheet, row, col) => {
        const s = bySheet.get(sheet);
        return s?.cells[row - s.top]?.[col - s.left]?.fill ?? null;
      };
    }
    const key = (sheet: string, row: number, col: number): string => `${sheet}\u0000${row}\u0000${col}`;
    const fields = this.caps.cellProperties ? ['color', 'pattern'] : ['color'];
    const loaded = new Map<string, RangeLike>();
    for (const c of cells) {
      const k = key(c.sheet, c.row, c.col);
      if (loaded.has(k)) continue;
      const range = this.sheet(ctx, c.sheet).getRange(c.cell);
      range.format.fill.load(fields);
      loaded.set(k, range);
    }
    if (loaded.size > 0) await ctx.sync();
    return (sheet, row, col) => {
      const range = loaded.get(key(sheet, row, col));
      if (!range) return null;
      const fill = range.format.fill as { color: string; pattern?: string };
      return fillOf(fill.color, this.caps.cellProperties ? fill.pattern : undefined);
    };
  }

  private queueFills(ctx: RequestContextLike, writes: FillWrite[]): void {
    for (const w of writes) {
      const fill = this.sheet(ctx, w.sheet).getRange(w.cell).format.fill;
      if (w.fill === null) fill.clear();
      else fill.color = w.fill;
    }
  }
}

/** The sheets the pane lists: those with a form or with something to say (analyzeWorkbook decides what). */
export function keepForms(reports: SheetReport[]): SheetReport[] {
  return reports.filter((r) => r.forms.length > 0 || r.findings.length > 0);
}

function scalar(value: CellValue): ScalarValue {
  return value === null ? '' : value;
}

/**
 * Text as Excel must store it. Excel reads a written string like typed input ("100%" becomes the
 * number 1, "=…" a formula), so text it would convert gets the apostrophe that keeps it text.
 */
export function literal(value: ScalarValue): ScalarValue {
  if (typeof value !== 'string' || value === '') return value;
  const convertible =
    /^[=+\-@]/.test(value) ||
    /^(true|false)$/i.test(value.trim()) ||
    (/\d/.test(value) && /^[\s\d.,%/:$¥￥()eE+-]+$/.test(value));
  return convertible ? `'${value}` : value;
}

export function undoEntry(p: CellPatch): UndoEntry {
  const after: Partial<CellState> = {};
  if ('value' in p.set) after.value = p.set.value;
  if (p.set.formula !== undefined) after.formula = p.set.formula;
  if (p.set.numberFormat !== undefined) after.numberFormat = p.set.numberFormat;
  return { sheet: p.sheet, cell: p.cell, row: p.row, col: p.col, before: p.before, after };
}

/** Queue a cell's new state: numbers stay numbers, a number format goes with them. */
function writeState(range: RangeLike, state: Partial<CellState>, restoreFormat = false): void {
  // The format goes first, so that the value is read under it.
  if (state.numberFormat !== undefined) range.numberFormat = [[state.numberFormat]];
  else if (restoreFormat) range.numberFormat = [['General']];
  if (state.formula !== undefined) range.formulas = [[state.formula]];
  else if ('value' in state) range.values = [[literal(scalar(state.value ?? null))]];
  if (state.fill === null) range.format.fill.clear();
  else if (state.fill !== undefined) range.format.fill.color = state.fill;
}

/** The cell still shows what the add-in wrote there. */
function stillHolds(range: RangeLike, after: Partial<CellState>): boolean {
  const value = range.values[0][0];
  const formula = range.formulas[0][0];
  if (after.formula !== undefined) return formula === after.formula;
  if ('value' in after) {
    const want = after.value ?? '';
    if (typeof formula === 'string' && formula.startsWith('=')) return false;
    if (typeof want === 'number' && typeof value === 'number') {
      if (Math.abs(want - value) > 1e-9) return false;
    } else if (want !== value) return false;
  }
  if (after.numberFormat !== undefined && range.numberFormat[0][0] !== after.numberFormat) return false;
  return true;
}
