// Ranges of the in-memory Excel. Like Excel: a merge's value lives in its top-left cell; a write
// is one operation that either applies to every cell or (a locked cell on a protected sheet, a
// value inside a merge, a shape that does not match) to none; written strings are read like typed
// input; getMergedAreasOrNullObject reports only merges whose top-left lies in the range and fails
// above 512 of them.
import { a1, MAX_COL, MAX_ROW, quoteSheet, rangeText } from '../../core/address';
import type {
  CellPropertiesLike,
  CellPropertiesLoadLike,
  ClientResultLike,
  RangeAreasLike,
  RangeFormatLike,
  RangeLike,
  ScalarValue,
} from '../host';
import { MemoryClientResult, MemoryOfficeError, MemoryProxy, type MemoryContext } from './context';
import { MemoryFormat, protectedError, refuseFormatting } from './formats';
import { parseRangeText, type Target } from './targets';
import { typedInput } from './typed-input';
import { isErrorText, type MemoryCell } from './workbook';

/** Range.getMergedAreasOrNullObject "will fail to return the result" above this many merged areas. */
export const MERGED_AREAS_LIMIT = 512;

export class MemoryRange extends MemoryProxy implements RangeLike {
  private target: Target | null = null;
  private formatProxy: MemoryFormat | null = null;

  constructor(ctx: MemoryContext, resolve: () => Target | null) {
    super(ctx);
    this.queueResolve(() => {
      this.target = resolve();
    });
  }

