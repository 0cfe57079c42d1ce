// The file door's reader (src/xlsx/sheet-read.ts) against today's exceljs path: the same Snapshot on
// every workbook the tests and samples use, and the cases exceljs does not write itself (shared and
// array formulas as Excel stores them, inline strings, phonetic runs, cells without addresses).
import { promises as fs } from 'fs';
import path from 'path';
import { Workbook, type CellValue } from 'exceljs';
import { analyzeSheet } from '../../src/core/engine';
import { a1 } from '../../src/core/address';
import type { Cell, Snapshot } from '../../src/core/types';
import { badSheetCases } from '../../test/fixtures/bad';
import { projectSketch } from '../../test/fixtures/project';
import { seedSketch, seedSketchAt } from '../../test/fixtures/seed';
import type { SheetSketch } from '../../src/core/sketch';
import { XlsxBook } from '../../src/xlsx/book';
import { sketchToWorkbook } from '../../src/xlsx/convert';
import { reviewWorkbook } from '../../src/xlsx/review-book';
import { templateBytes } from '../../src/xlsx/template';
import { seedFormOf } from '../../bench/forms';
import { sheetWorkbook } from '../../scripts/make-bad-workbooks';
import { STANDARD_ROWS, variantSketch } from '../fixtures/variants';
import { partsWorkbook } from './build-xlsx';
import { workbookToSnapshots } from './exceljs-reader';

async function bytesOf(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function door(bytes: Uint8Array): Snapshot[] {
  return XlsxBook.open('test.xlsx', bytes).snapshots();
}

async function exceljs(bytes: Uint8Array): Promise<Snapshot[]> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbookToSnapshots(wb);
}

function cellAt(s: Snapshot, address: string): Cell | undefined {
  for (let r = 0; r < s.cells.length; r++) {
    for (let k = 0; k < s.cells[r].length; k++) if (a1(s.top + r, s.left + k) === address) return s.cells[r][k];
  }
  return undefined;
}

/** exceljs turns a date cell into a Date and back: the same day, up to a rounding in the last bits. */
function rounded(snapshots: Snapshot[]): Snapshot[] {
  return JSON.parse(
    JSON.stringify(snapshots, (_, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v)),
  ) as Snapshot[];
}

describe('cell kinds an exceljs-written file holds', () => {
  let snap: Snapshot;
  beforeAll(async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('C4').value = { richText: [{ text: '全年' }, { text: '执行数', font: { bold: true } }] } as CellValue;
    ws.getCell('D4').value = new Date(Date.UTC(2022, 11, 31));
    ws.getCell('E4').value = { formula: 'F4/G4', result: { error: '#DIV/0!' } } as CellValue;
    ws.getCell('F4').value = { error: '#REF!' } as CellValue;
    ws.getCell('C5').value = { formula: 'D5*2', result: 2 } as CellValue;
    ws.getCell('C6').value = { sharedFormula: 'C5', result: 4 } as CellValue;
    ws.getCell('D5').value = 0.8553;
    ws.getCell('D5').numFmt = '0.00%';
    ws.getCell('E5').value = { text: '说明', hyperlink: 'https://example.org' } as CellValue;
    ws.getCell('F5').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
    ws.getCell('C7').value = '预算申请';
    ws.mergeCells('C7:C9');
    snap = door(await bytesOf(wb))[0];
  });

  it('starts where the content starts', () => {
    expect([snap.top, snap.left, snap.sheet]).toEqual([4, 3, '表']);
  });

  it('flattens rich text and hyperlinks, and turns dates into serial numbers', () => {
    expect(cellAt(snap, 'C4')).toEqual({ value: '全年执行数' });
    expect(cellAt(snap, 'D4')?.value).toBe(44926);
    expect(cellAt(snap, 'E5')).toEqual({ value: '说明' });
  });

  it('keeps formulas with their cached results, shared ones included, and marks errors', () => {
    expect(cellAt(snap, 'E4')).toEqual({ value: '#DIV/0!', formula: '=F4/G4', error: true });
    expect(cellAt(snap, 'F4')).toMatchObject({ value: '#REF!', error: true });
    expect(cellAt(snap, 'C5')).toEqual({ value: 2, formula: '=D5*2' });
    expect(cellAt(snap, 'C6')).toEqual({ value: 4, formula: '=D6*2' });
  });

  it('reads number formats, solid fills and merges', () => {
    expect(cellAt(snap, 'D5')).toEqual({ value: 0.8553, numberFormat: '0.00%' });
    expect(cellAt(snap, 'F5')).toEqual({ value: null, fill: '#FFEB9C' });
    expect(snap.merges).toEqual([{ top: 7, left: 3, bottom: 9, right: 3 }]);
    expect(cellAt(snap, 'C8')?.value ?? null).toBeNull();
  });

  it('gives an empty sheet no cells', async () => {
    const wb = new Workbook();
    wb.addWorksheet('空');
    expect(door(await bytesOf(wb))).toEqual([{ sheet: '空', top: 1, left: 1, cells: [], merges: [], mergesKnown: true }]);
  });
});

