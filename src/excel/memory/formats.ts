// Range formats of the in-memory Excel: fill, protection (the cell lock), wrap, column width,
// borders, alignment and font (ExcelApi 1.1).
// On a protected sheet Excel refuses format changes unless the protection allows formatting cells.
import type {
  RangeBorderCollectionLike,
  RangeBorderLike,
  RangeFillLike,
  RangeFontLike,
  RangeFormatLike,
  RangeFormatProtectionLike,
} from '../host';
import { MemoryOfficeError, MemoryProxy, type MemoryContext } from './context';
import { type BorderIndex, type CellLook } from './looks';
import type { Target } from './targets';

export function protectedError(): MemoryOfficeError {
  return new MemoryOfficeError('AccessDenied', "The cell or chart you're trying to change is on a protected sheet.");
}

/** Formatting a protected sheet needs WorksheetProtectionOptions.allowFormatCells. */
export function refuseFormatting({ sheet }: Target): void {
  if (sheet.protected && !sheet.allowFormatCells) throw protectedError();
}

function* cellsOf({ range }: Target): Generator<[number, number]> {
  for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) yield [r, c];
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
    this.ctx.push(() => {
      const target = this.range();
      refuseFormatting(target);
      for (const [r, c] of cellsOf(target)) target.sheet.patch(r, c, { fill });
      this.ctx.noteStateChange();
    }, fill ?? null);
  }

  protected scalarNames(): string[] {
    return ['color'];
  }

  protected fetch(name: string): unknown {
    const { sheet, range } = this.range();
    if (name === 'color') return sheet.get(range.top, range.left).fill ?? '#FFFFFF';
    if (name === 'pattern') {
      if (!this.ctx.has('1.9')) throw new MemoryOfficeError('ApiNotFound', 'RangeFill.pattern needs ExcelApi 1.9.');
      return sheet.get(range.top, range.left).fill ? 'Solid' : 'None';
    }
    throw new MemoryOfficeError('InvalidArgument', `unknown property ${name}`);
  }
}

class MemoryFormatProtection extends MemoryProxy implements RangeFormatProtectionLike {
  constructor(
    ctx: MemoryContext,
    private readonly range: () => Target,
  ) {
    super(ctx);
    this.queueResolve(() => undefined);
  }

  get locked(): boolean | null {
    return this.read('locked');
  }

  load(propertyNames?: string | string[]): RangeFormatProtectionLike {
    this.ctx.requireApi('1.2', 'FormatProtection');
    this.queueLoad(propertyNames);
    return this;
  }

  protected scalarNames(): string[] {
    return ['locked'];
  }

  protected fetch(name: string): unknown {
    if (name !== 'locked') throw new MemoryOfficeError('InvalidArgument', `unknown property ${name}`);
    const target = this.range();
    const locks = new Set<boolean>();
    for (const [r, c] of cellsOf(target)) locks.add(target.sheet.get(r, c).locked !== false);
    // Like Excel: null when the range mixes locked and unlocked cells.
    return locks.size === 1 ? [...locks][0] : null;
  }
}

/** Excel.BorderWeight and the line styles the memory draws (anything but 'None' is a line). */
const WEIGHTS = new Set(['Hairline', 'Thin', 'Medium', 'Thick']);
const LINE_STYLES = new Set(['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot']);
const HORIZONTAL: Record<string, CellLook['horizontal'] | null> = { General: null, Left: 'left', Center: 'center', Right: 'right' };
const VERTICAL: Record<string, CellLook['vertical']> = { Top: 'top', Center: 'middle', Bottom: 'bottom' };

function invalid(what: string, value: unknown): MemoryOfficeError {
  return new MemoryOfficeError(
    'InvalidArgument',
    `The argument is invalid or missing or has an incorrect format: ${what} = ${String(value)}`,
  );
}

/** One queued format change on every cell of the range, refused on a protected sheet as Excel does. */
function queueFormat(ctx: MemoryContext, range: () => Target, apply: (target: Target) => void, payload: unknown): void {
  ctx.push(() => {
    const target = range();
    refuseFormatting(target);
    apply(target);
    ctx.noteStateChange();
  }, payload);
}

class MemoryBorder implements RangeBorderLike {
  constructor(
    private readonly ctx: MemoryContext,
    private readonly range: () => Target,
    private readonly index: BorderIndex,
  ) {}

  get style(): string {
    throw new MemoryOfficeError('PropertyNotLoaded', 'RangeBorder.style is not read by the add-in.');
  }
  set style(style: string) {
    if (!LINE_STYLES.has(style)) throw invalid('RangeBorder.style', style);
    queueFormat(this.ctx, this.range, ({ sheet, range }) => sheet.looks.line(range, this.index, style !== 'None'), style);
  }
  get weight(): string {
    throw new MemoryOfficeError('PropertyNotLoaded', 'RangeBorder.weight is not read by the add-in.');
  }
  set weight(weight: string) {
    if (!WEIGHTS.has(weight)) throw invalid('RangeBorder.weight', weight);
    queueFormat(this.ctx, this.range, () => undefined, weight);
  }
  get color(): string {
    throw new MemoryOfficeError('PropertyNotLoaded', 'RangeBorder.color is not read by the add-in.');
  }
  set color(color: string) {
    if (!/^#[0-9A-Fa-f]{6}$/.test(color)) throw invalid('RangeBorder.color', color);
    queueFormat(this.ctx, this.range, () => undefined, color);
  }
}

class MemoryFont implements RangeFontLike {
  constructor(
    private readonly ctx: MemoryContext,
    private readonly range: () => Target,
  ) {}

