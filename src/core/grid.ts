// Random access to a snapshot by absolute row and column, with merges resolved to their top-left cell.
import { a1 } from './address';
import { decimalOf } from './cell-number';
import { fixedPlaces, plain } from './exact';
import { cellText, labelKey, tidyText } from './text';
import type { Cell, CellRange, Snapshot } from './types';

const EMPTY: Cell = { value: null };

export class Grid {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly mergesKnown: boolean;
  private readonly snapshot: Snapshot;
  /** Key row*COLS+col of every covered non-top-left cell → its merge. */
  private readonly covered = new Map<number, CellRange>();
  private readonly mergeAt = new Map<number, CellRange>();

  constructor(snapshot: Snapshot) {
    this.snapshot = snapshot;
    this.sheet = snapshot.sheet;
    this.top = snapshot.top;
    this.left = snapshot.left;
    this.bottom = snapshot.top + snapshot.cells.length - 1;
    // A loop, not Math.max(...rows): a spread of 200,000 rows overflows the call stack.
    let width = 0;
    for (const r of snapshot.cells) width = Math.max(width, r.length);
    this.right = snapshot.left + width - 1;
    this.mergesKnown = snapshot.mergesKnown;
    for (const m of snapshot.merges) {
      // Bounded: a merge far outside the snapshot adds nothing useful.
      const bottom = Math.min(m.bottom, this.bottom);
      const right = Math.min(m.right, this.right);
      this.mergeAt.set(this.key(m.top, m.left), m);
      for (let r = m.top; r <= bottom; r++) {
        for (let c = m.left; c <= right; c++) {
          if (r !== m.top || c !== m.left) this.covered.set(this.key(r, c), m);
        }
      }
    }
  }

  private key(row: number, col: number): number {
    return row * 20000 + col;
  }

  /** The cell itself (a covered cell of a merge is empty, as in Excel). */
  raw(row: number, col: number): Cell {
    const r = this.snapshot.cells[row - this.top];
    if (!r) return EMPTY;
    return r[col - this.left] ?? EMPTY;
  }

  /** The merge a cell belongs to (as top-left or covered), if any. */
  merge(row: number, col: number): CellRange | undefined {
    return this.mergeAt.get(this.key(row, col)) ?? this.covered.get(this.key(row, col));
  }

  /** The top-left cell of the merge holding (row, col), or the cell itself. */
  origin(row: number, col: number): { row: number; col: number } {
    const m = this.covered.get(this.key(row, col));
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The cell's value as Excel shows it: a covered cell shows its merge's top-left value. */
  cell(row: number, col: number): Cell {
    const o = this.origin(row, col);
    return this.raw(o.row, o.col);
  }

  isCovered(row: number, col: number): boolean {
    return this.covered.has(this.key(row, col));
  }

  text(row: number, col: number): string {
    const c = this.cell(row, col);
    return c.error ? '' : tidyText(cellText(c.value));
  }

  /** The text a person sees: a number in a percent format shows as "85.53%". */
  display(row: number, col: number): string {
    const c = this.cell(row, col);
    if (c.error) return '';
    if (typeof c.value === 'number' && (c.numberFormat ?? '').includes('%')) {
      const places = /0\.(0+)%/.exec(c.numberFormat ?? '')?.[1].length ?? 0;
      const pct = decimalOf(c.value).times(100);
      return `${places > 0 ? fixedPlaces(pct, places) : plain(pct)}%`;
    }
    return this.text(row, col);
  }

  label(row: number, col: number): string {
    const c = this.cell(row, col);
    return c.error ? '' : labelKey(cellText(c.value));
  }

  address(row: number, col: number): string {
    const o = this.origin(row, col);
    return a1(o.row, o.col);
  }

  /** Columns of a row whose own (non-covered) cell holds something. */
  filledColumns(row: number): number[] {
    const out: number[] = [];
    const r = this.snapshot.cells[row - this.top];
    if (!r) return out;
    for (let i = 0; i < r.length; i++) {
      const v = r[i]?.value;
      if (v !== null && v !== undefined && v !== '') out.push(this.left + i);
    }
    return out;
  }
}
