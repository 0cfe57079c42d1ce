// Building cell patches, inverting them, and applying them to a snapshot (for undo and tests).
import type Decimal from 'decimal.js';
import type { Grid } from './grid';
import type { CellRef } from './read';
import { finding } from './findings';
import { parseNumberText } from './number';
import type { Cell, CellPatch, CellState, Finding, PatchReason, Snapshot } from './types';

/** Everything a patch may change, so that restoring it is exact ("General" = no number format). */
export function stateOf(cell: Cell): CellState {
  const s: CellState = { value: cell.value, numberFormat: cell.numberFormat ?? 'General', fill: cell.fill ?? null };
  if (cell.formula !== undefined) s.formula = cell.formula;
  return s;
}

/**
 * A number to write with its format, unless the cell already holds that very number. A formula is
 * the person's work and is never replaced: when its result differs, say so instead. Returns null
 * when nothing is to be written.
 */
export function writeNumber(
  grid: Grid,
  at: CellRef,
  value: Decimal,
  numberFormat: string,
  reason: PatchReason,
  text: string,
  findings: Finding[],
  suggested = false,
): CellPatch | null {
  const cell = grid.raw(at.row, at.col);
  if (cell.formula !== undefined) {
    const same = typeof cell.value === 'number' && Math.abs(cell.value - value.toNumber()) < 0.005;
    if (!same) {
      findings.push(finding('formula.kept', grid.sheet, at.address, `该格是公式 ${cell.formula}，助手不改写公式；按规则应为 ${text}，若 Excel 重新计算后仍不是这个数，请核对公式。`));
    }
    return null;
  }
  // A label or an explanation is the person's text, never a place for a figure (its finding says so).
  if (typeof cell.value === 'string' && parseNumberText(cell.value).kind === 'invalid') return null;
  const n = value.toNumber();
  if (typeof cell.value === 'number' && !cell.error && cell.value === n) return null;
  const patch: CellPatch = {
    sheet: grid.sheet,
    cell: at.address,
    row: at.row,
    col: at.col,
    set: { value: n, numberFormat },
    before: stateOf(cell),
    reason,
    text,
  };
  if (suggested) patch.suggested = true;
  return patch;
}

export function textPatch(grid: Grid, at: CellRef, value: string, reason: PatchReason): CellPatch | null {
  const cell = grid.raw(at.row, at.col);
  if (cell.value === value && cell.formula === undefined) return null;
  return { sheet: grid.sheet, cell: at.address, row: at.row, col: at.col, set: { value }, before: stateOf(cell), reason, text: value };
}

/** The patches that put back what `patches` replaced, in reverse order. */
export function inversePatches(patches: CellPatch[]): CellPatch[] {
  return [...patches].reverse().map((p) => {
    const after: CellState = { value: p.set.value !== undefined ? p.set.value : p.before.value };
    return { sheet: p.sheet, cell: p.cell, row: p.row, col: p.col, set: { ...p.before }, before: after, reason: 'restore' as const };
  });
}

/** A copy of the snapshot with the patches applied (cells outside it are added). */
export function applyToSnapshot(snapshot: Snapshot, patches: CellPatch[]): Snapshot {
  const cells = snapshot.cells.map((row) => row.map((c) => ({ ...c })));
  for (const p of patches) {
    if (p.sheet !== snapshot.sheet) continue;
    const r = p.row - snapshot.top;
    const c = p.col - snapshot.left;
    if (r < 0 || c < 0) continue;
    while (cells.length <= r) cells.push([]);
    while (cells[r].length <= c) cells[r].push({ value: null });
    const cell: Cell = { ...cells[r][c] };
    if ('value' in p.set) cell.value = p.set.value ?? null;
    if ('formula' in p.set) {
      if (p.set.formula === undefined) delete cell.formula;
      else cell.formula = p.set.formula;
    }
    if ('numberFormat' in p.set) {
      if (p.set.numberFormat === undefined || p.set.numberFormat === 'General') delete cell.numberFormat;
      else cell.numberFormat = p.set.numberFormat;
    }
    if ('fill' in p.set) {
      if (p.set.fill === null || p.set.fill === undefined) delete cell.fill;
      else cell.fill = p.set.fill;
    }
    if ('value' in p.set) delete cell.error;
    cells[r][c] = cell;
  }
  return { ...snapshot, cells };
}
