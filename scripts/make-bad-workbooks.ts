// Writes the catalogue of bad workbooks (docs/limits.md) into a folder: files that are not workbooks at
// all, and workbooks whose sheets hold what people's forms really hold (test/fixtures/bad.ts).
//   npx tsx scripts/make-bad-workbooks.ts <folder>
import { promises as fs } from 'fs';
import path from 'path';
import { stream, Workbook, type CellValue as XValue, type Worksheet } from 'exceljs';
import { badSheetCases, ERROR_VALUE, fillerRow, type BadSheetCase } from '../test/fixtures/bad';
import { seedSketch } from '../test/fixtures/seed';
import type { SheetSketch } from '../src/core/sketch';
import { sketchToWorkbook } from '../src/xlsx/convert';
import type { XlsxFileProblem } from '../src/xlsx/file';

export interface BadCase {
  id: string;
  file: string;
  title: string;
  /** What the command must do with it: refuse it in one line (exit 2), or read it and report findings. */
  expect: 'refusal' | 'findings';
  /** For a refusal, the problem the file door names. */
  problem?: XlsxFileProblem;
}

/** The OLE compound-file signature: an encrypted .xlsx (or a legacy .xls) starts with it. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

async function bufferOf(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Formula cells whose cached value is an error text are written as errors, as Excel saves them. */
function markErrors(ws: Worksheet, s: SheetSketch): void {
  const top = s.origin?.row ?? 1;
  const left = s.origin?.col ?? 1;
  s.rows.forEach((row, r) =>
    row.forEach((c, k) => {
      if (c === null || typeof c !== 'object' || !('formula' in c) || typeof c.value !== 'string' || !ERROR_VALUE.test(c.value)) return;
      const formula = c.formula.replace(/^=/, '');
      ws.getCell(top + r, left + k).value = { formula, result: { error: c.value } } as XValue;
    }),
  );
}

async function sheetWorkbook(c: BadSheetCase): Promise<Workbook> {
  const wb = sketchToWorkbook(c.sheets);
  c.sheets.forEach((s) => markErrors(wb.getWorksheet(s.name) as Worksheet, s));
  const first = wb.worksheets[0];
  if (c.hidden) {
    for (const row of c.hidden.rows) first.getRow(row).hidden = true;
    for (const col of c.hidden.cols) first.getColumn(col).hidden = true;
  }
  if (c.protectedSheet) {
    const ws = wb.getWorksheet(c.protectedSheet) as Worksheet;
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  }
  return wb;
}

/**
 * A one-sheet case with filler rows, streamed to disk: the form's cells, styles and merges copied
 * from the built workbook, then the filler row by row (the whole sheet in memory would take ~1 GB).
 */
async function writeWithFiller(c: BadSheetCase, filler: { fromRow: number; toRow: number }, file: string): Promise<void> {
  const form = (await sheetWorkbook(c)).worksheets[0];
  const book = new stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const ws = book.addWorksheet(form.name);
  form.columns.forEach((col, i) => {
    if (col.width) ws.getColumn(i + 1).width = col.width;
  });
  for (let r = 1; r <= form.rowCount; r++) {
    const from = form.getRow(r);
    const to = ws.getRow(r);
    if (from.height) to.height = from.height;
    from.eachCell((cell, col) => {
      const copy = to.getCell(col);
      copy.value = cell.value;
      copy.style = cell.style;
    });
  }
  for (const range of form.model.merges) ws.mergeCells(range);
  for (let r = filler.fromRow; r <= filler.toRow; r++) {
    const row = ws.getRow(r);
    row.values = fillerRow(r);
    row.commit();
  }
  ws.commit();
  await book.commit();
}

/** The cases that are not workbooks the command can open, and the problem the file door names. */
export const FILE_CASES: { id: string; title: string; problem: XlsxFileProblem }[] = [
  { id: 'not-xlsx', title: '改了扩展名的文本文件 / a text file renamed .xlsx', problem: 'not-xlsx' },
  { id: 'truncated', title: '下载中断、不完整的 zip / a truncated zip', problem: 'corrupt' },
  { id: 'encrypted', title: '设有打开密码的文件（OLE 复合文档）/ an encrypted file (OLE compound document)', problem: 'encrypted' },
  { id: 'no-sheets', title: '没有工作表的工作簿 / a workbook with 0 sheets', problem: 'no-sheets' },
];

async function fileBytes(id: string): Promise<Uint8Array> {
  switch (id) {
    case 'not-xlsx':
      return new TextEncoder().encode('部门整体支出绩效自评表\n这是从网页复制的文字，不是工作簿。\n');
    case 'truncated': {
      const seed = await bufferOf(sketchToWorkbook([seedSketch]));
      return seed.slice(0, Math.floor(seed.length * 0.6));
    }
    case 'encrypted': {
      const ole = new Uint8Array(4096);
      ole.set(OLE);
      return ole;
    }
    default:
      return bufferOf(new Workbook());
  }
}

/** Every case in catalogue order, without writing anything (tests name their cases from it). */
export function badCatalogue(): Omit<BadCase, 'file'>[] {
  return [
    ...FILE_CASES.map((c) => ({ ...c, expect: 'refusal' as const })),
    ...badSheetCases().map((c) => ({ id: c.id, title: c.title, expect: 'findings' as const })),
  ];
}

/** Write every case into `dir` (created if needed), named "NN-id.xlsx" in catalogue order. */
export async function makeBadWorkbooks(dir: string): Promise<BadCase[]> {
  await fs.mkdir(dir, { recursive: true });
  const sheets = new Map(badSheetCases().map((c) => [c.id, c]));
  const cases: BadCase[] = [];
  for (const [i, c] of badCatalogue().entries()) {
    const file = path.join(dir, `${String(i + 1).padStart(2, '0')}-${c.id}.xlsx`);
    const sheet = sheets.get(c.id);
    if (!sheet) await fs.writeFile(file, await fileBytes(c.id));
    else if (sheet.filler) await writeWithFiller(sheet, sheet.filler, file);
    else await fs.writeFile(file, await bufferOf(await sheetWorkbook(sheet)));
    cases.push({ ...c, file });
  }
  return cases;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('用法 usage: npx tsx scripts/make-bad-workbooks.ts <folder>');
    process.exit(2);
  }
  makeBadWorkbooks(dir).then(
    (cases) => {
      for (const c of cases) console.log(`${path.relative(process.cwd(), c.file)}  ${c.title}`);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
