// Worksheets of the in-memory Excel: found by name or id, protected or not, with their used range
// and the collection-wide change event.
import type {
  EventHandlersLike,
  RangeLike,
  SelectableAreasLike,
  WorksheetChangedLike,
  WorksheetCollectionLike,
  WorksheetLike,
  WorksheetProtectionLike,
} from '../host';
import { MemoryOfficeError, MemoryProxy, type MemoryContext } from './context';
import { MemoryRange } from './range';
import { MAX_COL, MAX_ROW, rangeText } from '../../core/address';
import type { CellRange } from '../../core/types';
import { parseRangeText } from './targets';
import type { MemorySheet } from './workbook';

function notFound(): MemoryOfficeError {
  return new MemoryOfficeError('ItemNotFound', "The requested resource doesn't exist.");
}

class MemoryProtection extends MemoryProxy implements WorksheetProtectionLike {
  constructor(
    ctx: MemoryContext,
    private readonly sheet: () => MemorySheet,
  ) {
    super(ctx);
    this.queueResolve(() => undefined);
  }

  get protected(): boolean {
    return this.read('protected');
  }
  get options(): { readonly allowFormatCells?: boolean } {
    return this.read('options');
  }

  load(propertyNames?: string | string[]): unknown {
    this.ctx.requireApi('1.2', 'WorksheetProtection');
    this.queueLoad(propertyNames);
    return this;
  }

  protected scalarNames(): string[] {
    return ['protected', 'options'];
  }

  protected fetch(name: string): unknown {
    const sheet = this.sheet();
    if (name === 'protected') return sheet.protected;
    if (name === 'options') return { allowFormatCells: sheet.allowFormatCells };
    throw new MemoryOfficeError('InvalidArgument', `unknown property ${name}`);
  }
}

export class MemoryWorksheet extends MemoryProxy implements WorksheetLike {
  private target: MemorySheet | null = null;
  private protectionProxy: MemoryProtection | null = null;

  constructor(ctx: MemoryContext, resolve: () => MemorySheet | null) {
    super(ctx);
    this.queueResolve(() => {
      this.target = resolve();
    });
  }

  get protection(): WorksheetProtectionLike {
    this.protectionProxy ??= new MemoryProtection(this.ctx, () => this.need());
    return this.protectionProxy;
  }

  protected override isNull(): boolean {
    return this.target === null;
  }

  need(): MemorySheet {
    if (!this.target) throw notFound();
    return this.target;
  }

  get id(): string {
    return this.read('id');
  }
  get name(): string {
    return this.read('name');
  }

  load(propertyNames?: string | string[]): WorksheetLike {
    this.queueLoad(propertyNames);
    return this;
  }

  protected override loadChild(child: string, rest: string[]): void {
    if (child === 'protection') this.protection.load(rest);
    else super.loadChild(child, rest);
  }

  protected scalarNames(): string[] {
    return ['id', 'name'];
  }

  protected fetch(name: string): unknown {
    const sheet = this.need();
    if (name === 'name') return sheet.name;
    if (name === 'id') return sheet.id;
    throw new MemoryOfficeError('InvalidArgument', `unknown property ${name}`);
  }

  getRange(address?: string): RangeLike {
    return new MemoryRange(this.ctx, () => {
      const sheet = this.need();
      const range = address === undefined ? { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COL } : parseRangeText(address);
      if (!range) throw new MemoryOfficeError('InvalidArgument', `bad address ${address}`);
      return { sheet, range };
    });
  }

  getRanges(address: string): SelectableAreasLike {
    this.ctx.requireApi('1.9', 'Worksheet.getRanges');
    const parts = address.split(',').map((part) => part.trim());
    return {
      select: () =>
        this.ctx.push(() => {
          const sheet = this.need();
          const ranges = parts.map((part) => parseRangeText(part));
          if (ranges.some((r) => r === null)) throw new MemoryOfficeError('InvalidArgument', `bad address ${address}`);
          if (this.ctx.book.activeSheet !== sheet.name)
            throw new MemoryOfficeError('InvalidOperation', 'The range is not on the active sheet.');
          this.ctx.book.selectedAddress = `${sheet.name}!${ranges.map((r) => rangeText(r as CellRange)).join(',')}`;
          this.ctx.noteStateChange();
        }),
    };
  }

