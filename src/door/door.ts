// The assistant's workflow behind every button, on any host (./host.ts): read the forms, let the
// engine judge them, write what it plans, and keep in the workbook what is needed to undo the
// write and to remove the highlights. Each action is one session: one read for a normal form, then
// one batched write that carries the cells and the settings together.
import { analyzeWorkbook } from '../core/engine';
import { applyToSnapshot } from '../core/patch';
import { NATIONAL, type Profile } from '../core/profile';
import type { Mark, SheetReport } from '../core/report';
import type { CellPatch, CellState } from '../core/types';
import { sketchToSnapshot, type SheetSketch } from '../core/sketch';
import { DoorError } from './errors';
import type {
  CellProbe,
  CellRef,
  CellWrite,
  HostFeatures,
  HostSession,
  Scope,
  SheetRead,
  SheetRef,
  WorkbookHost,
  WorkbookRead,
} from './host';
import { planClear, planMarks, type FillLookup } from './marks';
import type { Notice } from './notices';
import { profileFromChoice } from './profile-choice';
import {
  LAST_COMMAND_KEY,
  MARKS_KEY,
  PROFILE_KEY,
  readCommandOutcome,
  readMarks,
  readProfileChoice,
  readUndo,
  UNDO_KEY,
  type CommandOutcome,
  type MarkEntry,
  type ProfileChoice,
  type UndoRecord,
} from './records';
import { entrySheet, restoreWrite, stillHolds, undoEntry } from './undo';

export interface ActionOptions {
  profile?: Profile;
  /** The active sheet (default), or every sheet that holds a form. */
  scope?: Scope;
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
  /** Cells left alone because the person changed them since (or their sheet is gone). */
  kept: number;
}

export class Door {
  /** Whether the workbook holds an undo record, as of the last time this door read its settings. */
  private undoAvailable = false;

  constructor(readonly host: WorkbookHost) {}

  get features(): HostFeatures {
    return this.host.features();
  }

  /** True when the last recompute left something to undo (as of this door's last action). */
  canUndo(): boolean {
    return this.undoAvailable;
  }

  /** The profile choice the workbook remembers (null: the national default). */
  async profileChoice(): Promise<ProfileChoice | null> {
    const settings = await this.host.session(async (s) => (await this.read(s, { settings: [PROFILE_KEY] })).settings);
    return readProfileChoice(settings[PROFILE_KEY]);
  }

  /** The profile the workbook remembers; throws when a stored custom profile no longer reads. */
  async profile(): Promise<Profile> {
    return profileFromChoice(await this.profileChoice());
  }

  /** Remember a profile in the workbook (null: back to the national default). */
  async rememberProfile(choice: ProfileChoice | null): Promise<void> {
    await this.host.session((s) => s.write({ cells: [], settings: { [PROFILE_KEY]: choice } }));
  }

  /** Keep what a ribbon command did, for the pane to show later. */
  async recordCommand(outcome: CommandOutcome): Promise<void> {
    await this.host.session((s) => s.write({ cells: [], settings: { [LAST_COMMAND_KEY]: outcome } }));
  }

  /** What a ribbon command did while the pane was closed, said once: the record is removed. */
  async takeLastCommand(): Promise<CommandOutcome | null> {
    return this.host.session(async (s) => {
      const last = readCommandOutcome((await this.read(s, { settings: [LAST_COMMAND_KEY] })).settings[LAST_COMMAND_KEY]);
      if (last) await s.write({ cells: [], settings: { [LAST_COMMAND_KEY]: null } });
      return last;
    });
  }

  /** Findings only: read and judge, nothing written (no highlights, no settings). */
  async inspect(opts: ActionOptions = {}): Promise<{ reports: SheetReport[]; notices: Notice[] }> {
    return this.host.session(async (s) => {
      const read = await this.read(s, { scope: opts.scope ?? 'active', settings: [] });
      return { reports: analyze(read.sheets, opts.profile), notices: noticesOf(read) };
    });
  }

  /** Findings and highlights; no value is changed. */
  async check(opts: ActionOptions = {}): Promise<CheckResult> {
    return this.host.session(async (s) => {
      const read = await this.read(s, { scope: opts.scope ?? 'active', settings: [MARKS_KEY] });
      const reports = analyze(read.sheets, opts.profile);
      const notices = noticesOf(read);
      const markable = new Map(
        read.sheets.filter((r) => !r.protection.protected || r.protection.formatCells).map((r) => [r.snapshot.sheet, r]),
      );
      if (markable.size < read.sheets.length) notices.push('protected-no-marks');
      const desired = reports.flatMap((rep) => rep.forms.flatMap((f) => f.marks)).filter((m) => markable.has(m.sheet));
      const stored = renamed(readMarks(read.settings[MARKS_KEY]), read.sheets);
      const lookup = await this.fillLookup(s, markable, [...desired, ...stored.filter((m) => markable.has(m.sheet))]);
      const plan = planMarks(desired, stored, lookup, new Set(markable.keys()));
      const next = plan.stored.map((m) => ({ ...m, sheetId: markable.get(m.sheet)?.ref.id ?? m.sheetId }));
      if (plan.writes.length > 0 || JSON.stringify(next) !== JSON.stringify(stored)) {
        const cells = plan.writes.map((w): CellWrite => ({
          sheet: refOf(markable, w.sheet),
          row: w.row,
          col: w.col,
          set: { fill: w.fill },
        }));
        await s.write({ cells, settings: { [MARKS_KEY]: next.length > 0 ? next : null } });
      }
      return { reports, notices, fillsChanged: plan.writes.length };
    });
  }