  /** Made when first used, as Office.js adds a navigation to the request only when it is used. */
  get format(): RangeFormatLike {
    this.formatProxy ??= new MemoryFormat(this.ctx, () => this.need());
    return this.formatProxy;
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

  protected override loadChild(child: string, rest: string[]): void {
    if (child === 'format') (this.format as MemoryFormat).load(rest);
    else super.loadChild(child, rest);
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

  /** One write operation: checked for every cell first, then applied to all of them. */
  private queueWrite(
    grid: ScalarValue[][],
    change: (cell: MemoryCell, value: ScalarValue) => Partial<MemoryCell>,
    formatOnly = false,
  ): void {
    this.ctx.push(() => {
      const target = this.need();
      const { sheet, range } = target;
      const rows = range.bottom - range.top + 1;
      const cols = range.right - range.left + 1;
      if (grid.length !== rows || grid.some((row) => row.length !== cols)) {
        throw new MemoryOfficeError(
          'InvalidArgument',
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        );
      }
      if (formatOnly) refuseFormatting(target);
      const cells: { row: number; col: number; value: ScalarValue }[] = [];
      grid.forEach((line, i) => line.forEach((value, j) => cells.push({ row: range.top + i, col: range.left + j, value })));
      for (const { row, col, value } of cells) {
        if (this.ctx.book.failingCells.has(`${sheet.name}!${a1(row, col)}`)) {
          throw new MemoryOfficeError('GeneralException', 'An internal error has occurred while processing the request.');
        }
        if (formatOnly) continue;
        if (sheet.protected && sheet.get(row, col).locked !== false) throw protectedError();
        const m = sheet.mergeAt(row, col);
        if (m && (m.top !== row || m.left !== col) && value !== '') {
          throw new MemoryOfficeError('InvalidOperation', `Cannot write into ${a1(row, col)}: it is inside a merged area.`);
        }
      }
      for (const { row, col, value } of cells) {
        const next = change(sheet.get(row, col), value);
        // A typed percentage formats its cell: a format change, refused on a sheet that allows none.
        sheet.patch(
          row,
          col,
          sheet.protected && !sheet.allowFormatCells && !formatOnly ? { ...next, numberFormat: sheet.get(row, col).numberFormat } : next,
        );
        if (!formatOnly) this.ctx.noteCellWrite(sheet.name, a1(row, col));
      }
      if (formatOnly) this.ctx.noteStateChange();
    }, grid);
  }

  getCellProperties(options: CellPropertiesLoadLike): ClientResultLike<CellPropertiesLike[][]> {
    this.ctx.requireApi('1.9', 'Range.getCellProperties');
    const result = new MemoryClientResult<CellPropertiesLike[][]>(this.ctx);
    this.ctx.push(() => {
      const { sheet, range } = this.need();
      const out: CellPropertiesLike[][] = [];
      for (let r = range.top; r <= range.bottom; r++) {
        const row: CellPropertiesLike[] = [];
        for (let c = range.left; c <= range.right; c++) {
          const cell = sheet.get(r, c);
          const props: CellPropertiesLike = {};
          if (options.address) props.address = `${quoteSheet(sheet.name)}!${a1(r, c)}`;
          const f = options.format?.fill;
          if (f?.color || f?.pattern || options.format?.protection) {
            const format: NonNullable<CellPropertiesLike['format']> = {};
            if (f?.color || f?.pattern) format.fill = {};
            if (f?.color) format.fill!.color = cell.fill ?? '#FFFFFF';
            if (f?.pattern) format.fill!.pattern = cell.fill ? 'Solid' : 'None';
            if (options.format?.protection) format.protection = { locked: cell.locked !== false };
            props.format = format;
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
      const inside = sheet.merges.filter(
        (m) => m.top >= range.top && m.top <= range.bottom && m.left >= range.left && m.left <= range.right,
      );
      if (inside.length > MERGED_AREAS_LIMIT) {
        throw new MemoryOfficeError(
          'GeneralException',
          `The range holds ${inside.length} merged areas; getMergedAreasOrNullObject returns at most ${MERGED_AREAS_LIMIT}.`,
        );
      }
      return inside.length === 0 ? null : inside.map((m) => ({ sheet, range: m }));
    });
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeLike {
    this.ctx.requireApi('1.7', 'Range.getAbsoluteResizedRange');
    return new MemoryRange(this.ctx, () => {
      const { sheet, range } = this.need();
      if (numRows < 1 || numColumns < 1 || range.top + numRows - 1 > MAX_ROW || range.left + numColumns - 1 > MAX_COL) {
        throw new MemoryOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      }
      return { sheet, range: { top: range.top, left: range.left, bottom: range.top + numRows - 1, right: range.left + numColumns - 1 } };
    });
  }

  getCell(row: number, column: number): RangeLike {
    return new MemoryRange(this.ctx, () => {
      const { sheet, range } = this.need();
      const r = range.top + row;
      const c = range.left + column;
      if (r < 1 || c < 1 || r > MAX_ROW || c > MAX_COL)
        throw new MemoryOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      return { sheet, range: { top: r, left: c, bottom: r, right: c } };
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
    this.ctx.push(() => {
      const { sheet, range } = this.need();
      if (sheet.protected) throw protectedError();
      const areas = across
        ? Array.from({ length: range.bottom - range.top + 1 }, (_, i) => ({ ...range, top: range.top + i, bottom: range.top + i }))
        : [range];
      for (const area of areas) {
        sheet.merges = sheet.merges.filter((m) => m.bottom < area.top || m.top > area.bottom || m.right < area.left || m.left > area.right);
        for (let r = area.top; r <= area.bottom; r++)
          for (let c = area.left; c <= area.right; c++)
            if (r !== area.top || c !== area.left) sheet.patch(r, c, { value: null, formula: undefined });
        sheet.merges = [...sheet.merges, { ...area }];
      }
      this.ctx.noteStateChange();
    });
  }

  select(): void {
    this.ctx.push(() => {
      const { sheet, range } = this.need();
      // Selecting on a sheet that is not active is unreliable in Excel (office-js#5118): refuse it here.
      if (this.ctx.book.activeSheet !== sheet.name)
        throw new MemoryOfficeError('InvalidOperation', 'The range is not on the active sheet.');
      this.ctx.book.selectedAddress = `${sheet.name}!${rangeText(range)}`;
      this.ctx.noteStateChange();
    });
  }
}

export class MemoryRangeAreas extends MemoryProxy implements RangeAreasLike {
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

  protected override loadChild(child: string, rest: string[]): void {
    if (child !== 'areas') return super.loadChild(child, rest);
    const fields = rest.filter((r) => r.startsWith('items/')).map((r) => r.slice('items/'.length));
    // The item proxies are made when the areas are known, at sync; load them in the same step.
    this.ctx.push(() => {
      this.items.length = 0;
      for (const t of this.targets ?? [])
        this.items.push(
          this.ctx.runNow(() => new MemoryRange(this.ctx, () => t).load(fields.length > 0 ? fields : undefined) as MemoryRange),
        );
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
