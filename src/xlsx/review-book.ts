// The review workbook: 汇总 (one row per form, worst first) and 问题清单 (every finding). Everything
// that came from a form is written as a text cell, never as a formula: a unit called
// "=HYPERLINK(…)" must not run in the reviewer's Excel. exceljs creates this new workbook.
import ExcelJS from 'exceljs';
import { findingRows, safeText, SUMMARY_COLUMNS, FINDING_COLUMNS, summaryRows, summaryValues, type ReviewFile } from './review-rows';

function textCell(cell: ExcelJS.Cell, text: string): void {
  // A plain string value is stored as a shared string; exceljs makes a formula only from { formula }.
  cell.value = safeText(text);
  cell.numFmt = '@';
}

function headerRow(sheet: ExcelJS.Worksheet, headers: [string, number][]): void {
  sheet.columns = headers.map(([header, width]) => ({ header, width }));
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.height = 32;
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    c.border = { bottom: { style: 'thin' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
}

/** The filter covers every written row, so sorting from its buttons moves whole rows. */
function filterAll(sheet: ExcelJS.Worksheet, columns: number): void {
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rowCount), column: columns } };
}

/** The review workbook's bytes: 汇总 (one row per form) and 问题清单 (every finding). */
export async function reviewWorkbook(files: ReviewFile[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  wb.created = new Date();

  const summary = wb.addWorksheet('汇总 Summary');
  headerRow(
    summary,
    SUMMARY_COLUMNS.map(([h, w]) => [h, w]),
  );
  summaryRows(files).forEach((r, i) => {
    const row = summary.getRow(i + 2);
    summaryValues(r).forEach((v, k) => {
      const cell = row.getCell(k + 1);
      const kind = SUMMARY_COLUMNS[k][2];
      if (kind === 'text') {
        textCell(cell, typeof v === 'string' ? v : '');
      } else if (typeof v === 'number') {
        cell.value = v;
        cell.numFmt = kind === 'percent' ? '0.00%' : kind === 'score' ? '0.00' : '0';
      }
    });
    row.alignment = { vertical: 'top', wrapText: true };
    if (r.status === 'unreadable' || r.status === 'errors') {
      row.getCell(12).font = { color: { argb: 'FFC00000' }, bold: true };
    }
  });

  filterAll(summary, SUMMARY_COLUMNS.length);

  const details = wb.addWorksheet('问题清单 Findings');
  headerRow(details, FINDING_COLUMNS);
  findingRows(files).forEach((values, i) => {
    const row = details.getRow(i + 2);
    values.forEach((v, k) => textCell(row.getCell(k + 1), v));
    row.alignment = { vertical: 'top', wrapText: true };
  });
  filterAll(details, FINDING_COLUMNS.length);

  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