  get bold(): boolean {
    throw new MemoryOfficeError('PropertyNotLoaded', 'RangeFont.bold is not read by the add-in.');
  }
  set bold(bold: boolean) {
    queueFormat(this.ctx, this.range, ({ sheet, range }) => sheet.looks.patch(range, { bold }), bold);
  }
  get size(): number {
    throw new MemoryOfficeError('PropertyNotLoaded', 'RangeFont.size is not read by the add-in.');
  }
  set size(size: number) {
    if (!(size >= 1 && size <= 409)) throw invalid('RangeFont.size', size);
    queueFormat(this.ctx, this.range, ({ sheet, range }) => sheet.looks.patch(range, { size }), size);
  }
}

export class MemoryFormat extends MemoryProxy implements RangeFormatLike {
  private fillProxy: MemoryFill | null = null;
  private protectionProxy: MemoryFormatProtection | null = null;
  private fontProxy: MemoryFont | null = null;

  constructor(
    ctx: MemoryContext,
    private readonly range: () => Target,
  ) {
    super(ctx);
    this.queueResolve(() => undefined);
  }

  get fill(): RangeFillLike {
    this.fillProxy ??= new MemoryFill(this.ctx, this.range);
    return this.fillProxy;
  }

  get protection(): RangeFormatProtectionLike {
    this.protectionProxy ??= new MemoryFormatProtection(this.ctx, this.range);
    return this.protectionProxy;
  }

  get borders(): RangeBorderCollectionLike {
    return { getItem: (index) => new MemoryBorder(this.ctx, this.range, index) };
  }

  get font(): RangeFontLike {
    this.fontProxy ??= new MemoryFont(this.ctx, this.range);
    return this.fontProxy;
  }

  get horizontalAlignment(): string {
    return this.read('horizontalAlignment');
  }
  set horizontalAlignment(value: string) {
    const horizontal = HORIZONTAL[value];
    if (horizontal === undefined) throw invalid('RangeFormat.horizontalAlignment', value);
    queueFormat(this.ctx, this.range, ({ sheet, range }) => sheet.looks.patch(range, { horizontal: horizontal ?? undefined }), value);
  }

  get verticalAlignment(): string {
    return this.read('verticalAlignment');
  }
  set verticalAlignment(value: string) {
    const vertical = VERTICAL[value];
    if (vertical === undefined) throw invalid('RangeFormat.verticalAlignment', value);
    queueFormat(this.ctx, this.range, ({ sheet, range }) => sheet.looks.patch(range, { vertical }), value);
  }

  get columnWidth(): number {
    return this.read('columnWidth');
  }
  set columnWidth(points: number) {
    this.ctx.requireApi('1.2', 'RangeFormat.columnWidth');
    this.ctx.push(() => {
      const target = this.range();
      refuseFormatting(target);
      for (let c = target.range.left; c <= target.range.right; c++) target.sheet.columnWidths.set(c, points);
      this.ctx.noteStateChange();
    }, points);
  }
  get wrapText(): boolean {
    return this.read('wrapText');
  }
  set wrapText(on: boolean) {
    this.ctx.push(() => {
      const target = this.range();
      refuseFormatting(target);
      for (const [r, c] of cellsOf(target)) {
        if (on) target.sheet.wrapped.add(`${r},${c}`);
        else target.sheet.wrapped.delete(`${r},${c}`);
      }
      this.ctx.noteStateChange();
    }, on);
  }

  load(propertyNames?: string | string[]): RangeFormatLike {
    this.queueLoad(propertyNames);
    return this;
  }

  protected override loadChild(child: string, rest: string[]): void {
    if (child === 'fill') this.fill.load(rest);
    else if (child === 'protection') this.protection.load(rest);
    else super.loadChild(child, rest);
  }

  protected scalarNames(): string[] {
    return ['columnWidth', 'wrapText', 'horizontalAlignment', 'verticalAlignment'];
  }

  protected fetch(name: string): unknown {
    const { sheet, range } = this.range();
    if (name === 'columnWidth') return sheet.columnWidths.get(range.left) ?? 48;
    if (name === 'wrapText') return sheet.wrapped.has(`${range.top},${range.left}`);
    const look = sheet.looks.get(range.top, range.left);
    if (name === 'horizontalAlignment') return look.horizontal ? look.horizontal[0].toUpperCase() + look.horizontal.slice(1) : 'General';
    if (name === 'verticalAlignment') return look.vertical === 'middle' ? 'Center' : look.vertical === 'top' ? 'Top' : 'Bottom';
    throw new MemoryOfficeError('InvalidArgument', `unknown property ${name}`);
  }
}
