import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { analyzeSheet } from '../../src/core/engine';
import type { FormReport, SheetReport } from '../../src/core/report';
import { seedSketch } from '../fixtures/seed';
import { sketchToSnapshot } from '../../src/core/sketch';
import type { Finding, Severity } from '../../src/core/types';
import { reviewWorkbook } from '../../src/xlsx/review-book';
import { reviewCsv } from '../../src/xlsx/review-csv';
import type { ReviewFile } from '../../src/xlsx/review-rows';

const finding = (severity: Severity, cell: string, code: string, message = `${code} 说明`, sheet = 'Sheet1'): Finding => ({
  code,
  severity,
  sheet,
  cell,
  message,
});

function form(over: Partial<FormReport>): FormReport {
  return {
    sheet: 'Sheet1',
    type: 'department',
    layout: 'standard',
    scoring: 'scored',
    anchor: 'A1',
    unit: '株洲市公安局渌口分局',
    year: '2022',
    goals: [],
    budget: {
      cell: 'G5',
      unit: '万元',
      initial: '5685.44',
      planned: '8016.09',
      executed: '8016.09',
      rate: '100.00%',
      weight: '10',
      score: '10.00',
      enteredRate: '100%',
      enteredScore: '10',
      scoreCell: 'H5',
      sources: [],
    },
    indicators: [],
    levels: [],
    total: { cell: 'H40', weightCell: 'G40', weight: '100', score: '97.87', complete: true, enteredWeight: '100', enteredScore: '96' },
    grade: '优',
    gradeCell: null,
    enteredGrade: null,
    findings: [],
    writes: [],
    marks: [],
    ...over,
  };
}

const sheet = (forms: FormReport[], findings: Finding[] = [], name = 'Sheet1'): SheetReport => ({ sheet: name, forms, findings });

const files: ReviewFile[] = [
  { file: 'forms/clean.xlsx', error: null, sheets: [sheet([form({ unit: '区财政局', total: null, grade: null })])] },
  {
    file: 'forms/lukou.xlsx',
    error: null,
    sheets: [
      sheet([
        form({
          findings: [
            finding('info', 'G20', 'indicator.over-achieved'),
            finding('warning', 'H14', 'score.mismatch'),
            finding('error', 'I20', 'deviation.missing'),
            finding('error', 'H40', 'total.mismatch'),
            finding('warning', 'G5', 'budget.rate-mismatch'),
          ],
        }),
      ]),
      sheet([], [finding('error', 'A1', 'form.not-found', '未找到自评表', '封面')], '封面'),
    ],
  },
  { file: 'forms/broken.xlsx', error: '不是有效的 xlsx 文件 / not an xlsx file', sheets: [] },
  {
    file: 'forms/evil.xlsx',
    error: null,
    sheets: [
      sheet([
        form({
          unit: '=HYPERLINK("http://x","点我")',
          year: '+2022',
          findings: [finding('warning', 'D9', 'indicator.unparsed', '-1+1 无法读取', '@SUM(A1:A2)')],
        }),
      ]),
    ],
  },
  { file: 'forms/notes.xlsx', error: null, sheets: [sheet([], [finding('error', 'A1', 'form.not-found', '未找到自评表')], '说明')] },
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'review-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readBack(): Promise<ExcelJS.Workbook> {
  const out = join(dir, 'review.xlsx');
  writeFileSync(out, await reviewWorkbook(files));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return wb;
}

const rowTexts = (ws: ExcelJS.Worksheet, r: number) =>
  (ws.getRow(r).values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? '' : v));

