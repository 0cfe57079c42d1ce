// A sheet described in code: rows of cell contents, merges and number formats. The blank template,
// the samples and the test fixtures are built this way; doors turn a sketch into a Snapshot or a workbook.
import { a1, columnLetters, parseA1, parseRange as parseAddressRange, rangeText } from './address';
import type { Cell, CellRange, Snapshot } from './types';

export type SketchCell = string | number | null | { formula: string; value?: string | number | null } | { error: string };

/**
 * How a block of cells looks, in the few terms every door can set with one call per block (Office.js
 * range.format, WPS Range, exceljs styles, the demo's grid). Looks apply in order; a later one wins.
 */
export interface SketchLook {
  /** 'A3:I30' or 'A1', absolute. */
  range: string;
  /** Thin black lines around and between every cell of the range, as on the printed forms. */
  grid?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle';
  wrap?: boolean;
  bold?: boolean;
  /** Font size in points. */
  size?: number;
}

export interface SheetSketch {
  name: string;
  /** Rows of cell contents from `origin` (default A1); null = empty. */
  rows: SketchCell[][];
  /** Absolute 1-based position of rows[0][0]. */
  origin?: { row: number; col: number };
  /** 'A5:A11' style, absolute addresses. */
  merges?: string[];
  /** Absolute address → number format, e.g. 'H14': '0.00'. */
  formats?: Record<string, string>;
  /** Column letter → width in characters. */
  widths?: Record<string, number>;
  /** Borders, alignment and bold, block by block. */
  looks?: SketchLook[];
}

/** 'A5:A11' (or a single 'A5') to a range; throws on a malformed address, which is a bug in a sketch. */
export function parseRange(text: string): CellRange {
  const range = parseAddressRange(text);
  if (!range) throw new Error(`Not a range: ${text}`);
  return range;
}

/** The content of one sketch cell as a snapshot cell (without its number format). */
export function sketchCell(c: SketchCell): Cell {
  if (c === null) return { value: null };
  if (typeof c === 'string' || typeof c === 'number') return { value: c };
  if ('error' in c) return { value: c.error, error: true };
  const formula = c.formula.startsWith('=') ? c.formula : `=${c.formula}`;
  return { value: c.value ?? null, formula };
}

export function sketchToSnapshot(s: SheetSketch): Snapshot {
  const top = s.origin?.row ?? 1;
  const left = s.origin?.col ?? 1;
  const formats = s.formats ?? {};
  const cells = s.rows.map((row, r) =>
    row.map((c, k) => {
      const cell = sketchCell(c);
      const format = formats[a1(top + r, left + k)];
      return format ? { ...cell, numberFormat: format } : cell;
    }),
  );
  return { sheet: s.name, top, left, cells, merges: (s.merges ?? []).map(parseRange), mergesKnown: true };
}

/** The same sheet moved so that its first cell sits at `origin`: rows, merges, formats, widths and looks follow. */
export function moveSketch(s: SheetSketch, origin: { row: number; col: number }, name = s.name): SheetSketch {
  const dr = origin.row - (s.origin?.row ?? 1);
  const dc = origin.col - (s.origin?.col ?? 1);
  const moveCell = (address: string): string => {
    const p = parseA1(address);
    if (!p) throw new Error(`Not an address: ${address}`);
    return a1(p.row + dr, p.col + dc);
  };
  const moveRange = (text: string): string => {
    const r = parseRange(text);
    return rangeText({ top: r.top + dr, left: r.left + dc, bottom: r.bottom + dr, right: r.right + dc });
  };
  const formats: Record<string, string> = {};
  for (const [address, format] of Object.entries(s.formats ?? {})) formats[moveCell(address)] = format;
  const widths: Record<string, number> = {};
  for (const [letters, width] of Object.entries(s.widths ?? {})) {
    const p = parseA1(`${letters}1`);
    if (p) widths[columnLetters(p.col + dc)] = width;
  }
  const looks = (s.looks ?? []).map((look) => ({ ...look, range: moveRange(look.range) }));
  return { name, rows: s.rows, origin, merges: (s.merges ?? []).map(moveRange), formats, widths, looks };
}
