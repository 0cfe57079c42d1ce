// The add-in's settings in the in-memory workbook, both ways Office offers them: workbook.settings
// (ExcelApi 1.4, one key at a time, applied at sync) and Office.context.document.settings (a copy
// in each runtime, saved whole by saveAsync, read again by refreshAsync). Both share the workbook's
// store, as they would in one document [assumed; the documentation does not say].
import type { AsyncResultLike, SettingCollectionLike, SettingLike, SettingsLike } from '../host';
import { MemoryOfficeError, MemoryProxy, type MemoryContext } from './context';
import type { MemoryWorkbook } from './workbook';

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

class MemorySetting extends MemoryProxy implements SettingLike {
  private found = false;

  constructor(
    ctx: MemoryContext,
    private readonly key: string,
  ) {
    super(ctx);
    this.queueResolve(() => {
      this.found = key in ctx.book.settings;
    });
  }

  protected override isNull(): boolean {
    return !this.found;
  }

  get value(): unknown {
    return this.read('value');
  }

  load(propertyNames?: string | string[]): SettingLike {
    this.queueLoad(propertyNames);
    return this;
  }

  delete(): void {
    this.ctx.push(() => {
      if (!this.found) throw new MemoryOfficeError('InvalidOperation', 'The setting is a null object.');
      delete this.ctx.book.settings[this.key];
    });
  }

  protected scalarNames(): string[] {
    return ['key', 'value'];
  }

  protected fetch(name: string): unknown {
    if (name === 'key') return this.key;
    if (name === 'value') return clone(this.ctx.book.settings[this.key]);
    throw new MemoryOfficeError('InvalidArgument', `unknown property ${name}`);
  }
}

/** workbook.settings. */
export class MemorySettingCollection implements SettingCollectionLike {
  constructor(private readonly ctx: MemoryContext) {}

  add(key: string, value: unknown): unknown {
    this.ctx.requireApi('1.4', 'SettingCollection.add');
    this.ctx.push(
      () => {
        this.ctx.book.settings[key] = clone(value);
      },
      { key, value },
    );
    return undefined;
  }

  getItemOrNullObject(key: string): SettingLike {
    this.ctx.requireApi('1.4', 'SettingCollection.getItemOrNullObject');
    return new MemorySetting(this.ctx, key);
  }
}

/** Office.context.document.settings: this runtime's copy, saved into the workbook by saveAsync. */
export class MemoryDocumentSettings implements SettingsLike {
  private values: Record<string, unknown>;

  constructor(private readonly book: MemoryWorkbook) {
    this.values = clone(book.settings);
  }

  get(name: string): unknown {
    return this.values[name] === undefined ? null : clone(this.values[name]);
  }
  set(name: string, value: unknown): void {
    this.values[name] = clone(value);
  }
  remove(name: string): void {
    delete this.values[name];
  }
  saveAsync(_options: { overwriteIfStale?: boolean }, callback?: (result: AsyncResultLike) => void): void {
    // The whole copy replaces what the workbook holds, whatever another runtime saved since.
    const copy = clone(this.values);
    setTimeout(() => {
      for (const key of Object.keys(this.book.settings)) delete this.book.settings[key];
      Object.assign(this.book.settings, copy);
      callback?.({ status: 'succeeded' });
    }, 0);
  }
  refreshAsync(callback?: (result: AsyncResultLike) => void): void {
    setTimeout(() => {
      this.values = clone(this.book.settings);
      callback?.({ status: 'succeeded' });
    }, 0);
  }
}
