// Why part of the work was done another way, for the pane to say so, and the most a read takes.

export type Notice =
  /** The host cannot report merged cells (Excel below ExcelApi 1.13). */
  | 'no-merges'
  /** The host cannot tell a white fill from none (Excel below ExcelApi 1.9). */
  | 'no-fills'
  /** A protected sheet was checked but not highlighted. */
  | 'protected-no-marks'
  /** A protected sheet allows values in its unlocked cells but no formats: values were written without number formats. */
  | 'protected-values-only'
  /** The used range went beyond the read window. */
  | 'partial-read';

/**
 * The most a read takes, from the used range's top-left cell: forms of several thousand indicator
 * rows fit; a ledger of a hundred thousand rows below a form is not read to its end.
 */
export const READ_WINDOW = { rows: 10000, columns: 30 };