describe('review workbook', () => {
  test('one row per form, the worst first, with figures as numbers', async () => {
    const ws = (await readBack()).worksheets[0];
    expect(ws.name).toBe('汇总 Summary');
    expect(ws.rowCount).toBe(6);
    const order = [2, 3, 4, 5, 6].map((r) => [ws.getCell(`A${r}`).value, ws.getCell(`B${r}`).value]);
    expect(order).toEqual([
      ['forms/broken.xlsx', ''],
      ['forms/lukou.xlsx', 'Sheet1'],
      ['forms/notes.xlsx', '说明'],
      ['forms/evil.xlsx', 'Sheet1'],
      ['forms/clean.xlsx', 'Sheet1'],
    ]);
    const lukou = rowTexts(ws, 3);
    expect(lukou.slice(0, 11)).toEqual([
      'forms/lukou.xlsx',
      'Sheet1',
      '株洲市公安局渌口分局',
      '2022',
      '部门整体支出 / department',
      1,
      96,
      97.87,
      '优',
      2,
      2,
    ]);
    expect(ws.getCell('F3').numFmt).toBe('0.00%');
    expect(ws.getCell('H3').numFmt).toBe('0.00');
    // The three most serious: both errors, then the first warning; never the info.
    expect(lukou.slice(12)).toEqual([
      '[错误] I20 deviation.missing：deviation.missing 说明',
      '[错误] H40 total.mismatch：total.mismatch 说明',
      '[警告] H14 score.mismatch：score.mismatch 说明',
    ]);
    // The cover sheet beside a real form gets no row of its own.
    expect(order.filter(([f]) => f === 'forms/lukou.xlsx')).toHaveLength(1);
  });

  test('an unreadable file is a row with its error', async () => {
    const ws = (await readBack()).worksheets[0];
    expect(ws.getCell('L2').value).toBe('无法读取 / unreadable');
    expect(ws.getCell('M2').value).toBe('[错误] 不是有效的 xlsx 文件 / not an xlsx file');
    expect(ws.getCell('J2').value).toBe(1);
  });

  test('frozen header and autofilter on both sheets', async () => {
    const wb = await readBack();
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBe(`A1:${ws.getRow(1).cellCount === 15 ? 'O' : 'F'}${ws.rowCount}`);
      expect(ws.getColumn(1).width).toBeGreaterThan(20);
    }
  });

  test('the second sheet lists every finding, unreadable files included', async () => {
    const ws = (await readBack()).worksheets[1];
    expect(ws.name).toBe('问题清单 Findings');
    expect(ws.rowCount).toBe(1 + 1 + 5 + 1 + 1 + 1);
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => rowTexts(ws, i + 2));
    expect(rows).toContainEqual(['forms/lukou.xlsx', '封面', 'A1', 'form.not-found', '错误 / error', '未找到自评表']);
    expect(rows).toContainEqual([
      'forms/broken.xlsx',
      '',
      '',
      'file.unreadable',
      '错误 / error',
      '不是有效的 xlsx 文件 / not an xlsx file',
    ]);
  });

  test('text from a form that looks like a formula stays text', async () => {
    const wb = await readBack();
    const summary = wb.worksheets[0];
    const unit = summary.getCell('C5');
    expect(unit.formula).toBeUndefined();
    expect(unit.type).toBe(ExcelJS.ValueType.String);
    expect(unit.value).toBe('=HYPERLINK("http://x","点我")');
    expect(summary.getCell('D5').value).toBe('+2022');
    const details = wb.worksheets[1];
    const evil = Array.from({ length: details.rowCount }, (_, i) => details.getRow(i + 1)).find(
      (r) => r.getCell(1).value === 'forms/evil.xlsx',
    );
    expect(evil?.getCell(2).value).toBe('@SUM(A1:A2)');
    expect(evil?.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(evil?.getCell(6).value).toBe('-1+1 无法读取');
  });
});

describe('review CSV', () => {
  const csv = reviewCsv(files);
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');

  test('starts with a BOM, ends lines with CRLF and holds the same rows as the summary sheet', () => {
    expect(csv.startsWith('\uFEFF文件 / File,')).toBe(true);
    expect(lines).toHaveLength(1 + 5 + 1);
    expect(lines[6]).toBe('');
    expect(
      lines[2].startsWith('forms/lukou.xlsx,Sheet1,株洲市公安局渌口分局,2022,部门整体支出 / department,100.00%,96.00,97.87,优,2,2,'),
    ).toBe(true);
  });

  test('quotes fields with commas and quotes, and defuses formula-like text', () => {
    expect(lines[4]).toContain(`,"'=HYPERLINK(""http://x"",""点我"")",'+2022,`);
  });

  test('empty figures stay empty', () => {
    expect(lines[5]).toMatch(/^forms\/clean\.xlsx,Sheet1,区财政局,2022,部门整体支出 \/ department,100\.00%,,,,0,0,/);
  });
});

describe('a review of the seed form through the engine', () => {
  test('its row shows the unit, the entered 96 beside the recomputed total, and no errors', () => {
    const seed: ReviewFile = { file: 'lukou.xlsx', error: null, sheets: [analyzeSheet(sketchToSnapshot(seedSketch))] };
    const [, row] = reviewCsv([seed]).split('\r\n');
    expect(
      row.startsWith('lukou.xlsx,部门整体支出绩效自评表,株洲市公安局渌口分局,2022,部门整体支出 / department,100.00%,96.00,97.87,优,0,'),
    ).toBe(true);
  });
});
