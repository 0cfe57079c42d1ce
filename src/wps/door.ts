// The WPS 表格 door: the same actions as the Office.js door (检查, 重新计算, 撤销本次写入, 清除标记,
// select, 插入空白表, 边输入边检查) on WPS's synchronous object model. Every action first asks whether
// the person is typing in a cell (Application.Ready), reads each sheet with a few whole-block calls
// (./read.ts), writes in blocks with screen updating off (./write.ts), and keeps its undo record,
// highlights and profile in the workbook's custom document properties (./store.ts).
import { analyzeWorkbook } from '../core/engine';
import { applyToSnapshot } from '../core/patch';
import { NATIONAL, type Profile } from '../core/profile';
import type { SheetReport } from '../core/report';
import type { CellRange, CellState, CellValue } from '../core/types';
import { sketchToSnapshot, type SheetSketch } from '../core/sketch';
import { keepForms, type ActionOptions, type CheckResult, type RecomputeResult, type RestoreResult } from '../door/door';
import { DoorError } from '../door/errors';
import type { Notice } from '../door/notices';
import { undoEntry } from '../door/undo';
import type { AsyncResultLike, SettingsLike } from '../excel/host';
import { planClear, planMarks, type FillLookup, type FillWrite } from '../door/marks';
import { profileFromChoice } from '../door/profile-choice';
import { MARKS_KEY, PROFILE_KEY, readMarks, readProfileChoice, readUndo, UNDO_KEY, type ProfileChoice, type UndoEntry } from '../door/records';
import { blockRows, get } from './access';
import { cvErrText } from './color';
import type { EtApplication, EtWorksheet } from './jsapi';
import { fillOfRange, rangeAddress, readSheet, type WpsSheetRead } from './read';
import { probeRegions } from './regions';
import { DocPropertyStore } from './store';
import { checkUnlocked, planBlocks, SheetCache, withScreenOff, writeBlocks, type CellWrite } from './write';

/** Excel's settings surface over the workbook's document properties, so the stored records read alike. */
export function settingsOf(store: DocPropertyStore): SettingsLike {
  const ok: AsyncResultLike = { status: 'succeeded' };
  return {
    get: (name) => store.get(name),
    set: (name, value) => store.set(name, value),
    remove: (name) => store.set(name, null),
    saveAsync: (_options, callback) => callback?.(ok),
    refreshAsync: (callback) => callback?.(ok),
  };
}

/** What a WPS failure means to the person: a DoorError with a kind the pane knows. */
export function toWpsDoorError(error: unknown): DoorError {
  if (error instanceof DoorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && (error.name === 'ProfileError' || error instanceof SyntaxError)) return new DoorError('profile', message);
  if (/受保护|protected/i.test(message)) return new DoorError('protected', message);
  if (/正在编辑|edit mode/i.test(message)) return new DoorError('cell-edit', message);
  return new DoorError('api', message);
}

/** Cells of one column next to each other, for reading back a few blocks instead of cell by cell. */
function columnRuns<T extends { sheet: string; row: number; col: number }>(cells: T[]): { sheet: string; rect: CellRange; cells: T[] }[] {
  const sorted = [...cells].sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.col - b.col || a.row - b.row));
  const runs: { sheet: string; rect: CellRange; cells: T[] }[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.sheet === c.sheet && last.rect.left === c.col && last.rect.bottom + 1 >= c.row) {
      last.rect.bottom = Math.max(last.rect.bottom, c.row);
      last.cells.push(c);
    } else runs.push({ sheet: c.sheet, rect: { top: c.row, left: c.col, bottom: c.row, right: c.col }, cells: [c] });
  }
  return runs;
}

const keyOf = (sheet: string, row: number, col: number): string => `${sheet}\u0000${row}\u0000${col}`;

export class WpsDoor {
  private readonly store: DocPropertyStore;
  private readonly settings: SettingsLike;
  /** Writes under way or just done: the change events they cause are the add-in's own. */
  private ownWrites = 0;

  constructor(private readonly app: EtApplication) {
    this.store = new DocPropertyStore(app);
    this.settings = settingsOf(this.store);
  }

  /** True when the last recompute left something to undo. */
  canUndo(): boolean {
    try {
      return readUndo(this.settings.get(UNDO_KEY)) !== null;
    } catch {
      return false;
    }
  }

