// One file through the engine: open it, snapshot each sheet, analyse. Whatever goes wrong becomes
// the file's `error` line, so a batch goes on with the next file.
import { analyzeWorkbook } from '../core/engine';
import type { Profile } from '../core/profile';
import type { Snapshot } from '../core/types';
import { asFileError, type XlsxBook } from '../xlsx/book';
import { openXlsxFile } from '../xlsx/file';
import { XlsxFileError } from '../xlsx/errors';
import { DEFAULT_LIMITS, type ReadLimits } from '../xlsx/limits';
import type { SheetEntry } from '../xlsx/package';
import type { ReviewFile } from '../xlsx/review-rows';

/** The sheets a command works on: all of them, or the one --sheet names. */
export function chosenSheets(book: XlsxBook, sheet: string | null): SheetEntry[] {
  if (sheet === null) return book.sheets;
  const found = book.sheets.filter((s) => s.name === sheet);
  if (found.length === 0) {
    const names = book.sheets.map((s) => `“${s.name}”`).join('、');
    throw new XlsxFileError(book.file, 'no-sheets', `没有名为“${sheet}”的工作表，现有 ${names}（no sheet named ${sheet}）`);
  }
  return found;
}

/** The snapshots of the chosen sheets. */
export function chosenSnapshots(book: XlsxBook, sheet: string | null): Snapshot[] {
  return chosenSheets(book, sheet).map((s) => book.snapshot(s));
}

/** Check one file; never throws. */
export async function checkFile(
  file: string,
  profile: Profile,
  sheet: string | null,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<ReviewFile> {
  try {
    const book = await openXlsxFile(file, limits);
    return { file, error: null, sheets: analyzeWorkbook(chosenSnapshots(book, sheet), profile) };
  } catch (e) {
    return { file, error: asFileError(file, e).message, sheets: [] };
  }
}
