// Range formats of the in-memory Excel: fill, protection (the cell lock), wrap and column width.
// On a protected sheet Excel refuses format changes unless the protection allows formatting cells.
import type { RangeFillLike, RangeFormatLike, RangeFormatProtectionLike } from '../host';
import { MemoryOfficeError, MemoryProxy, type MemoryContext } from './context';
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

export class MemoryFormat extends MemoryProxy implements RangeFormatLike {
  readonly fill: RangeFillLike;
  readonly protection: RangeFormatProtectionLike;

  constructor(
    ctx: MemoryContext,
    private readonly range: () => Target,
  ) {
    super(ctx);
    this.queueResolve(() => undefined);
    this.fill = new MemoryFill(ctx, range);
    this.protection = new MemoryFormatProtection(ctx, range);
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
    return ['columnWidth', 'wrapText'];
  }

  protected fetch(name: string): unknown {
    const { sheet, range } = this.range();
    if (name === 'columnWidth') return sheet.columnWidths.get(range.left) ?? 48;
    if (name === 'wrapText') return sheet.wrapped.has(`${range.top},${range.left}`);
    throw new MemoryOfficeError('InvalidArgument', `unknown property ${name}`);
  }
}