  /** Writes what the engine plans (values with their number formats), keeping what it replaces. */
  async recompute(opts: ActionOptions = {}): Promise<RecomputeResult> {
    return this.host.session(async (s) => {
      const read = await this.read(s, { scope: opts.scope ?? 'active', settings: [UNDO_KEY] });
      const reports = analyze(read.sheets, opts.profile);
      const notices = noticesOf(read);
      const planned = reports.flatMap((rep) => rep.forms.flatMap((f) => f.writes));
      if (planned.length === 0) return { reports, written: [], notices };
      const sheets = new Map(read.sheets.map((r) => [r.snapshot.sheet, r]));
      await this.refuseLocked(s, planned, sheets);
      const written = planned.map((p) => withinProtection(p, sheets.get(p.sheet)));
      if (written.some((p, i) => p !== planned[i] && planned[i].set.numberFormat !== (p.before.numberFormat ?? 'General')))
        notices.push('protected-values-only');
      const record: UndoRecord = { at: new Date().toISOString(), entries: written.map((p) => undoEntry(p, refOf(sheets, p.sheet))) };
      try {
        await s.write({
          cells: written.map((p) => ({ sheet: refOf(sheets, p.sheet), row: p.row, col: p.col, set: p.set })),
          settings: { [UNDO_KEY]: record },
        });
      } catch (error) {
        // A host keeps the steps of a failed batch that ran before the failure: put those cells back, in the order written.
        const back = record.entries.map(restoreWrite);
        await s.write({ cells: back, settings: { [UNDO_KEY]: read.settings[UNDO_KEY] } }).catch(() => undefined);
        throw error;
      }
      this.undoAvailable = true;
      const after = analyzeWorkbook(
        read.sheets.map((r) => applyToSnapshot(r.snapshot, written)),
        opts.profile ?? NATIONAL,
      );
      return { reports: keepForms(after), written, notices };
    });
  }

  /** 撤销本次写入: put back what the last recompute replaced, in the cells still holding what it wrote. */
  async undo(): Promise<RestoreResult> {
    return this.host.session(async (s) => {
      const record = readUndo((await this.read(s, { settings: [UNDO_KEY] })).settings[UNDO_KEY]);
      if (!record) return { restored: 0, kept: 0 };
      const probes = (await s.read({ cells: record.entries.map((e) => ({ sheet: entrySheet(e), row: e.row, col: e.col })) })).cells;
      const due = record.entries.filter((e, i) => !probes[i].missing && stillHolds(probes[i].state, e.after));
      const locked = due.find((e) => {
        const p = probes[record.entries.indexOf(e)];
        return p.protection.protected && (p.locked !== false || (e.after.numberFormat !== undefined && !p.protection.formatCells));
      });
      if (locked) throw new DoorError('protected', locked.sheet);
      await s.write({ cells: due.map(restoreWrite), settings: { [UNDO_KEY]: null } });
      this.undoAvailable = false;
      return { restored: due.length, kept: record.entries.length - due.length };
    });
  }

  /** 清除标记: remove the add-in's highlights, giving back the fills they covered. */
  async clearMarks(): Promise<RestoreResult> {
    return this.host.session(async (s) => {
      const stored = readMarks((await this.read(s, { settings: [MARKS_KEY] })).settings[MARKS_KEY]);
      if (stored.length === 0) return { restored: 0, kept: 0 };
      const probes = (await s.read({ cells: stored.map(markRef) })).cells;
      const refused = stored.find((_m, i) => probes[i].protection.protected && !probes[i].protection.formatCells);
      if (refused) throw new DoorError('protected', refused.sheet);
      const plan = planClear(stored, indexLookup(stored, probes));
      const refs = new Map(stored.map((m) => [cellKey(m.sheet, m.row, m.col), markRef(m)]));
      const cells = plan.writes.map((w): CellWrite => ({
        ...(refs.get(cellKey(w.sheet, w.row, w.col)) as CellRef),
        set: { fill: w.fill },
      }));
      await s.write({ cells, settings: { [MARKS_KEY]: null } });
      return { restored: plan.writes.length, kept: plan.kept };
    });
  }

  /** Show a cell: its sheet is activated first. */
  select(sheet: string, cell: string): Promise<void> {
    return this.host.select(sheet, cell);
  }

  /** 插入空白表: a new sheet holding the sketch; returns its name. */
  insertSheet(sketch: SheetSketch): Promise<string> {
    return this.host.insertSheet({
      name: sketch.name,
      snapshot: sketchToSnapshot(sketch),
      widths: sketch.widths ?? {},
      looks: sketch.looks ?? [],
    });
  }

