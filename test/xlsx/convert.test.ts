// The file door's conversions against real exceljs workbooks, written and read back as a file would be.
import { Workbook, type CellValue } from 'exceljs';
import { a1 } from '../../src/core/address';
import type { Cell, CellPatch, Snapshot } from '../../src/core/types';
import { projectSketch } from '../fixtures/project';
import { seedSketch, seedSketchAt } from '../fixtures/seed';
import { sketchToSnapshot } from '../../src/core/sketch';
import { applyPatches, sketchToWorkbook, workbookToSnapshots, worksheetToSnapshot } from '../../src/xlsx/convert';

async function reread(wb: Workbook): Promise<Workbook> {
  const again = new Workbook();
  await again.xlsx.load(await wb.xlsx.writeBuffer());
  return again;
}

function cellAt(s: Snapshot, address: string): Cell | undefined {
  for (let r = 0; r < s.cells.length; r++) {
    for (let k = 0; k < s.cells[r].length; k++) if (a1(s.top + r, s.left + k) === address) return s.cells[r][k];
  }
  return undefined;
}

/** Trailing empty cells carry no information; drop them to compare two snapshots. */
function trimmed(s: Snapshot): Snapshot {
  const cells = s.cells.map((row) => {
    const c = [...row];
    while (c.length > 0 && c[c.length - 1].value === null && c[c.length - 1].formula === undefined) c.pop();
    return c;
  });
  const merges = [...s.merges].sort((x, y) => x.top - y.top || x.left - y.left);
  return { ...s, cells, merges };
}

describe('worksheetToSnapshot', () => {
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
    snap = worksheetToSnapshot((await reread(wb)).worksheets[0]);
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
    expect(workbookToSnapshots(await reread(wb))).toEqual([{ sheet: '空', top: 1, left: 1, cells: [], merges: [], mergesKnown: true }]);
  });
});

describe('sketchToWorkbook', () => {
  it.each([
    ['the seed', seedSketch],
    ['the seed at F3', seedSketchAt({ row: 3, col: 6 })],
    ['the project form', projectSketch],
  ])('%s reads back as the sketch says', async (_name, sketch) => {
    const wb = await reread(sketchToWorkbook([sketch]));
    expect(trimmed(worksheetToSnapshot(wb.worksheets[0]))).toEqual(trimmed(sketchToSnapshot(sketch)));
  });

  it('looks like a form: widths, borders, wrapped text, tall rows for long texts', async () => {
    const ws = (await reread(sketchToWorkbook([seedSketch]))).worksheets[0];
    expect(ws.getColumn('I').width).toBe(30);
    expect(ws.getCell('B13').border?.top?.style).toBe('thin');
    expect(ws.getCell('B12').alignment?.wrapText).toBe(true);
    expect(ws.getRow(12).height).toBeGreaterThan(ws.getRow(13).height ?? 15);
  });
});

describe('applyPatches', () => {
  function patch(cell: string, row: number, col: number, set: CellPatch['set']): CellPatch {
    return { sheet: 'S', cell, row, col, set, before: { value: null }, reason: 'score' };
  }

  it('writes numbers with their formats, formulas and fills, and touches nothing else', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = '1';
    ws.getCell('A2').value = 1;
    ws.getCell('A3').value = 5;
    ws.getCell('A3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
    const read = await reread(wb);
    const sheet = read.worksheets[0];
    applyPatches(sheet, [
      patch('A1', 1, 1, { value: 1.92, numberFormat: '0.00' }),
      patch('B1', 1, 2, { formula: '=A1*2', value: 3.84 }),
      patch('A3', 3, 1, { fill: null }),
      patch('B3', 3, 2, { fill: '#FFEB9C' }),
    ]);
    const snap = worksheetToSnapshot((await reread(read)).worksheets[0]);
    expect(cellAt(snap, 'A1')).toEqual({ value: 1.92, numberFormat: '0.00' });
    expect(cellAt(snap, 'B1')).toEqual({ value: 3.84, formula: '=A1*2' });
    expect(cellAt(snap, 'A2')).toEqual({ value: 1 });
    expect(cellAt(snap, 'A3')).toEqual({ value: 5 });
    expect(cellAt(snap, 'B3')).toEqual({ value: null, fill: '#FFEB9C' });
  });
});