  async profileChoice(): Promise<ProfileChoice | null> {
    return this.run(() => readProfileChoice(this.settings.get(PROFILE_KEY)));
  }

  async profile(): Promise<Profile> {
    return profileFromChoice(await this.profileChoice());
  }

  async rememberProfile(choice: ProfileChoice | null): Promise<void> {
    await this.run(() => this.store.set(PROFILE_KEY, choice));
  }

  /** Read and judge, changing nothing. */
  async inspect(opts: ActionOptions = {}): Promise<{ reports: SheetReport[]; notices: Notice[] }> {
    return this.run(() => {
      const reads = this.read(opts.scope ?? 'active');
      return { reports: this.analyze(reads, opts.profile), notices: this.notices(reads) };
    });
  }

  /** Findings and highlights; no value is changed. */
  async check(opts: ActionOptions = {}): Promise<CheckResult> {
    return this.run(() => {
      const reads = this.read(opts.scope ?? 'active');
      const reports = this.analyze(reads, opts.profile);
      const notices = this.notices(reads);
      const writable = reads.filter((r) => !r.protected);
      if (writable.length < reads.length) notices.push('protected-no-marks');
      const sheets = new Set(writable.map((r) => r.snapshot.sheet));
      const desired = reports.flatMap((rep) => rep.forms.flatMap((f) => f.marks));
      const plan = planMarks(desired, readMarks(this.settings.get(MARKS_KEY)), this.snapshotFills(reads), sheets);
      this.store.set(MARKS_KEY, plan.stored.length > 0 ? plan.stored : null);
      this.writeFills(plan.writes);
      return { reports, notices, fillsChanged: plan.writes.length };
    });
  }

  /** Writes what the engine plans (values with their number formats), keeping what it replaces. */
  async recompute(opts: ActionOptions = {}): Promise<RecomputeResult> {
    return this.run(() => {
      const reads = this.read(opts.scope ?? 'active');
      const reports = this.analyze(reads, opts.profile);
      const patches = reports.flatMap((rep) => rep.forms.flatMap((f) => f.writes));
      const notices = this.notices(reads);
      if (patches.length === 0) return { reports, written: [], notices };
      const writes: CellWrite[] = patches.map((p) => ({ sheet: p.sheet, row: p.row, col: p.col, state: unchangedFormatDropped(p.set, p.before) }));
      const blocks = planBlocks(writes);
      const sheets = new SheetCache(this.app);
      checkUnlocked(sheets, blocks);
      const previous = readUndo(this.settings.get(UNDO_KEY));
      this.store.set(UNDO_KEY, { at: new Date().toISOString(), entries: patches.map((p) => undoEntry(p, { id: p.sheet, name: p.sheet })) });
      const before = new Map(patches.map((p) => [keyOf(p.sheet, p.row, p.col), p.before]));
      try {
        this.writing(() => writeBlocks(sheets, blocks, (w) => ({ ...w, state: { ...before.get(keyOf(w.sheet, w.row, w.col)), fill: undefined } })));
      } catch (error) {
        this.store.set(UNDO_KEY, previous);
        throw error;
      }
      const after = analyzeWorkbook(reads.map((r) => applyToSnapshot(r.snapshot, patches)), opts.profile ?? NATIONAL);
      return { reports: keepForms(after), written: patches, notices };
    });
  }

  /** 撤销本次写入: put back what the last recompute replaced, in the cells still holding what it wrote. */
  async undo(): Promise<RestoreResult> {
    return this.run(() => {
      const record = readUndo(this.settings.get(UNDO_KEY));
      if (!record) return { restored: 0, kept: 0 };
      const sheets = new SheetCache(this.app);
      const current = this.readStates(sheets, record.entries);
      const back = record.entries.filter((e) => holds(current.get(keyOf(e.sheet, e.row, e.col)), e.after));
      const writes: CellWrite[] = back.map((e) => {
        const now = current.get(keyOf(e.sheet, e.row, e.col)) as CellState;
        return { sheet: e.sheet, row: e.row, col: e.col, state: unchangedFormatDropped({ ...e.before, fill: undefined }, now) };
      });
      const blocks = planBlocks(writes);
      checkUnlocked(sheets, blocks);
      this.writing(() => writeBlocks(sheets, blocks, (w) => w));
      this.store.set(UNDO_KEY, null);
      return { restored: back.length, kept: record.entries.length - back.length };
    });
  }