  /** Call `onEdit` with the address when the person changes a cell; false when this host cannot tell. */
  watch(onEdit: (address: string) => void): Promise<boolean> {
    return this.host.watch(onEdit);
  }

  /** A read that also learns whether an undo record is there (for canUndo). */
  private async read(s: HostSession, request: { scope?: Scope; settings: string[] }): Promise<WorkbookRead> {
    const settings = request.settings.includes(UNDO_KEY) ? request.settings : [...request.settings, UNDO_KEY];
    const read = await s.read({ ...request, settings });
    this.undoAvailable = readUndo(read.settings[UNDO_KEY]) !== null;
    return read;
  }

  /** Refuse before anything is written when a cell to write is locked on a protected sheet. */
  private async refuseLocked(s: HostSession, patches: CellPatch[], sheets: Map<string, SheetRead>): Promise<void> {
    const guarded = patches.filter((p) => sheets.get(p.sheet)?.protection.protected);
    if (guarded.length === 0) return;
    const probes = (await s.read({ cells: guarded.map((p) => ({ sheet: refOf(sheets, p.sheet), row: p.row, col: p.col })) })).cells;
    const locked = guarded.find((_p, i) => probes[i].locked !== false);
    if (locked) throw new DoorError('protected', locked.sheet);
  }

  /** Current fills: from the read where it carried them, the others probed in one more read. */
  private async fillLookup(
    s: HostSession,
    sheets: Map<string, SheetRead>,
    cells: Pick<Mark, 'sheet' | 'row' | 'col'>[],
  ): Promise<FillLookup> {
    const known = (sheet: string, row: number): boolean => {
      const rows = sheets.get(sheet)?.fillRows;
      return rows !== null && rows !== undefined && row >= rows.top && row <= rows.bottom;
    };
    const probed = new Map<string, string | null>();
    const refs: CellRef[] = [];
    for (const c of cells) {
      const key = cellKey(c.sheet, c.row, c.col);
      if (known(c.sheet, c.row) || probed.has(key)) continue;
      probed.set(key, null);
      refs.push({ sheet: refOf(sheets, c.sheet), row: c.row, col: c.col });
    }
    if (refs.length > 0) {
      const probes = (await s.read({ cells: refs })).cells;
      refs.forEach((r, i) => probed.set(cellKey(r.sheet.name, r.row, r.col), probes[i].state.fill ?? null));
    }
    return (sheet, row, col) => {
      const key = cellKey(sheet, row, col);
      if (probed.has(key)) return probed.get(key) ?? null;
      const snap = sheets.get(sheet)?.snapshot;
      return snap?.cells[row - snap.top]?.[col - snap.left]?.fill ?? null;
    };
  }
}

function analyze(reads: SheetRead[], profile: Profile = NATIONAL): SheetReport[] {
  return keepForms(
    analyzeWorkbook(
      reads.map((r) => r.snapshot),
      profile,
    ),
  );
}

/** The sheets the pane lists: those with a form or with something to say (analyzeWorkbook decides what). */
export function keepForms(reports: SheetReport[]): SheetReport[] {
  return reports.filter((r) => r.forms.length > 0 || r.findings.length > 0);
}

function noticesOf(read: WorkbookRead): Notice[] {
  const out = [...read.notices];
  if (read.sheets.some((r) => r.truncated) && !out.includes('partial-read')) out.push('partial-read');
  return out;
}

function refOf(sheets: Map<string, SheetRead>, name: string): SheetRef {
  return sheets.get(name)?.ref ?? { id: name, name };
}

function cellKey(sheet: string, row: number, col: number): string {
  return `${sheet}\u0000${row}\u0000${col}`;
}

/** Records made before a sheet was renamed name it by its old name: follow its id. */
function renamed(marks: MarkEntry[], sheets: SheetRead[]): MarkEntry[] {
  return marks.map((m) => {
    const now = sheets.find((r) => m.sheetId !== undefined && r.ref.id === m.sheetId);
    return now && now.ref.name !== m.sheet ? { ...m, sheet: now.ref.name } : m;
  });
}

function markRef(m: MarkEntry): CellRef {
  return { sheet: entrySheet(m), row: m.row, col: m.col };
}

function indexLookup(marks: MarkEntry[], probes: CellProbe[]): FillLookup {
  const fills = new Map(
    marks.map((m, i) => [cellKey(m.sheet, m.row, m.col), probes[i].missing ? undefined : (probes[i].state.fill ?? null)]),
  );
  return (sheet, row, col) => fills.get(cellKey(sheet, row, col)) ?? null;
}

/** On a protected sheet that allows no formatting, the values go in without their number formats. */
function withinProtection(p: CellPatch, read: SheetRead | undefined): CellPatch {
  if (!read?.protection.protected || read.protection.formatCells || p.set.numberFormat === undefined) return p;
  const set: Partial<CellState> = { ...p.set };
  delete set.numberFormat;
  return { ...p, set };
}
