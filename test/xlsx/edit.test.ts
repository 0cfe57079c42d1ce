// The file door's writer, case by case on workbooks written part by part: only the planned cells
// change, new formats are appended, missing cells and rows go in their place, formulas are kept,
// and what it writes reads back as the engine planned it.
import { strFromU8, unzipSync } from 'fflate';
import { inversePatches } from '../../src/core/patch';
import { a1 } from '../../src/core/address';
import type { Cell, CellPatch, CellState, Snapshot } from '../../src/core/types';
import { XlsxBook } from '../../src/xlsx/book';
import { editBook } from '../../src/xlsx/book-edit';
import { parseStyles } from '../../src/xlsx/styles';
import { partsWorkbook, PLAIN_STYLES } from './build-xlsx';

function patch(cell: string, set: Partial<CellState>, before: CellState = { value: null }, sheet = 'S'): CellPatch {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { sheet, cell, row: Number(m[2]), col, set, before, reason: 'score' };
}

function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) out[name] = strFromU8(data);
  return out;
}

function cellAt(s: Snapshot, address: string): Cell | undefined {
  for (let r = 0; r < s.cells.length; r++) {
    for (let k = 0; k < s.cells[r].length; k++) if (a1(s.top + r, s.left + k) === address) return s.cells[r][k];
  }
  return undefined;
}

const STYLES_WITH_FORMATS =
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/></numFmts>' +
  '<fonts count="2"><font/><font><b/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="2"><border/><border><left style="thin"/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyBorder="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>';

const SHEET =
  '<dimension ref="A1:D5"/>' +
  '<sheetData>' +
  '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>1</v></c><c r="D1"><v>4</v></c></row>' +
  '<row r="2" spans="1:4"><c r="A2"><f>B1*2</f><v>2</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2+1</f><v>3</v></c></row>' +
  '<row r="3"><c r="B3"><f t="shared" si="0"/><v>4</v></c><c r="C3"><f t="array" ref="C3:D3">{1,2}</f><v>1</v></c><c r="D3"><v>2</v></c></row>' +
  '<row r="5"><c r="A5"><v>5</v></c></row>' +
  '</sheetData>' +
  '<mergeCells count="1"><mergeCell ref="A4:B4"/></mergeCells>' +
  '<dataValidations count="1"><dataValidation type="decimal" sqref="G:G"><formula1>0</formula1></dataValidation></dataValidations>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

function book(): XlsxBook {
  const bytes = partsWorkbook({
    sheets: [{ name: 'S', body: SHEET }],
    sharedStrings: ['<si><t>标签</t></si>'],
    styles: STYLES_WITH_FORMATS,
  });
  return XlsxBook.open('s.xlsx', bytes);
}