  /** 清除标记: remove the add-in's highlights, giving back the fills they covered. */
  async clearMarks(): Promise<RestoreResult> {
    return this.run(() => {
      const stored = readMarks(this.settings.get(MARKS_KEY));
      if (stored.length === 0) return { restored: 0, kept: 0 };
      const sheets = new SheetCache(this.app);
      for (const name of new Set(stored.map((m) => m.sheet))) if (get(sheets.get(name), 'ProtectContents')) throw new DoorError('protected', name);
      const plan = planClear(stored, this.readFills(sheets, stored));
      this.writeFills(plan.writes, sheets);
      this.store.set(MARKS_KEY, null);
      return { restored: plan.writes.length, kept: plan.kept };
    });
  }

  /** Show a cell: activate its sheet first (Select needs the sheet to be active). */
  async select(sheet: string, cell: string): Promise<void> {
    await this.selectCells(sheet, [cell]);
  }

  /** Select several cells at once, e.g. the ones a recompute wrote. */
  async selectCells(sheet: string, cells: string[]): Promise<void> {
    if (cells.length === 0) return;
    await this.run(() => {
      const ws = new SheetCache(this.app).get(sheet);
      ws.Activate();
      ws.Range(cells.join(',')).Select();
    });
  }

  /** 插入空白表: a new sheet holding the sketch; returns its name. */
  async insertSheet(sketch: SheetSketch): Promise<string> {
    const snap = sketchToSnapshot(sketch);
    return this.run(() => {
      const wb = get(this.app, 'ActiveWorkbook');
      if (!wb) throw new DoorError('not-found', '没有打开的工作簿');
      const worksheets = get(wb, 'Worksheets');
      const count = get(worksheets, 'Count');
      const names = new Set(Array.from({ length: count }, (_, i) => get(worksheets.Item(i + 1), 'Name')));
      let name = sketch.name;
      for (let i = 2; names.has(name); i++) name = `${sketch.name} (${i})`;
      const ws = worksheets.Add(null, worksheets.Item(count));
      ws.Name = name;
      const writes: CellWrite[] = [];
      snap.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell.value === null && cell.formula === undefined && cell.numberFormat === undefined) return;
          const state: Partial<CellState> = cell.formula !== undefined ? { formula: cell.formula } : { value: cell.value };
          if (cell.numberFormat !== undefined) state.numberFormat = cell.numberFormat;
          writes.push({ sheet: name, row: snap.top + r, col: snap.left + c, state });
        }),
      );
      const width = Math.max(...snap.cells.map((r) => r.length));
      const sheets = new SheetCache(this.app);
      this.writing(() =>
        withScreenOff(this.app, () => {
          writeBlocks(sheets, planBlocks(writes), (w) => w);
          for (const m of snap.merges) ws.Range(rangeAddress(m)).Merge();
          ws.Range(rangeAddress({ top: snap.top, left: snap.left, bottom: snap.top + snap.cells.length - 1, right: snap.left + width - 1 })).WrapText = true;
          // WPS takes column widths in characters, as sketches give them.
          for (const [letters, chars] of Object.entries(sketch.widths ?? {})) ws.Range(`${letters}:${letters}`).ColumnWidth = chars;
        }),
      );
      ws.Activate();
      return name;
    });
  }

  /** Call `onEdit` when the person changes a cell; the add-in's own writes are ignored. False when this WPS has no events. */
  async watch(onEdit: () => void): Promise<boolean> {
    const events = this.app.ApiEvent;
    if (!events) return false;
    await this.run(() =>
      events.AddApiEventListener('SheetChange', () => {
        if (this.ownWrites === 0) onEdit();
      }),
    );
    return true;
  }

  /** One action: refused while the person types in a cell; WPS failures become DoorErrors. */
  private async run<T>(action: () => T): Promise<T> {
    await Promise.resolve();
    try {
      if (!get(this.app, 'Ready')) throw new DoorError('cell-edit', '正在编辑单元格');
      return action();
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
      setTimeout(() => this.ownWrites--, 500);
    }
  }

  private read(scope: 'active' | 'all'): WpsSheetRead[] {
    const wb = get(this.app, 'ActiveWorkbook');
    if (!wb) throw new DoorError('not-found', '没有打开的工作簿');
    if (scope === 'active') return [readSheet(get(wb, 'ActiveSheet'))];
    const worksheets = get(wb, 'Worksheets');
    return Array.from({ length: get(worksheets, 'Count') }, (_, i) => readSheet(worksheets.Item(i + 1)));
  }

  private notices(reads: WpsSheetRead[]): Notice[] {
    return reads.some((r) => r.truncated) ? ['partial-read'] : [];
  }

  private analyze(reads: WpsSheetRead[], profile: Profile = NATIONAL): SheetReport[] {
    return keepForms(analyzeWorkbook(reads.map((r) => r.snapshot), profile));
  }

  private snapshotFills(reads: WpsSheetRead[]): FillLookup {
    const bySheet = new Map(reads.map((r) => [r.snapshot.sheet, r.snapshot]));
    return (sheet, row, col) => {
      const s = bySheet.get(sheet);
      return s?.cells[row - s.top]?.[col - s.left]?.fill ?? null;
    };
  }

  private writeFills(fills: FillWrite[], sheets = new SheetCache(this.app)): void {
    if (fills.length === 0) return;
    const blocks = planBlocks(fills.map((f) => ({ sheet: f.sheet, row: f.row, col: f.col, state: { fill: f.fill } })));
    this.writing(() => writeBlocks(sheets, blocks, (w) => w));
  }

  /** Current fills of the given cells, read run by run. */
  private readFills(sheets: SheetCache, cells: { sheet: string; row: number; col: number }[]): FillLookup {
    const fills = new Map<string, string | null>();
    for (const run of columnRuns(cells)) {
      const ws = sheets.get(run.sheet);
      probeRegions(run.rect, (r) => fillOfRange(ws, r), (r, fill) => {
        for (let row = r.top; row <= r.bottom; row++) fills.set(keyOf(run.sheet, row, r.left), fill === '' ? null : fill);
      });
    }
    return (sheet, row, col) => fills.get(keyOf(sheet, row, col)) ?? null;
  }

  /** What the recorded cells hold now (value, formula, number format), read run by run. */
  private readStates(sheets: SheetCache, entries: UndoEntry[]): Map<string, CellState> {
    const out = new Map<string, CellState>();
    for (const run of columnRuns(entries)) {
      const ws: EtWorksheet = sheets.get(run.sheet);
      const range = ws.Range(rangeAddress(run.rect));
      const rows = run.rect.bottom - run.rect.top + 1;
      const values = blockRows(get(range, 'Value2'), rows, 1);
      const formulas = blockRows(get(range, 'Formula'), rows, 1);
      const formats = new Map<number, string>();
      probeRegions(run.rect, (r) => get(ws.Range(rangeAddress(r)), 'NumberFormat'), (r, format) => {
        for (let row = r.top; row <= r.bottom; row++) formats.set(row, format);
      });
      for (let i = 0; i < rows; i++) {
        const row = run.rect.top + i;
        const raw = values[i][0];
        const value: CellValue = raw === undefined || raw === null || raw === '' ? null : typeof raw === 'number' ? (cvErrText(raw) ?? raw) : raw;
        const formula = formulas[i][0];
        const state: CellState = { value, numberFormat: formats.get(row) ?? 'General' };
        if (typeof formula === 'string' && formula.startsWith('=')) state.formula = formula;
        out.set(keyOf(run.sheet, row, run.rect.left), state);
      }
    }
    return out;
  }
}

/** The new state without a number format the cell already has: one call fewer, and a protected sheet accepts it. */
function unchangedFormatDropped(state: Partial<CellState>, now: CellState): Partial<CellState> {
  if (state.numberFormat === undefined || state.numberFormat !== now.numberFormat) return state;
  const rest = { ...state };
  delete rest.numberFormat;
  return rest;
}

/** The cell still shows what the add-in wrote there. */
function holds(current: CellState | undefined, after: Partial<CellState>): boolean {
  if (!current) return false;
  if (after.formula !== undefined) return current.formula === after.formula;
  if ('value' in after) {
    if (current.formula !== undefined) return false;
    const want = after.value ?? null;
    if (typeof want === 'number' && typeof current.value === 'number') {
      if (Math.abs(want - current.value) > 1e-9) return false;
    } else if (want !== current.value) return false;
  }
  return after.numberFormat === undefined || current.numberFormat === after.numberFormat;
}

