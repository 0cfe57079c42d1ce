// Reading a per-cell property that WPS only reports for a whole range when every cell shares it
// (NumberFormat, Interior, MergeCells answer null for a mixed range, as in VBA). The whole block is
// asked first; a mixed block is cut into columns, and a mixed column gives up its runs of equal cells
// from both ends, searching outwards (1, 2, 4, … rows) and then halving. A form's formats change near
// its header and footer, so the long run of indicator rows costs one question whatever its length:
// the calls follow the number of runs, never the number of cells (pure; the caller's `ask` makes the
// object-model calls).
import type { CellRange } from '../core/types';

/** The shared value of every cell in `rect`, or null when they differ. */
export type Ask<T> = (rect: CellRange) => T | null;

/** A mixed column this short is halved: its runs are short too, and searching from its ends would cost more. */
const SHORT = 64;

/** Call `found` with rectangles of equal cells that together cover `rect` exactly once. */
export function probeRegions<T>(rect: CellRange, ask: Ask<T>, found: (rect: CellRange, value: T) => void): void {
  const pending: CellRange[] = [rect];
  while (pending.length > 0) {
    const r = pending.pop() as CellRange;
    const value = ask(r);
    if (value !== null) {
      found(r, value);
    } else if (r.right > r.left) {
      const mid = Math.floor((r.left + r.right) / 2);
      pending.push({ ...r, left: mid + 1 }, { ...r, right: mid });
    } else if (r.bottom > r.top && r.bottom - r.top < SHORT) {
      const mid = Math.floor((r.top + r.bottom) / 2);
      pending.push({ ...r, top: mid + 1 }, { ...r, bottom: mid });
    } else if (r.bottom > r.top) {
      const end = endRun(r, ask);
      if (end.value !== null) found(end.rect, end.value);
      pending.push(end.rest);
    }
    // A single cell that answers null holds nothing to report (the caller's `ask` decides that).
  }
}

/**
 * The run of equal cells at one end of a mixed column. Two searches run side by side, one for the
 * top run and one for the bottom run, each on a yes/no question that is true up to the run's
 * length: asked growing from one cell (1, 2, 4, …) and shrinking from the whole column, then halved
 * once an answer overshoots. Whichever run is found first is returned.
 */
function endRun<T>(col: CellRange, ask: Ask<T>): { rect: CellRange; value: T | null; rest: CellRange } {
  const size = col.bottom - col.top + 1;
  const top = new RunSearch((n) => ask({ ...col, bottom: col.top + n - 1 }), size);
  const bottom = new RunSearch((n) => ask({ ...col, top: col.bottom - n + 1 }), size);
  for (;;) {
    if (top.done()) {
      const n = Math.max(top.lo, 1);
      return { rect: { ...col, bottom: col.top + n - 1 }, value: top.value, rest: { ...col, top: col.top + n } };
    }
    top.step();
    if (bottom.done()) {
      const n = Math.max(bottom.lo, 1);
      return { rect: { ...col, top: col.bottom - n + 1 }, value: bottom.value, rest: { ...col, bottom: col.bottom - n } };
    }
    bottom.step();
  }
}

/** The largest n in [1, size) for which `test(n)` answers (the whole column is known not to). */
class RunSearch<T> {
  lo = 0;
  hi: number;
  value: T | null = null;
  private up = 1;
  private down = 1;
  private halving = false;
  private fromBelow = true;

  constructor(
    private readonly test: (n: number) => T | null,
    size: number,
  ) {
    this.hi = size;
  }

  done(): boolean {
    return this.hi - this.lo <= 1;
  }

  step(): void {
    let n: number;
    if (this.halving) n = Math.floor((this.lo + this.hi) / 2);
    else if (this.fromBelow) n = Math.min(this.lo + this.up, this.hi - 1);
    else n = Math.max(this.hi - this.down, this.lo + 1);
    const v = this.test(n);
    if (v === null) {
      if (!this.halving && this.fromBelow) this.halving = true;
      this.hi = n;
    } else {
      if (!this.halving && !this.fromBelow) this.halving = true;
      this.lo = n;
      this.value = v;
    }
    if (this.fromBelow) this.up *= 2;
    else this.down *= 2;
    this.fromBelow = !this.fromBelow;
  }
}

/** `outer` less `inner`: up to four rectangles (above, below, left, right of the overlap). */
export function subtract(outer: CellRange, inner: CellRange): CellRange[] {
  const top = Math.max(outer.top, inner.top);
  const bottom = Math.min(outer.bottom, inner.bottom);
  const left = Math.max(outer.left, inner.left);
  const right = Math.min(outer.right, inner.right);
  if (top > bottom || left > right) return [outer];
  const out: CellRange[] = [];
  if (outer.top < top) out.push({ ...outer, bottom: top - 1 });
  if (bottom < outer.bottom) out.push({ ...outer, top: bottom + 1 });
  if (outer.left < left) out.push({ top, bottom, left: outer.left, right: left - 1 });
  if (right < outer.right) out.push({ top, bottom, left: right + 1, right: outer.right });
  return out;
}
