// The add-in's settings in the workbook. From ExcelApi 1.4 through workbook.settings: one key at a
// time, inside the action's own batch, so the pane and a ribbon command (separate runtimes) never
// overwrite each other's keys. Before 1.4 through Office.context.document.settings, whose
// saveAsync writes this runtime's whole copy: refreshed before every write and checked after it,
// so a key the other runtime saved meanwhile is kept.
import { DoorError } from '../door/errors';
import type { RequestContextLike, SettingLike, SettingsLike } from './host';

export interface SettingsAccess {
  /** Whatever must happen before `queueRead` (fetching what another runtime saved). */
  prepare(): Promise<void>;
  /** Queue reading `keys`; the function returned gives their values (null: absent) after the next sync. */
  queueRead(ctx: RequestContextLike, keys: string[]): () => Record<string, unknown>;
  /** Store `changes` (null removes a key): queued for the next sync, or saved before it. */
  write(ctx: RequestContextLike, changes: Record<string, unknown>): Promise<void>;
  /** True when reads and writes travel in the batch (and need its sync). */
  readonly inBatch: boolean;
}

/** ExcelApi 1.4: workbook.settings. */
export class WorkbookSettings implements SettingsAccess {
  readonly inBatch = true;
  /** What this session has read: keys known to be absent need no removal. */
  private readonly seen = new Map<string, boolean>();

  async prepare(): Promise<void> {}

  queueRead(ctx: RequestContextLike, keys: string[]): () => Record<string, unknown> {
    const items = keys.map((key) => ctx.workbook.settings.getItemOrNullObject(key).load('value'));
    return () => {
      const out: Record<string, unknown> = {};
      keys.forEach((key, i) => {
        out[key] = valueOf(items[i]);
        this.seen.set(key, out[key] !== null);
      });
      return out;
    };
  }

  async write(ctx: RequestContextLike, changes: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== null) ctx.workbook.settings.add(key, value);
      // A key this session saw absent needs nothing; one it saw present is deleted; one it never read is set to null, which reads as absent.
      else if (this.seen.get(key) === true) ctx.workbook.settings.getItemOrNullObject(key).delete();
      else if (!this.seen.has(key)) ctx.workbook.settings.add(key, null);
      this.seen.set(key, value !== null);
    }
  }
}

function valueOf(item: SettingLike): unknown {
  return item.isNullObject || item.value === undefined ? null : item.value;
}

const SAVE_ATTEMPTS = 3;

/** Work on one runtime's copy, one at a time: a refresh in the middle of another write would drop what that write set. */
const turns = new WeakMap<SettingsLike, Promise<unknown>>();

function inTurn<T>(settings: SettingsLike, work: () => Promise<T>): Promise<T> {
  const before = turns.get(settings) ?? Promise.resolve();
  const mine = before.then(work, work);
  turns.set(
    settings,
    mine.catch(() => undefined),
  );
  return mine;
}

/** Before ExcelApi 1.4: Office.context.document.settings, refreshed before each read and write. */
export class DocumentSettings implements SettingsAccess {
  readonly inBatch = false;

  constructor(private readonly settings: SettingsLike) {}

  prepare(): Promise<void> {
    return inTurn(this.settings, () => refresh(this.settings));
  }

  queueRead(_ctx: RequestContextLike, keys: string[]): () => Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of keys) out[key] = this.settings.get(key) ?? null;
    return () => out;
  }

  write(_ctx: RequestContextLike, changes: Record<string, unknown>): Promise<void> {
    return inTurn(this.settings, () => this.save(changes));
  }

  private async save(changes: Record<string, unknown>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await refresh(this.settings);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) this.settings.remove(key);
        else this.settings.set(key, value);
      }
      await save(this.settings);
      // saveAsync wrote this runtime's whole copy; another runtime saving at the same moment may have overwritten ours.
      await refresh(this.settings);
      const kept = Object.entries(changes).every(
        ([key, value]) => JSON.stringify(this.settings.get(key) ?? null) === JSON.stringify(value),
      );
      if (kept) return;
      if (attempt === SAVE_ATTEMPTS) throw new DoorError('api', 'settings were overwritten by another part of the add-in');
    }
  }
}

function save(settings: SettingsLike): Promise<void> {
  return new Promise((resolve, reject) =>
    settings.saveAsync({}, (result) => {
      if (result.status === 'failed') reject(new DoorError('api', result.error?.message ?? 'settings not saved'));
      else resolve();
    }),
  );
}

/** Read what another runtime saved since this one loaded; a host that cannot refresh keeps its own copy. */
function refresh(settings: SettingsLike): Promise<void> {
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