describe('writing into existing, missing and special cells', () => {
  const original = book();
  const before = parts(original.bytes);
  const edit = editBook(
    original,
    [
      patch('B1', { value: 1.92, numberFormat: '0.00' }, { value: 1 }),
      patch('C1', { value: 0.9553, numberFormat: '0.00%' }),
      patch('A1', { value: 7 }, { value: '标签' }),
      patch('E1', { value: '优' }),
      patch('B4', { value: 9 }),
      patch('C6', { value: 97.87, numberFormat: '0.00' }),
      patch('A2', { value: 5 }, { value: 2 }),
      patch('B3', { value: 5 }, { value: 4 }),
      patch('D3', { value: 5 }, { value: 2 }),
    ],
    { recalcOnOpen: true },
  );
  const after = parts(edit.bytes);
  const [snap] = XlsxBook.open('out.xlsx', edit.bytes).snapshots();

  test('numbers with the asked format: an existing custom format and a built-in one reused, the cell’s border kept', () => {
    expect(cellAt(snap, 'B1')).toEqual({ value: 1.92, numberFormat: '0.00' });
    expect(cellAt(snap, 'C1')).toEqual({ value: 0.9553, numberFormat: '0.00%' });
    const styles = parseStyles('out', after['xl/styles.xml']);
    const b1 = /<c r="B1" s="(\d+)"/.exec(after['xl/worksheets/sheet1.xml'])![1];
    expect(styles.cellXfs[Number(b1)]).toMatchObject({ numFmtId: 164, fontId: 1 });
    expect(after['xl/styles.xml']).toContain('borderId="1"');
    expect([...styles.numFmts.keys()]).toEqual([164]);
    expect(styles.cellXfs[Number(/<c r="C1" s="(\d+)"/.exec(after['xl/worksheets/sheet1.xml'])![1])].numFmtId).toBe(10);
  });

  test('the existing cell formats are untouched; new ones are appended and counted', () => {
    const old = parseStyles('in', before['xl/styles.xml']);
    const now = parseStyles('out', after['xl/styles.xml']);
    old.cellXfs.forEach((xf, i) =>
      expect(after['xl/styles.xml'].slice(now.cellXfs[i].start, now.cellXfs[i].end)).toBe(before['xl/styles.xml'].slice(xf.start, xf.end)),
    );
    expect(now.cellXfs.length).toBeGreaterThan(old.cellXfs.length);
    expect(after['xl/styles.xml']).toContain(`<cellXfs count="${now.cellXfs.length}">`);
  });

  test('a shared-string cell becomes a number; the grade is an inline string; the shared strings are not touched', () => {
    expect(cellAt(snap, 'A1')).toEqual({ value: 7 });
    expect(after['xl/worksheets/sheet1.xml']).toContain('<c r="E1" t="inlineStr"><is><t>优</t></is></c>');
    expect(after['xl/sharedStrings.xml']).toBe(before['xl/sharedStrings.xml']);
  });

  test('missing cells go in column order, missing rows in row order, the dimension and spans grow', () => {
    const xml = after['xl/worksheets/sheet1.xml'];
    expect(xml).toContain('<c r="B1" s="');
    expect(xml.indexOf('<c r="C1"')).toBeGreaterThan(xml.indexOf('<c r="B1"'));
    expect(xml.indexOf('<c r="C1"')).toBeLessThan(xml.indexOf('<c r="D1"'));
    expect(xml.indexOf('<c r="E1"')).toBeLessThan(xml.indexOf('</row>'));
    expect(xml).toContain('<row r="1" spans="1:5">');
    expect(xml.indexOf('<row r="4">')).toBeGreaterThan(xml.indexOf('<row r="3">'));
    expect(xml.indexOf('<row r="4">')).toBeLessThan(xml.indexOf('<row r="5">'));
    expect(xml.indexOf('<row r="6">')).toBeGreaterThan(xml.indexOf('<row r="5">'));
    expect(xml).toContain('<dimension ref="A1:E6"/>');
    expect(cellAt(snap, 'C6')).toEqual({ value: 97.87, numberFormat: '0.00' });
  });

  test('formulas are never overwritten: a plain one, a shared one, a cell inside an array', () => {
    expect(edit.refused.map((r) => r.patch.cell)).toEqual(['A2', 'B3', 'D3']);
    expect(cellAt(snap, 'A2')).toEqual({ value: 2, formula: '=B1*2' });
    expect(cellAt(snap, 'B3')).toEqual({ value: 4, formula: '=A3+1' });
    expect(cellAt(snap, 'D3')).toEqual({ value: 2, formula: '={1,2}' });
  });

  test('everything outside the planned cells is the same text, byte for byte', () => {
    const strip = (xml: string): string =>
      xml
        .replace(/<c r="(B1|C1|A1|E1|B4|C6)"[^>]*?(\/>|>.*?<\/c>)/g, '')
        .replace(/<row r="(4|6)"><\/row>/g, '')
        .replace(/ spans="[^"]*"/g, '')
        .replace(/<dimension[^>]*>/, '');
    expect(strip(after['xl/worksheets/sheet1.xml'])).toBe(strip(before['xl/worksheets/sheet1.xml']));
    for (const name of Object.keys(before)) {
      if (!['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml'].includes(name))
        expect({ name, text: after[name] }).toEqual({ name, text: before[name] });
    }
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  });

  test('Excel is asked to recalculate on opening', () => {
    expect(after['xl/workbook.xml']).toContain('<calcPr fullCalcOnLoad="1"/></workbook>');
    expect(after['xl/workbook.xml'].replace('<calcPr fullCalcOnLoad="1"/>', '')).toBe(before['xl/workbook.xml']);
  });
});

