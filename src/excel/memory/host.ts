// An in-memory Excel behind the Office.js surface the door uses (../host.ts). It behaves like the
// real one where the add-in could go wrong: properties throw until load() + sync(); operations are
// queued and applied in order at sync() (a failing one stops the batch, earlier ones stay applied,
// as in Excel); a merge's value lives in its top-left cell; calls above the host's ExcelApi version
// fail the batch with ApiNotFound; protected sheets refuse writes; cell edit mode fails a batch
// unless it asked to be delayed; sync() calls are counted on the workbook.
import type { CellRange } from '../../core/types';
import { a1, columnNumber, MAX_COL, MAX_ROW, parseRange, quoteSheet, rangeText } from '../../core/address';
import type {
  AsyncResultLike,
  CellPropertiesLike,
  CellPropertiesLoadLike,
  ClientResultLike,
  CommandEventLike,
  EventHandlersLike,
  ExcelSurface,
  OfficeSurface,
  RangeAreasLike,
  RangeFillLike,
  RangeFormatLike,
  RangeLike,
  RequestContextLike,
  RunOptionsLike,
  ScalarValue,
  SettingsLike,
  WorksheetChangedLike,
  WorksheetCollectionLike,
  WorksheetLike,
} from '../host';
import { isErrorText, type MemoryCell, type MemoryChange, type MemorySheet, type MemoryWorkbook } from './workbook';

/** Shaped like OfficeExtension.Error: `code` is what callers test. */
export class MemoryOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}