  getUsedRange(valuesOnly?: boolean): RangeLike {
    if (valuesOnly !== undefined) this.ctx.requireApi('1.2', 'Worksheet.getUsedRange(valuesOnly)');
    return new MemoryRange(this.ctx, () => {
      const sheet = this.need();
      return { sheet, range: sheet.usedRange(valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike {
    this.ctx.requireApi('1.4', 'Worksheet.getUsedRangeOrNullObject');
    return new MemoryRange(this.ctx, () => {
      const sheet = this.need();
      const range = sheet.usedRange(valuesOnly);
      return range ? { sheet, range } : null;
    });
  }

  activate(): void {
    this.ctx.push(() => {
      this.ctx.book.activeSheet = this.need().name;
      this.ctx.noteStateChange();
    });
  }
}

export class MemoryWorksheets extends MemoryProxy implements WorksheetCollectionLike {
  private readonly itemsList: MemoryWorksheet[] = [];
  readonly onChanged: EventHandlersLike<WorksheetChangedLike>;

  constructor(ctx: MemoryContext) {
    super(ctx);
    this.queueResolve(() => undefined);
    this.onChanged = {
      add: (handler) => {
        ctx.requireApi('1.9', 'WorksheetCollection.onChanged');
        const withSource = ctx.has('1.14');
        let unsubscribe: (() => void) | null = null;
        ctx.push(() => {
          unsubscribe = ctx.book.subscribeChanges((change) => {
            void handler({
              worksheetId: ctx.book.sheet(change.sheet).id,
              address: change.address,
              ...(withSource ? { triggerSource: change.triggerSource } : {}),
            });
          });
        });
        return { remove: () => unsubscribe?.() };
      },
    };
  }

  get items(): WorksheetLike[] {
    return this.read('items');
  }

  load(propertyNames?: string | string[]): WorksheetCollectionLike {
    this.queueLoad(propertyNames);
    return this;
  }

  protected override loadChild(child: string, rest: string[]): void {
    if (child !== 'items') return super.loadChild(child, rest);
    this.ctx.push(() => this.makeItems(rest));
    this.queueLoad('items');
  }

  protected scalarNames(): string[] {
    return ['items'];
  }

  protected fetch(name: string): unknown {
    if (name === 'items') {
      if (this.itemsList.length === 0) this.makeItems();
      return [...this.itemsList];
    }
    throw new MemoryOfficeError('InvalidArgument', `unknown property ${name}`);
  }

  private makeItems(fields?: string[]): void {
    this.itemsList.length = 0;
    for (const sheet of this.ctx.book.sheets) {
      this.itemsList.push(
        this.ctx.runNow(() => {
          const item = new MemoryWorksheet(this.ctx, () => sheet);
          if (fields) item.load(fields);
          return item;
        }),
      );
    }
  }

  getActiveWorksheet(): WorksheetLike {
    return new MemoryWorksheet(this.ctx, () => this.ctx.book.sheet(this.ctx.book.activeSheet));
  }

  getItem(key: string): WorksheetLike {
    return new MemoryWorksheet(this.ctx, () => {
      const sheet = this.ctx.book.findSheet(key);
      if (!sheet) throw notFound();
      return sheet;
    });
  }

  getItemOrNullObject(key: string): WorksheetLike {
    this.ctx.requireApi('1.4', 'WorksheetCollection.getItemOrNullObject');
    return new MemoryWorksheet(this.ctx, () => this.ctx.book.findSheet(key) ?? null);
  }

  add(name?: string): WorksheetLike {
    return new MemoryWorksheet(this.ctx, () => {
      const book = this.ctx.book;
      let chosen = name;
      for (let i = 1; !chosen; i++) if (!book.findSheet(`Sheet${i}`)) chosen = `Sheet${i}`;
      if (book.findSheet(chosen))
        throw new MemoryOfficeError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
      const sheet = book.addSheet(chosen);
      this.ctx.noteStateChange();
      return sheet;
    });
  }
}