test('an existing calcPr gets the attribute; other attributes stay', () => {
  const bytes = partsWorkbook({ sheets: [{ name: 'S', body: '<sheetData/>' }], workbookTail: '<calcPr calcId="191029"/>' });
  const edit = editBook(XlsxBook.open('c.xlsx', bytes), [patch('A1', { value: 1 })], { recalcOnOpen: true });
  expect(parts(edit.bytes)['xl/workbook.xml']).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
  expect(parts(edit.bytes)['xl/worksheets/sheet1.xml']).toContain('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>');
});

test('cells without an address keep their place when a cell is inserted before them', () => {
  const bytes = partsWorkbook({
    sheets: [{ name: 'S', body: '<sheetData><row r="1"><c r="A1"><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row></sheetData>' }],
  });
  const edit = editBook(XlsxBook.open('r.xlsx', bytes), [patch('B1', { value: 9 }, { value: 2 }), patch('E1', { value: 5 })], {
    recalcOnOpen: false,
  });
  const [s] = XlsxBook.open('out.xlsx', edit.bytes).snapshots();
  expect(s.cells[0].map((c) => c.value)).toEqual([1, 9, 3, null, 5]);
});

describe('the demo’s marks', () => {
  const MARK = '#FFEB9C';
  const fills = [patch('D1', { fill: MARK }, { value: 4, fill: null }), patch('F2', { fill: MARK }, { value: null, fill: null })];

  test('a fill is added without touching the value, and its undo gives back the original snapshot', () => {
    const original = book();
    const marked = editBook(original, fills, { recalcOnOpen: false });
    const [withMarks] = XlsxBook.open('m.xlsx', marked.bytes).snapshots();
    expect(cellAt(withMarks, 'D1')).toEqual({ value: 4, fill: MARK });
    expect(cellAt(withMarks, 'F2')).toEqual({ value: null, fill: MARK });
    const undone = editBook(XlsxBook.open('m.xlsx', marked.bytes), inversePatches(fills), { recalcOnOpen: false });
    const [back] = XlsxBook.open('u.xlsx', undone.bytes).snapshots();
    expect(back).toEqual(original.snapshots()[0]);
  });

  test('a sheet the pane inserted is added with its widths, wrapping, merges and cells', () => {
    const edit = editBook(
      book(),
      [
        patch('A1', { value: '项目支出绩效自评表' }, { value: null }, '新表'),
        patch('B2', { value: 3, numberFormat: '0.00' }, { value: null }, '新表'),
      ],
      {
        recalcOnOpen: true,
        newSheets: [
          {
            name: '新表',
            columnWidths: new Map([[1, 24]]),
            wrapped: [{ row: 1, col: 1 }],
            merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
          },
        ],
      },
    );
    const again = XlsxBook.open('n.xlsx', edit.bytes);
    expect(again.sheets.map((s) => s.name)).toEqual(['S', '新表']);
    const read = again.read(again.sheets[1], true);
    expect(cellAt(read.snapshot, 'A1')).toEqual({ value: '项目支出绩效自评表' });
    expect(cellAt(read.snapshot, 'B2')).toEqual({ value: 3, numberFormat: '0.00' });
    expect(read.snapshot.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(read.layout?.columnWidths.get(1)).toBe(24);
    const style = read.layout?.cellStyles.get(1 * 16384 + 1) ?? 0;
    expect(again.pkg.styles().cellXfs[style].wrap).toBe(true);
    expect(parts(edit.bytes)['[Content_Types].xml']).toContain('/xl/worksheets/sheet2.xml');
  });

  test('replacing a formula the person typed over drops the calculation chain with its references', () => {
    const chain =
      '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="1"/></calcChain>';
    const bytes = partsWorkbook({
      sheets: [{ name: 'S', body: '<sheetData><row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row></sheetData>' }],
      extra: { 'xl/calcChain.xml': chain },
      overrides: [
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>',
      ],
      workbookRels: [
        '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>',
      ],
      styles: PLAIN_STYLES,
    });
    const edit = editBook(XlsxBook.open('f.xlsx', bytes), [patch('A1', { value: 5 }, { value: 2, formula: '=1+1' })], {
      recalcOnOpen: true,
    });
    const after = parts(edit.bytes);
    expect(after['xl/calcChain.xml']).toBeUndefined();
    expect(after['xl/_rels/workbook.xml.rels']).not.toContain('calcChain');
    expect(after['[Content_Types].xml']).not.toContain('calcChain');
    expect(XlsxBook.open('o.xlsx', edit.bytes).snapshots()[0].cells).toEqual([[{ value: 5 }]]);
  });
});
