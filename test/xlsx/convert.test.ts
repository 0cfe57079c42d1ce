// Sketches made into workbooks with exceljs, then read back through the file door as a file would be.
import { Workbook } from 'exceljs';
import type { Snapshot } from '../../src/core/types';
import { projectSketch } from '../../test/fixtures/project';
import { seedSketch, seedSketchAt } from '../../test/fixtures/seed';
import { sketchToSnapshot } from '../../src/core/sketch';
import { XlsxBook } from '../../src/xlsx/book';
import { sketchToWorkbook } from '../../src/xlsx/convert';

async function reread(wb: Workbook): Promise<Workbook> {
  const again = new Workbook();
  await again.xlsx.load(await wb.xlsx.writeBuffer());
  return again;
}

async function doorSnapshot(wb: Workbook): Promise<Snapshot> {
  return XlsxBook.open('sketch.xlsx', new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)).snapshots()[0];
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

describe('sketchToWorkbook', () => {
  it.each([
    ['the seed', seedSketch],
    ['the seed at F3', seedSketchAt({ row: 3, col: 6 })],
    ['the project form', projectSketch],
  ])('%s reads back as the sketch says', async (_name, sketch) => {
    expect(trimmed(await doorSnapshot(sketchToWorkbook([sketch])))).toEqual(trimmed(sketchToSnapshot(sketch)));
  });

  it('looks like a form: widths, borders, wrapped text, tall rows for long texts', async () => {
    const ws = (await reread(sketchToWorkbook([seedSketch]))).worksheets[0];
    expect(ws.getColumn('I').width).toBe(30);
    expect(ws.getCell('B13').border?.top?.style).toBe('thin');
    expect(ws.getCell('B12').alignment?.wrapText).toBe(true);
    expect(ws.getRow(12).height).toBeGreaterThan(ws.getRow(13).height ?? 15);
  });
});
