// What a spreadsheet host gives the assistant's workflow (./door.ts): Excel through Office.js
// (src/excel), WPS 表格 through its own object model, or an in-memory workbook. Plain data only,
// no host types: each action opens one session, reads once (a normal form takes one round trip)
// and writes once, in a batch the host groups into as few calls as it can.
import type { SketchLook } from '../core/sketch';
import type { CellState, Snapshot } from '../core/types';
import type { Notice } from './notices';

export type Scope = 'active' | 'all';

/** A sheet as the workflow keeps it in its records: the host's stable id, and the name it had. */
export interface SheetRef {
  /** Survives a rename (Excel: Worksheet.id). A host without ids uses the name. */
  id: string;
  name: string;
}

/** A cell on a sheet, 1-based. */
export interface CellRef {
  sheet: SheetRef;
  row: number;
  col: number;
}

export interface SheetProtection {
  protected: boolean;
  /** Formats (number formats, fills) may be changed although the sheet is protected. */
  formatCells: boolean;
}

export interface SheetRead {
  ref: SheetRef;
  snapshot: Snapshot;
  protection: SheetProtection;
  /** The used range went beyond what the host reads (the read window): the pane says so. */
  truncated: boolean;
  /** Fills in `snapshot` are known for these rows (inclusive); other fills must be probed. */
  fillRows: { top: number; bottom: number } | null;
}

/** One cell as it is now, for undo and for removing highlights. */
export interface CellProbe {
  /** The sheet no longer exists. */
  missing: boolean;
  /** Value, formula, number format and fill (fill null: none). */
  state: CellState;
  /** Locked (the default in Excel); null when the host cannot tell. */
  locked: boolean | null;
  protection: SheetProtection;
}

export interface ReadRequest {
  /** Read these sheets whole (up to the read window) as snapshots. */
  scope?: Scope;
  /** Probe these cells. */
  cells?: CellRef[];
  /** Read these settings (values stored in the workbook for this add-in). */
  settings?: string[];
}

export interface WorkbookRead {
  sheets: SheetRead[];
  /** In the order of `ReadRequest.cells`. */
  cells: CellProbe[];
  /** Each requested key; null when absent. */
  settings: Record<string, unknown>;
  /** What this host could not do for this read (no merges, no fills, …). */
  notices: Notice[];
}

/** One cell's new state: only the fields present change (`fill: null` removes the fill). */
export interface CellWrite extends CellRef {
  set: Partial<CellState>;
}

export interface WriteBatch {
  cells: CellWrite[];
  /** Settings to store (null removes the key); stored before the cells are written. */
  settings?: Record<string, unknown>;
}

export interface HostSession {
  read(request: ReadRequest): Promise<WorkbookRead>;
  /** Writes the batch; a failure leaves what the host applied before it (the caller rolls back). */
  write(batch: WriteBatch): Promise<void>;
}

/** What this host can do, for the pane to offer or explain. */
export interface HostFeatures {
  /** 输入时自动检查: the host reports the person's edits. */
  watchEdits: boolean;
  /** 插入空白表: the host can add a sheet with merges and column widths. */
  insertSheet: boolean;
}

export interface NewSheet {
  /** The name wanted; the host appends " (2)", " (3)" … when it is taken. */
  name: string;
  snapshot: Snapshot;
  /** Column widths in characters, by column letters. */
  widths: Record<string, number>;
  /** Borders, alignment and bold, block by block (a few calls each, never one per cell). */
  looks: SketchLook[];
}

export interface WorkbookHost {
  /** Office's display language, e.g. "zh-CN". */
  readonly displayLanguage: string;
  /** Where it runs, as Office.context.platform says ("PC", "OfficeOnline", "Mac", "iOS"), or null when unknown. */
  readonly platform: string | null;
  /** Asked when first needed: some hosts know it only once they are ready. */
  features(): HostFeatures;
  /** Runs one action. The host may wait while the person is typing in a cell. */
  session<T>(work: (session: HostSession) => Promise<T>): Promise<T>;
  /** Activates the sheet and selects the cell. */
  select(sheet: string, cell: string): Promise<void>;
  /** Adds a sheet holding the snapshot's cells, merges, widths and looks; returns the name it got. */
  insertSheet(sheet: NewSheet): Promise<string>;
  /** Calls `onEdit` with the address ("B5", "B5:C9") when the person changes cells (never for the add-in's own writes); false when the host cannot. */
  watch(onEdit: (address: string) => void): Promise<boolean>;
}