function versionAtLeast(have: string, want: string): boolean {
  const h = have.split('.').map(Number);
  const w = want.split('.').map(Number);
  for (let i = 0; i < Math.max(h.length, w.length); i++) {
    const d = (h[i] ?? 0) - (w[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

function parseRangeText(text: string): CellRange | null {
  const local = text.includes('!') ? text.slice(text.lastIndexOf('!') + 1) : text;
  const whole = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(local);
  if (whole) {
    const p = columnNumber(whole[1]);
    const q = columnNumber(whole[2]);
    return p && q ? { top: 1, left: Math.min(p, q), bottom: MAX_ROW, right: Math.max(p, q) } : null;
  }
  return parseRange(local);
}

interface Target {
  sheet: MemorySheet;
  range: CellRange;
}

class MemoryContext implements RequestContextLike {
  readonly queue: (() => void)[] = [];
  readonly workbook: RequestContextLike['workbook'];
  private changes: MemoryChange[] = [];
  private stateChanged = false;

  constructor(
    readonly book: MemoryWorkbook,
    readonly apiVersion: string,
    private readonly delayForCellEdit: boolean,
  ) {
    this.workbook = {
      worksheets: new MemoryWorksheets(this),
      application: {
        suspendApiCalculationUntilNextSync: () => this.requireApi('1.6', 'Application.suspendApiCalculationUntilNextSync'),
      },
    };
  }

  /** Queue a step that fails the batch when the host is older than `version`. */
  requireApi(version: string, what: string): void {
    if (versionAtLeast(this.apiVersion, version)) return;
    this.queue.push(() => {
      throw new MemoryOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}; this Excel has ${this.apiVersion}.`);
    });
  }

  /** Inside a sync: make and load proxies, running their queued steps at once. */
  runNow<T>(make: () => T): T {
    const later = this.queue.splice(0);
    const made = make();
    const now = this.queue.splice(0);
    this.queue.push(...later);
    for (const step of now) step();
    return made;
  }

  noteCellWrite(sheet: string, row: number, col: number): void {
    this.changes.push({ sheet, address: a1(row, col), triggerSource: 'ThisLocalAddin' });
  }

  noteStateChange(): void {
    this.stateChanged = true;
  }

  async sync(): Promise<unknown> {
    await Promise.resolve();
    this.book.syncCount++;
    if (this.book.cellEditMode) {
      if (!this.delayForCellEdit) {
        this.queue.length = 0;
        throw new MemoryOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
      }
      await this.book.cellEditDone();
    }
    const steps = this.queue.splice(0);
    try {
      for (const step of steps) step();
    } finally {
      const changes = this.changes;
      this.changes = [];
      if (changes.length > 0) this.book.emitChanges(changes);
      else if (this.stateChanged) this.book.emitStateChange();
      this.stateChanged = false;
    }
    return undefined;
  }
}

/** A proxy object: loaded properties are readable only after the sync that loaded them. */
abstract class MemoryProxy {
  private readonly loaded = new Map<string, unknown>();
  private resolved = false;

  constructor(protected readonly ctx: MemoryContext) {}

  /** Queue the step that resolves this object (runs in order with the other queued steps). */
  protected queueResolve(resolve: () => void): void {
    this.ctx.queue.push(() => {
      resolve();
      this.resolved = true;
    });
  }

  get isNullObject(): boolean {
    if (!this.resolved) throw notLoaded('isNullObject');
    return this.isNull();
  }

  protected isNull(): boolean {
    return false;
  }

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** Queue loading of properties; "a/b/c" paths load through child objects. */
  protected queueLoad(propertyNames?: string | string[]): void {
    const names = propertyNames === undefined ? this.scalarNames() : typeof propertyNames === 'string' ? propertyNames.split(',') : propertyNames;
    for (const raw of names) {
      const name = raw.trim();
      const slash = name.indexOf('/');
      if (slash >= 0) {
        this.loadChild(name.slice(0, slash), name.slice(slash + 1));
        continue;
      }
      this.ctx.queue.push(() => {
        this.loaded.set(name, this.isNull() ? null : this.fetch(name));
      });
    }
  }

  protected loadChild(child: string, rest: string): void {
    throw new MemoryOfficeError('InvalidArgument', `cannot load ${child}/${rest}`);
  }

  protected abstract scalarNames(): string[];
  protected abstract fetch(name: string): unknown;
}

function notLoaded(name: string): MemoryOfficeError {
  return new MemoryOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

class MemoryRange extends MemoryProxy implements RangeLike {
  private target: Target | null = null;
  readonly format: RangeFormatLike;

  constructor(ctx: MemoryContext, resolve: () => Target | null) {
    super(ctx);
    this.queueResolve(() => {
      this.target = resolve();
    });
    this.format = new MemoryFormat(ctx, () => this.need());
  }

  protected override isNull(): boolean {
    return this.target === null;
  }

  need(): Target {
    if (!this.target) throw new MemoryOfficeError('InvalidOperation', 'The range is a null object.');
    return this.target;
  }

  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  get values(): ScalarValue[][] {
    return this.read('values');
  }
  set values(v: ScalarValue[][]) {
    this.queueWrite(v, (cell, value) => typedInput(value, cell.numberFormat));
  }
  get formulas(): ScalarValue[][] {
    return this.read('formulas');
  }
  set formulas(v: ScalarValue[][]) {
    this.queueWrite(v, (cell, value) => typedInput(value, cell.numberFormat));
  }
  get numberFormat(): ScalarValue[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: ScalarValue[][]) {
    this.queueWrite(v, (_cell, value) => ({ numberFormat: value === 'General' || value === '' ? undefined : String(value) }), true);
  }

  load(propertyNames?: string | string[]): RangeLike {
    this.queueLoad(propertyNames);
    return this;
  }

  protected override loadChild(child: string, rest: string): void {
    if (child === 'format' && rest.startsWith('fill/')) {
      this.format.fill.load(rest.slice('fill/'.length));
      return;
    }
    super.loadChild(child, rest);
  }

  protected scalarNames(): string[] {
    return ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'formulas', 'numberFormat', 'valueTypes'];
  }

  protected fetch(name: string): unknown {
    const { sheet, range } = this.need();
    const grid = <T>(f: (row: number, col: number) => T): T[][] => {
      const out: T[][] = [];
      for (let r = range.top; r <= range.bottom; r++) {
        const row: T[] = [];
        for (let c = range.left; c <= range.right; c++) row.push(f(r, c));
        out.push(row);
      }
      return out;
    };
    const shown = (r: number, c: number): ScalarValue => {
      const m = sheet.mergeAt(r, c);
      if (m && (m.top !== r || m.left !== c)) return '';
      return sheet.get(r, c).value ?? '';
    };
    switch (name) {
      case 'address':
        return `${quoteSheet(sheet.name)}!${rangeText(range)}`;
      case 'rowIndex':
        return range.top - 1;
      case 'columnIndex':
        return range.left - 1;
      case 'rowCount':
        return range.bottom - range.top + 1;
      case 'columnCount':
        return range.right - range.left + 1;
      case 'values':
        return grid(shown);
      case 'formulas':
        return grid((r, c) => sheet.get(r, c).formula ?? shown(r, c));
      case 'numberFormat':
        return grid((r, c) => sheet.get(r, c).numberFormat ?? 'General');
      case 'valueTypes':
        return grid((r, c) => {
          const v = shown(r, c);
          if (v === '') return 'Empty';
          if (typeof v === 'number') return 'Double';
          if (typeof v === 'boolean') return 'Boolean';
          return isErrorText(v) ? 'Error' : 'String';
        });
      default:
        throw new MemoryOfficeError('InvalidArgument', `unknown property ${name}`);
    }
  }

  private queueWrite(
    grid: ScalarValue[][],
    change: (cell: MemoryCell, value: ScalarValue) => Partial<MemoryCell>,
    formatOnly = false,
  ): void {
    this.ctx.queue.push(() => {
      const { sheet, range } = this.need();
      const rows = range.bottom - range.top + 1;
      const cols = range.right - range.left + 1;
      if (grid.length !== rows || grid.some((row) => row.length !== cols)) {
        throw new MemoryOfficeError('InvalidArgument', 'The number of rows or columns in the input array doesn\'t match the size or dimensions of the range.');
      }
      if (sheet.protected) throw protectedError();
      grid.forEach((line, i) =>
        line.forEach((value, j) => {
          const row = range.top + i;
          const col = range.left + j;
          const m = sheet.mergeAt(row, col);
          if (this.ctx.book.failingCells.has(`${sheet.name}!${a1(row, col)}`)) {
            throw new MemoryOfficeError('GeneralException', 'An internal error has occurred while processing the request.');
          }
          if (!formatOnly && m && (m.top !== row || m.left !== col) && value !== '') {
            throw new MemoryOfficeError('InvalidOperation', `Cannot write into ${a1(row, col)}: it is inside a merged area.`);
          }
          sheet.patch(row, col, change(sheet.get(row, col), value));
          if (!formatOnly) this.ctx.noteCellWrite(sheet.name, row, col);
        }),
      );
      if (formatOnly) this.ctx.noteStateChange();
    });
  }

  getCellProperties(options: CellPropertiesLoadLike): ClientResultLike<CellPropertiesLike[][]> {
    this.ctx.requireApi('1.9', 'Range.getCellProperties');
    const result = new MemoryClientResult<CellPropertiesLike[][]>();
    this.ctx.queue.push(() => {
      const { sheet, range } = this.need();
      const out: CellPropertiesLike[][] = [];
      for (let r = range.top; r <= range.bottom; r++) {
        const row: CellPropertiesLike[] = [];
        for (let c = range.left; c <= range.right; c++) {
          const fill = sheet.get(r, c).fill;
          const props: CellPropertiesLike = {};
          if (options.address) props.address = `${quoteSheet(sheet.name)}!${a1(r, c)}`;
          const f = options.format?.fill;
          if (f?.color || f?.pattern) {
            props.format = { fill: {} };
            if (f.color) props.format.fill!.color = fill ?? '#FFFFFF';
            if (f.pattern) props.format.fill!.pattern = fill ? 'Solid' : 'None';
          }
          row.push(props);
        }
        out.push(row);
      }
      result.set(out);
    });
    return result;
  }

  getMergedAreasOrNullObject(): RangeAreasLike {
    this.ctx.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
    return new MemoryRangeAreas(this.ctx, () => {
      const { sheet, range } = this.need();
      // Like Excel: only merges whose top-left cell lies inside the range (office-js#3611).
      const inside = sheet.merges.filter((m) => m.top >= range.top && m.top <= range.bottom && m.left >= range.left && m.left <= range.right);
      return inside.length === 0 ? null : inside.map((m) => ({ sheet, range: m }));
    });
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeLike {
    this.ctx.requireApi('1.7', 'Range.getAbsoluteResizedRange');
    return new MemoryRange(this.ctx, () => {
      const { sheet, range } = this.need();
      if (numRows < 1 || numColumns < 1 || range.top + numRows - 1 > 1048576 || range.left + numColumns - 1 > 16384) {
        throw new MemoryOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      }
      return { sheet, range: { top: range.top, left: range.left, bottom: range.top + numRows - 1, right: range.left + numColumns - 1 } };
    });
  }

  getIntersection(anotherRange: RangeLike | string): RangeLike {
    return new MemoryRange(this.ctx, () => {
      const { sheet, range } = this.need();
      const other = typeof anotherRange === 'string' ? parseRangeText(anotherRange) : (anotherRange as MemoryRange).need().range;
      if (!other) throw new MemoryOfficeError('InvalidArgument', `bad address ${String(anotherRange)}`);
      const top = Math.max(range.top, other.top);
      const left = Math.max(range.left, other.left);
      const bottom = Math.min(range.bottom, other.bottom);
      const right = Math.min(range.right, other.right);
      if (top > bottom || left > right) throw new MemoryOfficeError('ItemNotFound', 'The ranges do not intersect.');
      return { sheet, range: { top, left, bottom, right } };
    });
  }

  merge(across = false): void {
    this.ctx.queue.push(() => {
      const { sheet, range } = this.need();
      if (sheet.protected) throw protectedError();
      const areas = across
        ? Array.from({ length: range.bottom - range.top + 1 }, (_, i) => ({ ...range, top: range.top + i, bottom: range.top + i }))
        : [range];
      for (const area of areas) {
        sheet.merges = sheet.merges.filter((m) => m.bottom < area.top || m.top > area.bottom || m.right < area.left || m.left > area.right);
        for (let r = area.top; r <= area.bottom; r++)
          for (let c = area.left; c <= area.right; c++) if (r !== area.top || c !== area.left) sheet.patch(r, c, { value: null, formula: undefined });
        sheet.merges.push({ ...area });
      }
      this.ctx.noteStateChange();
    });
  }

  select(): void {
    this.ctx.queue.push(() => {
      const { sheet, range } = this.need();
      // Selecting on a sheet that is not active is unreliable in Excel (office-js#5118): refuse it here.
      if (this.ctx.book.activeSheet !== sheet.name) throw new MemoryOfficeError('InvalidOperation', 'The range is not on the active sheet.');
      this.ctx.book.selectedAddress = `${sheet.name}!${rangeText(range)}`;
      this.ctx.noteStateChange();
    });
  }
}

/**
 * A written value as Excel stores it: strings are read like typed input. A leading apostrophe keeps
 * text as text; "=…" is a formula; numbers and percentages become numbers (a percentage also gets a
 * percent format when the cell has none), unless the cell is formatted as text ("@").
 */
export function typedInput(value: ScalarValue, numberFormat: string | undefined): Partial<MemoryCell> {
  if (typeof value !== 'string') return { value, formula: undefined };
  if (value === '') return { value: null, formula: undefined };
  if (value.startsWith("'")) return { value: value.slice(1), formula: undefined };
  if (numberFormat === '@') return { value, formula: undefined };
  if (value.startsWith('=')) return { formula: value };
  const text = value.trim();
  const percent = /^([-+]?\d+(?:\.\d+)?)%$/.exec(text);
  if (percent) {
    const decimals = percent[1].split('.')[1]?.length ?? 0;
    return { value: Number(percent[1]) / 100, formula: undefined, numberFormat: numberFormat ?? (decimals > 0 ? '0.00%' : '0%') };
  }
  if (/^[-+]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(text)) return { value: Number(text.replace(/,/g, '')), formula: undefined };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true', formula: undefined };
  return { value, formula: undefined };
}

function protectedError(): MemoryOfficeError {
  return new MemoryOfficeError('AccessDenied', 'The cell or chart you\'re trying to change is on a protected sheet.');
}

class MemoryFill extends MemoryProxy implements RangeFillLike {
  constructor(
    ctx: MemoryContext,
    private readonly range: () => Target,
  ) {
    super(ctx);
    this.queueResolve(() => undefined);
  }

  get color(): string {
    return this.read('color');
  }
  set color(color: string) {
    this.write(color.toUpperCase());
  }
  clear(): void {
    this.write(undefined);
  }

  load(propertyNames?: string | string[]): RangeFillLike {
    this.queueLoad(propertyNames);
    return this;
  }

  private write(fill: string | undefined): void {
    this.ctx.queue.push(() => {
      const { sheet, range } = this.range();
      if (sheet.protected) throw protectedError();
      for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) sheet.patch(r, c, { fill });
      this.ctx.noteStateChange();
    });
  }

  protected scalarNames(): string[] {
    return ['color'];
  }

  protected fetch(name: string): unknown {
    const { sheet, range } = this.range();
    if (name === 'color') return sheet.get(range.top, range.left).fill ?? '#FFFFFF';
    if (name === 'pattern') {
      if (!versionAtLeast(this.ctx.apiVersion, '1.9')) throw new MemoryOfficeError('ApiNotFound', 'RangeFill.pattern needs ExcelApi 1.9.');
      return sheet.get(range.top, range.left).fill ? 'Solid' : 'None';
    }
    throw new MemoryOfficeError('InvalidArgument', `unknown property ${name}`);
  }
}

class MemoryFormat extends MemoryProxy implements RangeFormatLike {
  readonly fill: RangeFillLike;

  constructor(
    ctx: MemoryContext,
    private readonly range: () => Target,
  ) {
    super(ctx);
    this.queueResolve(() => undefined);
    this.fill = new MemoryFill(ctx, range);
  }

  get columnWidth(): number {
    return this.read('columnWidth');
  }
  set columnWidth(points: number) {
    this.ctx.requireApi('1.2', 'RangeFormat.columnWidth');
    this.ctx.queue.push(() => {
      const { sheet, range } = this.range();
      for (let c = range.left; c <= range.right; c++) sheet.columnWidths.set(c, points);
      this.ctx.noteStateChange();
    });
  }
  get wrapText(): boolean {
    return this.read('wrapText');
  }
  set wrapText(on: boolean) {
    this.ctx.queue.push(() => {
      const { sheet, range } = this.range();
      if (sheet.protected) throw protectedError();
      for (let r = range.top; r <= range.bottom; r++)
        for (let c = range.left; c <= range.right; c++) {
          if (on) sheet.wrapped.add(`${r},${c}`);
          else sheet.wrapped.delete(`${r},${c}`);
        }
      this.ctx.noteStateChange();
    });
  }

  protected scalarNames(): string[] {
    return ['columnWidth', 'wrapText'];
  }

  protected fetch(name: string): unknown {
    const { sheet, range } = this.range();
    if (name === 'columnWidth') return sheet.columnWidths.get(range.left) ?? 48;
    if (name === 'wrapText') return sheet.wrapped.has(`${range.top},${range.left}`);
    throw new MemoryOfficeError('InvalidArgument', `unknown property ${name}`);
  }
}

class MemoryClientResult<T> implements ClientResultLike<T> {
  private box: { value: T } | null = null;
  set(value: T): void {
    this.box = { value };
  }
  get value(): T {
    if (!this.box) throw notLoaded('value');
    return this.box.value;
  }
}

class MemoryRangeAreas extends MemoryProxy implements RangeAreasLike {
  private targets: Target[] | null = null;
  private readonly items: MemoryRange[] = [];

  constructor(ctx: MemoryContext, resolve: () => Target[] | null) {
    super(ctx);
    this.queueResolve(() => {
      this.targets = resolve();
    });
  }

  protected override isNull(): boolean {
    return this.targets === null;
  }

  get areas(): { readonly items: RangeLike[] } {
    return { items: this.read<MemoryRange[]>('areas') };
  }

  load(propertyNames?: string | string[]): RangeAreasLike {
    this.queueLoad(propertyNames);
    return this;
  }

  protected override loadChild(child: string, rest: string): void {
    if (child !== 'areas' || !rest.startsWith('items')) return super.loadChild(child, rest);
    const fields = rest.startsWith('items/') ? rest.slice('items/'.length) : undefined;
    // The item proxies are made when the areas are known, at sync; load them in the same step.
    this.ctx.queue.push(() => {
      this.items.length = 0;
      for (const t of this.targets ?? []) this.items.push(this.ctx.runNow(() => new MemoryRange(this.ctx, () => t).load(fields) as MemoryRange));
    });
    this.queueLoad('areas');
  }

  protected scalarNames(): string[] {
    return [];
  }

  protected fetch(name: string): unknown {
    if (name === 'areas') return [...this.items];
    throw new MemoryOfficeError('InvalidArgument', `unknown property ${name}`);
  }
}

class MemoryWorksheet extends MemoryProxy implements WorksheetLike {
  private target: MemorySheet | null = null;
  readonly protection: WorksheetLike['protection'];

  constructor(ctx: MemoryContext, resolve: () => MemorySheet | null) {
    super(ctx);
    this.queueResolve(() => {
      this.target = resolve();
    });
    const sheet = (): MemorySheet => this.need();
    const protection = new (class extends MemoryProxy {
      get protected(): boolean {
        return this.read('protected');
      }
      load(propertyNames?: string | string[]): unknown {
        this.ctx.requireApi('1.2', 'WorksheetProtection');
        this.queueLoad(propertyNames);
        return this;
      }
      protected scalarNames(): string[] {
        return ['protected'];
      }
      protected fetch(): unknown {
        return sheet().protected;
      }
    })(ctx);
    this.protection = protection;
  }

  protected override isNull(): boolean {
    return this.target === null;
  }

  need(): MemorySheet {
    if (!this.target) throw new MemoryOfficeError('ItemNotFound', 'The requested resource doesn\'t exist.');
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

  protected override loadChild(child: string, rest: string): void {
    if (child === 'protection') this.protection.load(rest);
    else super.loadChild(child, rest);
  }

  protected scalarNames(): string[] {
    return ['id', 'name'];
  }

  protected fetch(name: string): unknown {
    const sheet = this.need();
    if (name === 'name') return sheet.name;
    if (name === 'id') return `{memory-${sheet.name}}`;
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

  getUsedRange(valuesOnly?: boolean): RangeLike {
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
    this.ctx.queue.push(() => {
      this.ctx.book.activeSheet = this.need().name;
      this.ctx.noteStateChange();
    });
  }
}

class MemoryWorksheets extends MemoryProxy implements WorksheetCollectionLike {
  private readonly itemsList: MemoryWorksheet[] = [];
  readonly onChanged: EventHandlersLike<WorksheetChangedLike>;

  constructor(ctx: MemoryContext) {
    super(ctx);
    this.queueResolve(() => undefined);
    this.onChanged = {
      add: (handler) => {
        ctx.requireApi('1.9', 'WorksheetCollection.onChanged');
        const withSource = versionAtLeast(ctx.apiVersion, '1.14');
        let unsubscribe: (() => void) | null = null;
        ctx.queue.push(() => {
          unsubscribe = ctx.book.subscribeChanges((change) => {
            void handler({
              worksheetId: `{memory-${change.sheet}}`,
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

  protected override loadChild(child: string, rest: string): void {
    if (child !== 'items') return super.loadChild(child, rest);
    this.ctx.queue.push(() => this.makeItems(rest));
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

  private makeItems(fields?: string): void {
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
      if (!sheet) throw new MemoryOfficeError('ItemNotFound', 'The requested resource doesn\'t exist.');
      return sheet;
    });
  }

  getItemOrNullObject(key: string): WorksheetLike {
    return new MemoryWorksheet(this.ctx, () => this.ctx.book.findSheet(key) ?? null);
  }

  add(name?: string): WorksheetLike {
    return new MemoryWorksheet(this.ctx, () => {
      const book = this.ctx.book;
      let chosen = name;
      for (let i = 1; !chosen; i++) if (!book.findSheet(`Sheet${i}`)) chosen = `Sheet${i}`;
      if (book.findSheet(chosen)) throw new MemoryOfficeError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
      const sheet = book.addSheet(chosen);
      this.ctx.noteStateChange();
      return sheet;
    });
  }
}

/** Office.context.document.settings: a copy in memory, saved into the workbook by saveAsync. */
class MemorySettings implements SettingsLike {
  private values: Record<string, unknown>;

  constructor(private readonly book: MemoryWorkbook) {
    this.values = structuredClone(book.settings);
  }

  get(name: string): unknown {
    return this.values[name] === undefined ? null : structuredClone(this.values[name]);
  }
  set(name: string, value: unknown): void {
    this.values[name] = structuredClone(value);
  }
  remove(name: string): void {
    delete this.values[name];
  }
  saveAsync(_options: { overwriteIfStale?: boolean }, callback?: (result: AsyncResultLike) => void): void {
    for (const key of Object.keys(this.book.settings)) delete this.book.settings[key];
    Object.assign(this.book.settings, structuredClone(this.values));
    setTimeout(() => callback?.({ status: 'succeeded' }), 0);
  }
  refreshAsync(callback?: (result: AsyncResultLike) => void): void {
    this.values = structuredClone(this.book.settings);
    setTimeout(() => callback?.({ status: 'succeeded' }), 0);
  }
}

export interface MemoryOffice extends OfficeSurface {
  /** Run a ribbon function command the way Excel does when its button is pressed. */
  invokeAction(actionId: string): Promise<void>;
}

export interface HostOptions {
  /** The highest ExcelApi requirement set the host supports (default "1.20"). */
  apiVersion?: string;
  /** Office's display language (default "zh-CN"). */
  displayLanguage?: string;
}

export function createOfficeHost(workbook: MemoryWorkbook, opts: HostOptions = {}): { Excel: ExcelSurface; Office: MemoryOffice } {
  const apiVersion = opts.apiVersion ?? '1.20';
  const actions = new Map<string, (event: CommandEventLike) => void>();
  const Excel: ExcelSurface = {
    // Like Excel.run, also callable with the batch alone.
    run<T>(first: RunOptionsLike | ((context: RequestContextLike) => Promise<T>), second?: (context: RequestContextLike) => Promise<T>): Promise<T> {
      const options = typeof first === 'function' ? {} : first;
      const batch = typeof first === 'function' ? first : second;
      if (!batch) return Promise.reject(new MemoryOfficeError('InvalidArgument', 'Excel.run needs a batch function.'));
      const delay = options.delayForCellEdit === true && versionAtLeast(apiVersion, '1.11');
      return batch(new MemoryContext(workbook, apiVersion, delay));
    },
  };
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const Office: MemoryOffice = {
    onReady(callback) {
      return new Promise((resolve) =>
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0),
      );
    },
    context: {
      displayLanguage: opts.displayLanguage ?? 'zh-CN',
      requirements: {
        isSetSupported(name: string, minVersion = '1.1'): boolean {
          if (name === 'ExcelApi') return versionAtLeast(apiVersion, minVersion);
          if (name === 'AddinCommands') return versionAtLeast('1.1', minVersion);
          return false;
        },
      },
      document: { settings: new MemorySettings(workbook) },
    },
    actions: {
      associate(actionId, actionFunction) {
        actions.set(actionId, actionFunction);
      },
    },
    invokeAction(actionId) {
      const action = actions.get(actionId);
      if (!action) return Promise.reject(new Error(`no action associated with ${actionId}`));
      return new Promise((resolve) => action({ completed: () => resolve() }));
    },
  };
  return { Excel, Office };
}