/** Every workbook the tests and samples use, as bytes. */
async function fixtures(): Promise<[string, () => Promise<Uint8Array>][]> {
  const sketch = (s: SheetSketch[]) => () => bytesOf(sketchToWorkbook(s));
  const samples = path.join(__dirname, '..', '..', 'assets', 'samples');
  const list: [string, () => Promise<Uint8Array>][] = [
    ['the seed', sketch([seedSketch])],
    ['the seed at F3 beside the project form', sketch([seedSketchAt({ row: 3, col: 6 }), projectSketch])],
    [
      'a variant with a 权重 budget header',
      sketch([variantSketch({ budgetHeader: ['全年预算数', '全年执行数', '执行率', '权重', '得分'] })]),
    ],
    [
      'a variant with an unexplained row',
      sketch([variantSketch({ rows: STANDARD_ROWS.map((r, k) => (k === 1 ? { ...r, why: '' } : r)) })]),
    ],
    ['a generated form of 100 rows', sketch([seedFormOf(100)])],
    ['the department template', () => templateBytes('department', { year: '2025' })],
    ['the project template', () => templateBytes('project', {})],
    [
      'a review workbook',
      async () => reviewWorkbook([{ file: 'a.xlsx', error: null, sheets: [analyzeSheet(door(await sketch([seedSketch])())[0])] }]),
    ],
    ...(await fs.readdir(samples))
      .filter((f) => f.endsWith('.xlsx'))
      .map((f): [string, () => Promise<Uint8Array>] => [`assets/samples/${f}`, async () => fs.readFile(path.join(samples, f))]),
  ];
  for (const c of badSheetCases()) {
    // The 200,000-row case is the same seed with filler streamed below it; its read is timed in the hardening suite.
    if (c.filler) continue;
    list.push([`catalogue: ${c.id}`, async () => bytesOf(await sheetWorkbook(c))]);
  }
  return list;
}

describe('the same Snapshot as the exceljs path', () => {
  let cases: [string, () => Promise<Uint8Array>][] = [];
  beforeAll(async () => {
    cases = await fixtures();
  });

  test('on every workbook the tests and samples use', async () => {
    expect(cases.length).toBeGreaterThan(15);
    for (const [name, make] of cases) {
      const bytes = await make();
      const ours = door(bytes);
      expect(ours.length).toBeGreaterThan(0);
      expect({ name, snapshots: rounded(ours) }).toEqual({ name, snapshots: rounded(await exceljs(bytes)) });
    }
  }, 60_000);
});

