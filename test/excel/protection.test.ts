// Protected templates: finance bureaus hand out protected sheets whose input cells are unlocked.
// Excel refuses a write to a locked cell of a protected sheet, accepts values in unlocked ones,
// and refuses formatting unless the protection allows it (WorksheetProtectionOptions
// .allowFormatCells); the door refuses only when a cell it must write is locked.
import { ExcelDoor } from '../../src/excel/door';
import { createOfficeHost } from '../../src/excel/memory/host';
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { sketchToSnapshot } from '../../src/core/sketch';
import { seedSketch } from '../fixtures/seed';

const SEED = seedSketch.name;
/** The cells a recompute of the seed writes: the rate, two scores and the total. */
const TARGETS = ['G5', 'H19', 'H23', 'H41'];

/** The seed as a protected template: its input cells (the 得分 column and the rate) unlocked. */
function template(opts: { allowFormatCells?: boolean; formatted?: boolean; locked?: string[] } = {}): MemoryWorkbook {
  const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);
  const sheet = book.sheet(SEED);
  for (let row = 5; row <= 41; row++) book.setCell(SEED, `H${row}`, { locked: false });
  book.setCell(SEED, 'G5', { locked: false });
  for (const cell of opts.locked ?? []) book.setCell(SEED, cell, { locked: true });
  if (opts.formatted) {
    for (const cell of ['H19', 'H23', 'H41']) book.setCell(SEED, cell, { numberFormat: '0.00' });
    book.setCell(SEED, 'G5', { numberFormat: '0.00%' });
  }
  sheet.protected = true;
  sheet.allowFormatCells = opts.allowFormatCells ?? false;
  return book;
}

describe('the in-memory Excel on a protected sheet', () => {
  test('refuses a value in a locked cell, takes one in an unlocked cell, refuses a number format', async () => {
    const book = template();
    const { Excel } = createOfficeHost(book);
    await Excel.run({}, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(SEED);
      ws.getRange('H19').values = [[2]];
      await ctx.sync();
      ws.getRange('A1').values = [['改标题']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
      ws.getRange('H19').numberFormat = [['0.00']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
    expect(book.cell(SEED, 'H19').value).toBe(2);
    expect(book.cell(SEED, 'A1').value).toBe(seedSketch.rows[0][0]);
  });

  test('a write across locked and unlocked cells is refused whole', async () => {
    const book = template();
    const { Excel } = createOfficeHost(book);
    await Excel.run({}, async (ctx) => {
      ctx.workbook.worksheets.getItem(SEED).getRange('G19:H19').values = [[1, 2]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
    expect(book.cell(SEED, 'H19').value).not.toBe(2);
  });

  test('reports locks per cell (getCellProperties, ExcelApi 1.9) and per range (null when mixed)', async () => {
    const book = template();
    const { Excel } = createOfficeHost(book);
    await Excel.run({}, async (ctx) => {
      const range = ctx.workbook.worksheets.getItem(SEED).getRange('G19:H19');
      const props = range.getCellProperties({ format: { protection: true } });
      range.format.protection.load('locked');
      const h = ctx.workbook.worksheets.getItem(SEED).getRange('H19');
      h.format.protection.load('locked');
      await ctx.sync();
      expect(props.value[0].map((c) => c.format?.protection?.locked)).toEqual([true, false]);
      expect(range.format.protection.locked).toBeNull();
      expect(h.format.protection.locked).toBe(false);
    });
  });
});

describe('the door on a protected template', () => {
  test('target cells unlocked and already formatted: recompute writes them, nothing else changes', async () => {
    const book = template({ formatted: true });
    const result = await new ExcelDoor(createOfficeHost(book)).recompute();
    expect(result.written.map((p) => p.cell).sort()).toEqual(TARGETS);
    expect(result.notices).not.toContain('protected-values-only');
    expect(book.cell(SEED, 'H41')).toMatchObject({ value: 97.87, numberFormat: '0.00' });
    expect(book.cell(SEED, 'G5')).toMatchObject({ value: 1, numberFormat: '0.00%' });
  });

  test('formats the protection does not allow: the values go in, the formats stay, and the pane is told', async () => {
    const book = template();
    const g5 = book.cell(SEED, 'G5');
    const result = await new ExcelDoor(createOfficeHost(book)).recompute();
    expect(result.notices).toContain('protected-values-only');
    expect(book.cell(SEED, 'H41').value).toBe(97.87);
    expect(book.cell(SEED, 'G5').numberFormat).toBe(g5.numberFormat);
    expect(result.written.every((p) => p.set.numberFormat === undefined)).toBe(true);
  });

  test('formatting allowed: values with their formats, and highlights on check', async () => {
    const book = template({ allowFormatCells: true });
    const door = new ExcelDoor(createOfficeHost(book));
    const result = await door.recompute();
    expect(result.notices).not.toContain('protected-values-only');
    expect(book.cell(SEED, 'H41')).toMatchObject({ value: 97.87, numberFormat: '0.00' });
    const check = await door.check();
    expect(check.notices).not.toContain('protected-no-marks');
    expect(check.fillsChanged).toBeGreaterThan(0);
  });

  test('a target cell locked: refused before anything is written, naming the sheet, in one read and one look at the locks', async () => {
    const book = template({ locked: ['H41'] });
    const before = book.toSnapshots();
    const door = new ExcelDoor(createOfficeHost(book));
    await expect(door.recompute()).rejects.toMatchObject({ kind: 'protected', message: SEED });
    expect(book.toSnapshots()).toEqual(before);
    expect(book.syncCount).toBe(2);
    expect(book.settings).toEqual({});
  });

  test('undo on the protected template puts the unlocked cells back', async () => {
    const book = template({ formatted: true });
    const original = book.toSnapshots();
    const door = new ExcelDoor(createOfficeHost(book));
    await door.recompute();
    expect(await door.undo()).toEqual({ restored: 4, kept: 0 });
    expect(book.toSnapshots()).toEqual(original);
  });

  test('ExcelApi 1.8 (no getCellProperties): locks are read cell by cell, with the same outcome', async () => {
    const open = template({ formatted: true });
    expect((await new ExcelDoor(createOfficeHost(open, { apiVersion: '1.8' })).recompute()).written).toHaveLength(4);
    const locked = template({ formatted: true, locked: ['H23'] });
    await expect(new ExcelDoor(createOfficeHost(locked, { apiVersion: '1.8' })).recompute()).rejects.toMatchObject({ kind: 'protected' });
    expect(locked.cell(SEED, 'H41').value).toBe(96);
  });
});
