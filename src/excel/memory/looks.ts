// How cells look in the in-memory Excel and WPS: borders per edge, alignment, bold and size, as
// Excel keeps them per cell. Both models write here through their own API (Office.js range.format,
// WPS Range.Borders / HorizontalAlignment / Font), so tests and the demo grid see what a person would.
import type { CellRange } from '../../core/types';

export type Edge = 'top' | 'bottom' | 'left' | 'right';

/** The border lines Office.js (Excel.BorderIndex) and WPS (XlBordersIndex) name on a range. */
export type BorderIndex = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

export interface CellLook {
  /** Edges with a line (thin, continuous: the only kind the add-in draws). */
  edges: Edge[];
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  bold?: boolean;
  /** Font size in points. */
  size?: number;
}

const NO_LOOK: CellLook = { edges: [] };

/** Per cell, keyed "row,col"; a cell never styled is absent. */
export class LookStore {
  private readonly cells = new Map<string, CellLook>();

  get(row: number, col: number): CellLook {
    const look = this.cells.get(`${row},${col}`);
    return look ? { ...look, edges: [...look.edges] } : NO_LOOK;
  }

  patch(range: CellRange, change: Partial<Omit<CellLook, 'edges'>>): void {
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) this.cells.set(`${r},${c}`, { ...this.get(r, c), ...change });
    }
  }

  /** One border line of a range switched on or off, on every cell edge it runs along (as Excel draws it). */
  line(range: CellRange, index: BorderIndex, on: boolean): void {
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        const edges = new Set(this.get(r, c).edges);
        for (const edge of edgesOf(range, index, r, c)) {
          if (on) edges.add(edge);
          else edges.delete(edge);
        }
        this.cells.set(`${r},${c}`, { ...this.get(r, c), edges: [...edges] });
      }
    }
  }
}

/** The edges of cell (r, c) that a range's border line covers. */
function edgesOf(range: CellRange, index: BorderIndex, r: number, c: number): Edge[] {
  switch (index) {
    case 'EdgeTop':
      return r === range.top ? ['top'] : [];
    case 'EdgeBottom':
      return r === range.bottom ? ['bottom'] : [];
    case 'EdgeLeft':
      return c === range.left ? ['left'] : [];
    case 'EdgeRight':
      return c === range.right ? ['right'] : [];
    case 'InsideHorizontal':
      return [...(r > range.top ? (['top'] as const) : []), ...(r < range.bottom ? (['bottom'] as const) : [])];
    case 'InsideVertical':
      return [...(c > range.left ? (['left'] as const) : []), ...(c < range.right ? (['right'] as const) : [])];
  }
}

export const BORDER_INDEXES: readonly BorderIndex[] = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
];
