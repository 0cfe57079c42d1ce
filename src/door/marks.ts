// The add-in's highlights: three fill colours it records cell by cell with the fill each replaced,
// so that removing them gives back exactly the person's own fills (pure; the door writes the plan).
import type { Mark, MarkKind } from '../core/report';
import type { MarkEntry } from './records';

export const MARK_COLORS: Record<MarkKind, string> = {
  /** A row that needs a 偏差原因 explanation and has none: amber. */
  'needs-explanation': '#FFEB9C',
  /** A row that lost points and says why: light blue, for the reviewer. */
  'explained-loss': '#DDEBF7',
  /** A cell with an error: light red. */
  error: '#FFC7CE',
};

const PRIORITY: Record<MarkKind, number> = { error: 3, 'needs-explanation': 2, 'explained-loss': 1 };

export interface FillWrite {
  sheet: string;
  cell: string;
  row: number;
  col: number;
  /** "#RRGGBB", or null to remove the fill. */
  fill: string | null;
}

/** The current fill of a cell: "#RRGGBB", null for none. */
export type FillLookup = (sheet: string, row: number, col: number) => string | null;

const keyOf = (m: { sheet: string; row: number; col: number }): string => `${m.sheet}\u0000${m.row}\u0000${m.col}`;

/**
 * Bring the highlights on `sheets` to `desired`. A recorded mark whose cell no longer shows the
 * add-in's colour was recoloured by the person: that fill becomes the one to give back later.
 */
export function planMarks(
  desired: Mark[],
  stored: MarkEntry[],
  currentFill: FillLookup,
  sheets: ReadonlySet<string>,
): { writes: FillWrite[]; stored: MarkEntry[] } {
  const want = new Map<string, Mark>();
  for (const m of desired) {
    if (!sheets.has(m.sheet)) continue;
    const had = want.get(keyOf(m));
    if (!had || PRIORITY[m.kind] > PRIORITY[had.kind]) want.set(keyOf(m), m);
  }
  const writes: FillWrite[] = [];
  const next: MarkEntry[] = [];
  const seen = new Set<string>();
  for (const s of stored) {
    if (!sheets.has(s.sheet)) {
      next.push(s);
      continue;
    }
    const key = keyOf(s);
    if (seen.has(key)) continue;
    seen.add(key);
    const current = currentFill(s.sheet, s.row, s.col);
    const ours = current === s.color;
    const wanted = want.get(key);
    if (!wanted) {
      if (ours) writes.push({ sheet: s.sheet, cell: s.cell, row: s.row, col: s.col, fill: s.before });
      continue;
    }
    const color = MARK_COLORS[wanted.kind];
    if (current !== color) writes.push({ sheet: s.sheet, cell: s.cell, row: s.row, col: s.col, fill: color });
    next.push({ ...s, kind: wanted.kind, color, before: ours ? s.before : current });
  }
  for (const [key, m] of want) {
    if (seen.has(key)) continue;
    const color = MARK_COLORS[m.kind];
    const current = currentFill(m.sheet, m.row, m.col);
    if (current !== color) writes.push({ sheet: m.sheet, cell: m.cell, row: m.row, col: m.col, fill: color });
    next.push({ sheet: m.sheet, cell: m.cell, row: m.row, col: m.col, kind: m.kind, color, before: current });
  }
  return { writes, stored: next };
}

/** Remove the recorded highlights still showing the add-in's colour; the others were taken over by the person. */
export function planClear(stored: MarkEntry[], currentFill: FillLookup): { writes: FillWrite[]; kept: number } {
  const writes: FillWrite[] = [];
  let kept = 0;
  for (const s of stored) {
    if (currentFill(s.sheet, s.row, s.col) === s.color)
      writes.push({ sheet: s.sheet, cell: s.cell, row: s.row, col: s.col, fill: s.before });
    else kept++;
  }
  return { writes, kept };
}
