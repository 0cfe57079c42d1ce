// How much of a workbook the file door reads, counted on every part of the zip before anything is
// unpacked, and on every sheet while it is read. docs/limits.md gives the measured time and memory.

export interface ReadLimits {
  /** The .xlsx file itself. */
  fileBytes: number;
  /** Any one part (a sheet, the styles, a theme, an image…) once unpacked. */
  partBytes: number;
  /** All parts together once unpacked. */
  totalBytes: number;
  /** Number of parts (zip entries). */
  parts: number;
  /** Cells a sheet may hold (each <c> element counts). */
  cellsPerSheet: number;
  /** Merged areas a sheet may hold. */
  mergesPerSheet: number;
}

const MB = 1024 * 1024;

/** `--max-mb N`: the file N MB, each part 2N MB and all parts 4N MB unpacked; cells and merges scale with N. */
export function limitsForMegabytes(n: number): ReadLimits {
  return {
    fileBytes: n * MB,
    partBytes: 2 * n * MB,
    totalBytes: 4 * n * MB,
    parts: 10_000,
    cellsPerSheet: 40_000 * n,
    mergesPerSheet: 2_000 * n,
  };
}

/** --max-mb 50: a 50 MB file, 100 MB per part, 200 MB in all, 2,000,000 cells and 100,000 merges a sheet. */
export const DEFAULT_LIMITS: ReadLimits = limitsForMegabytes(50);

export function sizeText(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}
