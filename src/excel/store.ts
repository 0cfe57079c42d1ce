// What the add-in keeps in the workbook, in Office.context.document.settings: the last write (for
// 撤销本次写入), its own highlights (for 清除标记) and the profile in use. Settings travel inside
// the file, are invisible to the person and to the form reader, and add no sheet that could be
// edited, printed or counted as a form; a self-evaluation form needs only a few kilobytes of them.
import type { MarkKind } from '../core/report';
import type { CellState } from '../core/types';
import { DoorError } from './errors';
import type { SettingsLike } from './host';

export const UNDO_KEY = 'jixiao.undo';
export const MARKS_KEY = 'jixiao.marks';
export const PROFILE_KEY = 'jixiao.profile';

export interface UndoEntry {
  sheet: string;
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

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readUndo(settings: SettingsLike): UndoRecord | null {
  const v = settings.get(UNDO_KEY);
  if (!isObject(v) || !Array.isArray(v.entries) || v.entries.length === 0) return null;
  return v as unknown as UndoRecord;
}

export function readMarks(settings: SettingsLike): MarkEntry[] {
  const v = settings.get(MARKS_KEY);
  return Array.isArray(v) ? (v.filter(isObject) as unknown as MarkEntry[]) : [];
}

export function readProfileChoice(settings: SettingsLike): ProfileChoice | null {
  const v = settings.get(PROFILE_KEY);
  if (!isObject(v)) return null;
  if (v.kind === 'builtin' && typeof v.name === 'string') return { kind: 'builtin', name: v.name };
  if (v.kind === 'custom' && typeof v.json === 'string' && typeof v.source === 'string') return { kind: 'custom', source: v.source, json: v.json };
  return null;
}

/** Set or remove a key (null removes). Call saveSettings afterwards. */
export function put(settings: SettingsLike, key: string, value: unknown): void {
  if (value === null) settings.remove(key);
  else settings.set(key, value);
}

export function saveSettings(settings: SettingsLike): Promise<void> {
  return new Promise((resolve, reject) =>
    settings.saveAsync({}, (result) => {
      if (result.status === 'failed') reject(new DoorError('api', result.error?.message ?? 'settings not saved'));
      else resolve();
    }),
  );
}

/**
 * Read what another runtime (the ribbon commands, the pane) saved since this one loaded. A host
 * that cannot refresh keeps its own copy, which is still the workbook's as this runtime left it.
 */
export function refreshSettings(settings: SettingsLike): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 2000);
    try {
      settings.refreshAsync(() => {
        clearTimeout(timer);
        resolve();
      });
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}