describe('what Excel writes and exceljs does not', () => {
  const strings = [
    '<si><t>预算执行率</t></si>',
    '<si><r><t>全年</t></r><r><rPr><b/></rPr><t>执行数</t></r><rPh sb="0" eb="2"><t>ぜんねん</t></rPh></si>',
    '<si><t xml:space="preserve">第一行_x000D_\n第二行 </t></si>',
  ];
  const sheet =
    '<sheetData>' +
    '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c></row>' +
    '<row r="3"><c r="B3"><f>C3*2</f><v>4</v></c><c r="C3"><v>2</v></c><c r="D3"><f t="shared" ref="D3:D5" si="0">B3+$C$3</f><v>6</v></c></row>' +
    '<row r="4"><c r="B4" t="inlineStr"><is><t>行内文字</t></is></c><c r="D4"><f t="shared" si="0"/><v>7</v></c></row>' +
    '<row r="5"><c r="B5" t="b"><v>1</v></c><c r="D5"><f t="shared" si="0"/><v>8</v></c></row>' +
    '<row r="6"><c r="B6" t="e"><v>#N/A</v></c><c r="C6" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>' +
    '</sheetData>';
  let snap: Snapshot;
  let theirs: Snapshot;
  beforeAll(async () => {
    const bytes = partsWorkbook({ sheets: [{ name: '表', body: sheet }], sharedStrings: strings });
    [snap] = door(bytes);
    [theirs] = await exceljs(bytes);
  });

  test('shared strings: rich text joined, phonetic runs left out, _x000D_ decoded', () => {
    expect(cellAt(snap, 'B2')?.value).toBe('预算执行率');
    expect(cellAt(snap, 'C2')?.value).toBe('全年执行数');
    expect(cellAt(snap, 'D2')?.value).toBe('第一行\r\n第二行 ');
  });

  test('shared formulas moved to each cell, as exceljs moves them too', () => {
    expect(cellAt(snap, 'D3')).toEqual({ value: 6, formula: '=B3+$C$3' });
    expect(cellAt(snap, 'D4')).toEqual({ value: 7, formula: '=B4+$C$3' });
    expect(cellAt(snap, 'D5')).toEqual({ value: 8, formula: '=B5+$C$3' });
    expect(cellAt(theirs, 'D5')).toEqual(cellAt(snap, 'D5'));
  });

  test('inline strings, booleans, errors, text results of formulas', () => {
    expect(cellAt(snap, 'B4')).toEqual({ value: '行内文字' });
    expect(cellAt(snap, 'B5')).toEqual({ value: true });
    expect(cellAt(snap, 'B6')).toEqual({ value: '#N/A', error: true });
    expect(cellAt(snap, 'C6')).toEqual({ value: 'ab', formula: '="a"&"b"' });
  });

  test('cells and rows without an address follow the ones before them (exceljs cannot open such a file)', async () => {
    const body = '<sheetData><row r="6"><c r="C6"><v>0</v></c></row><row><c><v>1</v></c><c><v>2</v></c></row></sheetData>';
    const bytes = partsWorkbook({ sheets: [{ name: 'R', body }] });
    const [s] = door(bytes);
    expect(cellAt(s, 'A7')).toEqual({ value: 1 });
    expect(cellAt(s, 'B7')).toEqual({ value: 2 });
    await expect(exceljs(bytes)).rejects.toThrow();
  });

  test('an array formula is on every cell it covers (exceljs puts it on the first only): no write may split it', async () => {
    const bytes = partsWorkbook({
      sheets: [
        {
          name: 'A',
          body: '<sheetData><row r="1"><c r="A1"><f t="array" ref="A1:B1">{1,2}*3</f><v>3</v></c><c r="B1"><v>6</v></c></row></sheetData>',
        },
      ],
    });
    const [s] = door(bytes);
    expect(cellAt(s, 'A1')).toEqual({ value: 3, formula: '={1,2}*3' });
    expect(cellAt(s, 'B1')).toEqual({ value: 6, formula: '={1,2}*3' });
    const [e] = await exceljs(bytes);
    expect(cellAt(e, 'B1')).toEqual({ value: 6 });
  });

  test('built-in number formats, with the ones a Chinese Excel shows for ids 27–36 and 50–58', () => {
    const styles =
      '<numFmts count="1"><numFmt numFmtId="170" formatCode="0.00&quot;分&quot;"/></numFmts>' +
      '<fonts count="1"><font/></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="170"/></cellXfs>';
    const body =
      '<sheetData><row r="1"><c r="A1" s="1"><v>0.9553</v></c><c r="B1" s="2"><v>44926</v></c><c r="C1" s="3"><v>44926</v></c><c r="D1" s="4"><v>9.5</v></c></row></sheetData>';
    const [s] = door(partsWorkbook({ sheets: [{ name: 'F', body }], styles }));
    expect(s.cells[0].map((c) => c.numberFormat)).toEqual(['0.00%', 'mm-dd-yy', 'yyyy"年"m"月"d"日"', '0.00"分"']);
    expect(s.cells[0][1].value).toBe(44926);
  });

  test('a sheet part under an unexpected name is found through the relationships', () => {
    const bytes = partsWorkbook({
      sheets: [{ name: '表', part: 'xl/odd/名字.xml', body: '<sheetData><row r="1"><c r="A1"><v>5</v></c></row></sheetData>' }],
    });
    expect(door(bytes)[0].cells).toEqual([[{ value: 5 }]]);
  });

  test('a covered cell of a merge shows nothing, whatever the file keeps there', () => {
    const body =
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>';
    const [s] = door(partsWorkbook({ sheets: [{ name: 'M', body }] }));
    expect(s.cells).toEqual([[{ value: 1 }]]);
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
  });
});
