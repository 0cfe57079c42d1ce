// The three types that cross the engine's borders (docs/architecture.md): what a door reads
// (Snapshot), what the engine says (Finding) and what a door writes (CellPatch).

export type CellValue = string | number | boolean | null;

/** One cell as the person sees it. */
export interface Cell {
  /** The shown value: a formula's cached result, an error text such as "#DIV/0!", or null when empty. */
  value: CellValue;
  /** The formula with its leading "=", when the cell holds one. */
  formula?: string;
  /** Excel number format code (en-US), e.g. "0.00%"; absent for General. */
  numberFormat?: string;
  /** True when `value` is an Excel error text. */
  error?: boolean;
  /** Solid fill colour "#RRGGBB"; absent when the cell has no fill or the door cannot tell. */
  fill?: string;
}

/** A rectangle of cells, 1-based absolute row and column numbers, inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sheet (or the part of it a door read) as plain data. */
export interface Snapshot {
  sheet: string;
  /** Absolute 1-based row and column of cells[0][0]. */
  top: number;
  left: number;
  /** Rows of cells; a row may be shorter than others (missing cells are empty). */
  cells: Cell[][];
  merges: CellRange[];
  /** False when the host could not report merged areas (Excel below ExcelApi 1.13). */
  mergesKnown: boolean;
}

export type Severity = 'error' | 'warning' | 'info';

/** Something the engine has to say about one cell. Codes are the stable ones of docs/rules.md. */
export interface Finding {
  code: string;
  severity: Severity;
  sheet: string;
  /** A1 address; for a merge, its top-left cell. */
  cell: string;
  /** Plain Chinese: what is wrong and what to do. */
  message: string;
}

/** What a cell holds, as far as a patch changes or restores it. */
export interface CellState {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  /** "#RRGGBB", or null for no fill. */
  fill?: string | null;
}

/** Why a patch exists; the doors use it for colours, labels and undo bookkeeping. */
export type PatchReason = 'rate' | 'budget-score' | 'score' | 'total-weight' | 'total-score' | 'grade' | 'mark' | 'restore';

/** One cell's change, with what was there before so it can be undone exactly. */
export interface CellPatch {
  sheet: string;
  /** A1 address (absolute row/column below). */
  cell: string;
  row: number;
  col: number;
  /** The new state: only the fields present are changed (`fill: null` removes the fill). */
  set: Partial<CellState>;
  before: CellState;
  reason: PatchReason;
  /** The exact text of the new value as the person will see it ("1.92", "100.00%", "优"). */
  text?: string;
  /** True when the value is a suggestion for a judgement score the person left empty. */
  suggested?: boolean;
}
