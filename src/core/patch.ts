// Building cell patches, inverting them, and applying them to a snapshot (for undo and tests).
import type Decimal from 'decimal.js';
import type { Grid } from './grid';
import type { CellRef } from './read';
import { finding } from './findings';
import { parseNumberText } from './cell-number';
import type { Cell, CellPatch, CellState, Finding, PatchReason, Snapshot } from './types';

/** Everything a patch may change, so that restoring it is exact ("General" = no number format). */
export function stateOf(cell: Cell): CellState {
  const s: CellState = { value: cell.value, numberFormat: cell.numberFormat ?? 'General', fill: cell.fill ?? null };
  if (cell.formula !== undefined) s.formula = cell.formula;
  return s;
}

/** How a planned number is written: its format, why, and the text the person will see. */
export interface NumberWrite {
  format: string;
  reason: PatchReason;
  /** The exact text of the value as shown ("1.92", "100.00%"). */
  text: string;
  /** A suggestion for a judgement score the person left empty. */
  suggested?: boolean;
}

/**
 * The cells a rule plans to write. A cell is left out when it already shows the value; a formula
 * is the person's work and never replaced (a formula.kept finding says so when its result
 * differs); a label or an explanation is the person's text, never a place for a figure.
 */
export class WritePlan {
  readonly patches: CellPatch[] = [];

  constructor(
    private readonly grid: Grid,
    /** Where formula.kept findings go. */
    private readonly findings: Finding[],
  ) {}

  number(at: CellRef, value: Decimal, write: NumberWrite): void {
    const grid = this.grid;
    const cell = grid.raw(at.row, at.col);
    if (cell.formula !== undefined) {
      const same = typeof cell.value === 'number' && Math.abs(cell.value - value.toNumber()) < 0.005;
      if (!same) {
        this.findings.push(
          finding(
            'formula.kept',
            grid.sheet,
            at.address,
            `该格是公式 ${cell.formula}，助手不改写公式；按规则应为 ${write.text}，若 Excel 重新计算后仍不是这个数，请核对公式。`,
          ),
        );
      }
      return;
    }
    // The person's text has its own finding (number.invalid); it is never overwritten.
    if (typeof cell.value === 'string' && parseNumberText(cell.value).kind === 'invalid') return;
    const n = value.toNumber();
    // A figure past what a cell can hold (a budget of -5e-324 makes the rate -Infinity) is no write.
    if (!Number.isFinite(n)) return;
    if (typeof cell.value === 'number' && !cell.error && cell.value === n) return;
    const patch: CellPatch = {
      sheet: grid.sheet,
      cell: at.address,
      row: at.row,
      col: at.col,
      set: { value: n, numberFormat: write.format },
      before: stateOf(cell),
      reason: write.reason,
      text: write.text,
    };
    if (write.suggested) patch.suggested = true;
    this.patches.push(patch);
  }

  text(at: CellRef, value: string, reason: PatchReason): void {
    const cell = this.grid.raw(at.row, at.col);
    if (cell.formula !== undefined) {
      if (cell.value !== value) {
        this.findings.push(
          finding(
            'formula.kept',
            this.grid.sheet,
            at.address,
            `该格是公式 ${cell.formula}，助手不改写公式；按规则应为 ${value}，请核对公式。`,
          ),
        );
      }
      return;
    }
    if (cell.value === value) return;
    this.patches.push({
      sheet: this.grid.sheet,
      cell: at.address,
      row: at.row,
      col: at.col,
      set: { value },
      before: stateOf(cell),
      reason,
      text: value,
    });
  }
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
