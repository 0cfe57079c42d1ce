// One file through the engine: open it, snapshot each sheet, analyse. Whatever goes wrong becomes
// the file's `error` line, so a batch goes on with the next file.
import type { Workbook } from 'exceljs';
import { analyzeWorkbook as analyzeSnapshots } from '../core/engine';
import type { Profile } from '../core/profile';
import type { SheetReport } from '../core/report';
import { worksheetToSnapshot } from '../xlsx/convert';
import { DEFAULT_LIMITS, loadWorkbook, XlsxFileError, type ReadLimits } from '../xlsx/file';
import type { ReviewFile } from '../xlsx/review-rows';

/** Why something failed, in one line. */
export function reason(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

/** The worksheets a command works on: all of them, or the one --sheet names. */
export function chosenSheets(file: string, wb: Workbook, sheet: string | null): Workbook['worksheets'] {
  if (sheet === null) return wb.worksheets;
  const found = wb.worksheets.filter((ws) => ws.name === sheet);
  if (found.length === 0) {
    const names = wb.worksheets.map((ws) => `“${ws.name}”`).join('、');
    throw new XlsxFileError(file, 'no-sheets', `没有名为“${sheet}”的工作表，现有 ${names}（no sheet named ${sheet}）`);
  }
  return found;
}

export function analyzeWorkbook(file: string, wb: Workbook, profile: Profile, sheet: string | null): SheetReport[] {
  const snapshots = chosenSheets(file, wb, sheet).map((ws) => {
    try {
      return worksheetToSnapshot(ws);
    } catch (e) {
      throw new Error(`${file}：分析工作表“${ws.name}”时出错：${reason(e)}（internal error）`, { cause: e });
    }
  });
  return analyzeSnapshots(snapshots, profile);
}

/** Check one file; never throws. */
export async function checkFile(file: string, profile: Profile, sheet: string | null, limits: ReadLimits = DEFAULT_LIMITS): Promise<ReviewFile> {
  try {
    const wb = await loadWorkbook(file, limits);
    return { file, error: null, sheets: analyzeWorkbook(file, wb, profile, sheet) };
  } catch (e) {
    const message = e instanceof XlsxFileError ? e.message : reason(e);
    return { file, error: message.startsWith(file) ? message : `${file}：${message}`, sheets: [] };
  }
}
