// What the add-in keeps in the workbook's settings for itself: the last write (for 撤销本次写入),
// its own highlights (for 清除标记), the profile in use and what a ribbon command last did.
// Settings travel inside the file, are invisible to the person and to the form reader, and add no
// sheet that could be edited, printed or counted as a form; a form needs a few kilobytes of them.
// Records name sheets by the host's id as well as by name, so that they survive a rename.
import type { MarkKind } from '../core/report';
import type { CellState } from '../core/types';

export const UNDO_KEY = 'jixiao.undo';
export const MARKS_KEY = 'jixiao.marks';
export const PROFILE_KEY = 'jixiao.profile';
export const LAST_COMMAND_KEY = 'jixiao.lastCommand';

export interface UndoEntry {
  /** The sheet's name at the time of the write. */
  sheet: string;
  /** The host's id of the sheet (absent in records of older versions). */
  sheetId?: string;
  cell: string;
  row: number;
  col: number;
  before: CellState;
  /** What the add-in wrote: a cell that no longer holds it was edited since and is left alone. */
  after: Partial<CellState>;
}

export interface UndoRecord {
  /** ISO time of the write. */
  at: string;
  entries: UndoEntry[];
}

export interface MarkEntry {
  sheet: string;
  sheetId?: string;
  cell: string;
  row: number;
  col: number;
  kind: MarkKind;
  /** The colour the add-in put there. */
  color: string;
  /** The person's own fill before the mark, or null for none. */
  before: string | null;
}

export type ProfileChoice = { kind: 'builtin'; name: string } | { kind: 'custom'; source: string; json: string };

export type CommandId = 'recompute' | 'check';

/** What a ribbon command did, kept for the pane to show the next time it opens. */
export interface CommandOutcome {
  command: CommandId;
  at: string;
  /** Cells written (recompute) or fills changed (check). */
  changed: number;
  errors: number;
  /** The DoorError kind and detail when the command failed. */
  failure?: { kind: string; detail: string };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCell(v: unknown): v is Record<string, unknown> & { sheet: string; cell: string; row: number; col: number } {
  return isObject(v) && typeof v.sheet === 'string' && typeof v.cell === 'string' && typeof v.row === 'number' && typeof v.col === 'number';
}

export function readUndo(v: unknown): UndoRecord | null {
  if (!isObject(v) || !Array.isArray(v.entries)) return null;
  const entries = v.entries.filter((e): e is UndoEntry => isCell(e) && isObject(e.before) && isObject(e.after));
  return entries.length > 0 ? { at: typeof v.at === 'string' ? v.at : '', entries } : null;
}

export function readMarks(v: unknown): MarkEntry[] {
  return Array.isArray(v) ? v.filter((e): e is MarkEntry => isCell(e) && typeof e.color === 'string') : [];
}

export function readProfileChoice(v: unknown): ProfileChoice | null {
  if (!isObject(v)) return null;
  if (v.kind === 'builtin' && typeof v.name === 'string') return { kind: 'builtin', name: v.name };
  if (v.kind === 'custom' && typeof v.json === 'string' && typeof v.source === 'string')
    return { kind: 'custom', source: v.source, json: v.json };
  return null;
}

export function readCommandOutcome(v: unknown): CommandOutcome | null {
  if (!isObject(v) || (v.command !== 'recompute' && v.command !== 'check') || typeof v.changed !== 'number') return null;
  return v as unknown as CommandOutcome;
}
