// The Office.js door against the in-memory Excel: what a person sees in the workbook after each
// button, and how many round trips it took.
import { ExcelDoor } from '../../src/excel/door';
import { MARK_COLORS } from '../../src/door/marks';
import { READ_WINDOW } from '../../src/door/notices';
import { PAYLOAD_BUDGET } from '../../src/excel/read';
import { createOfficeHost } from '../../src/excel/memory/host';
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { seedSketch } from '../fixtures/seed';
import { sketchToSnapshot } from '../../src/core/sketch';
import { templateSketch } from '../../src/core/template';

const SEED = seedSketch.name;

function seedBook(): MemoryWorkbook {
  return MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);
}

function doorOn(book: MemoryWorkbook, apiVersion?: string): ExcelDoor {
  return new ExcelDoor(createOfficeHost(book, { apiVersion }));
}

/** Everything but fills: what "no value changed" means. */
function contents(book: MemoryWorkbook) {
  return book.toSnapshots().map((s) => ({ ...s, cells: s.cells.map((row) => row.map(({ fill: _fill, ...rest }) => rest)) }));
}

describe('recompute', () => {
  test('the seed form gets the engine figures in the right cells, as numbers with number formats', async () => {
    const book = seedBook();
    const result = await doorOn(book).recompute();
    const form = result.reports[0].forms[0];
    expect(form.total?.score).toBe('97.87');
    expect(form.grade).toBe('优');
    expect(book.cell(SEED, form.total!.cell)).toMatchObject({ value: 97.87, numberFormat: '0.00' });
    expect(book.cell(SEED, 'H19')).toMatchObject({ value: 1.92, numberFormat: '0.00' });
    expect(book.cell(SEED, form.budget!.cell)).toMatchObject({ value: 1, numberFormat: '0.00%' });
    expect(result.written.map((p) => p.cell).sort()).toEqual(['G5', 'H19', 'H23', 'H41']);
  });

  test('one sync to read and one to write', async () => {
    const book = seedBook();
    await doorOn(book).recompute();
    expect(book.syncCount).toBe(2);
  });

  test('a second recompute writes nothing', async () => {
    const book = seedBook();
    const door = doorOn(book);
    await door.recompute();
    const before = book.toSnapshots();
    const changes = jest.fn();
    book.onChange(changes);
    const again = await door.recompute();
    expect(again.written).toEqual([]);
    expect(changes).not.toHaveBeenCalled();
    expect(book.toSnapshots()).toEqual(before);
  });

  test('a ledger below the form beyond the read window: the read stops at the window, says so, and still finds the form', async () => {
    const snap = sketchToSnapshot(seedSketch);
    const last = READ_WINDOW.rows + 500;
    for (let row = snap.cells.length + 5; row <= last; row++) {
      while (snap.cells.length < row - 1) snap.cells.push([]);
      snap.cells.push([{ value: `附表 第 ${row} 行` }, { value: row }]);
    }
    const book = MemoryWorkbook.fromSnapshots([snap]);
    const result = await doorOn(book).recompute();
    expect(result.notices).toContain('partial-read');
    expect(result.reports[0].forms[0].total?.score).toBe('97.87');
    expect(book.cell(SEED, 'H41').value).toBe(97.87);
    // The window in bands under the payload budget, then one write.
    expect(book.syncs.slice(0, -1).every((s) => s.responseBytes < PAYLOAD_BUDGET * 1.5)).toBe(true);
    expect(book.syncCount).toBeLessThanOrEqual(6);
  });

  test('a protected sheet: a clear message and not one cell written', async () => {
    const book = seedBook();
    book.sheet(SEED).protected = true;
    const before = book.toSnapshots();
    await expect(doorOn(book).recompute()).rejects.toMatchObject({ kind: 'protected' });
    expect(book.toSnapshots()).toEqual(before);
    // The read, then the locks of the cells it would write: all locked, as every cell is by default.
    expect(book.syncCount).toBe(2);
  });

  test('Excel failing in the middle of the write: the cells written before the failure are put back', async () => {
    const book = seedBook();
    book.failingCells.add(`${SEED}!H23`);
    const before = book.toSnapshots();
    const door = doorOn(book);
    await expect(door.recompute()).rejects.toMatchObject({ kind: 'api' });
    expect(book.toSnapshots()).toEqual(before);
    expect(door.canUndo()).toBe(false);
  });

  test('while the person types in a cell: an old Excel refuses cleanly, a newer one waits', async () => {
    const book = seedBook();
    book.cellEditMode = true;
    const before = book.toSnapshots();
    await expect(doorOn(book, '1.10').recompute()).rejects.toMatchObject({ kind: 'cell-edit' });
    expect(book.toSnapshots()).toEqual(before);

    const waiting = doorOn(book).recompute();
    await new Promise((r) => setTimeout(r, 10));
    expect(book.toSnapshots()).toEqual(before);
    book.endCellEdit();
    await waiting;
    expect(book.cell(SEED, 'H41').value).toBe(97.87);
  });

  test('ExcelApi 1.12: no merged-area detection, said so, and the form is still recomputed', async () => {
    const book = seedBook();
    const result = await doorOn(book, '1.12').recompute();
    expect(result.notices).toContain('no-merges');
    expect(result.notices).not.toContain('no-fills');
    expect(result.reports[0].forms).toHaveLength(1);
    expect(book.syncCount).toBe(2);
  });
});

describe('Office 2016 volume-licensed (ExcelApi 1.1, the floor the manifest asks for)', () => {
  test('check, recompute and undo work; what this Excel cannot do is said, not failed', async () => {
    const book = seedBook();
    book.setCell(SEED, 'I19', { fill: '#92D050' });
    const original = book.toSnapshots();
    const door = doorOn(book, '1.1');
    expect(door.features).toEqual({ watchEdits: false, insertSheet: false });
    const check = await door.check();
    expect(check.notices).toEqual(expect.arrayContaining(['no-merges', 'no-fills']));
    expect(check.reports[0].forms).toHaveLength(1);
    const result = await door.recompute();
    expect(result.reports[0].forms[0].total?.score).toBe('97.87');
    expect(book.cell(SEED, 'H41')).toMatchObject({ value: 97.87, numberFormat: '0.00' });
    expect(await door.undo()).toEqual({ restored: 4, kept: 0 });
    await door.clearMarks();
    expect(book.toSnapshots()).toEqual(original);
    expect(await door.watch(() => undefined)).toBe(false);
  });

  test('a protected sheet: this Excel cannot read protection, Excel refuses the write, and the cells written before are put back', async () => {
    const book = seedBook();
    book.sheet(SEED).protected = true;
    const before = book.toSnapshots();
    await expect(doorOn(book, '1.1').recompute()).rejects.toMatchObject({ kind: 'protected' });
    expect(book.toSnapshots()).toEqual(before);
  });
});

describe('undo (撤销本次写入)', () => {
  test('restores the original values and number formats exactly, after the pane was closed and reopened', async () => {
    const book = seedBook();
    book.setCell(SEED, 'H19', { fill: '#00B050' });
    const original = book.toSnapshots();
    await doorOn(book).recompute();
    expect(book.toSnapshots()).not.toEqual(original);

    const reopened = doorOn(book);
    await reopened.profileChoice();
    expect(reopened.canUndo()).toBe(true);
    const result = await reopened.undo();
    expect(result).toEqual({ restored: 4, kept: 0 });
    expect(book.toSnapshots()).toEqual(original);
    expect(reopened.canUndo()).toBe(false);
  });

  test('a cell the person changed after the recompute is left as they typed it', async () => {
    const book = seedBook();
    const door = doorOn(book);
    await door.recompute();
    book.edit(SEED, 'H19', 1.5);
    const result = await door.undo();
    expect(result).toEqual({ restored: 3, kept: 1 });
    expect(book.cell(SEED, 'H19').value).toBe(1.5);
    expect(book.cell(SEED, 'H41').value).toBe(96);
  });

  test('a recompute that writes nothing keeps the previous undo', async () => {
    const book = seedBook();
    const door = doorOn(book);
    await door.recompute();
    await door.recompute();
    expect((await door.undo()).restored).toBe(4);
  });
});

describe('check and highlights', () => {
  test('check changes no value and highlights the rows that lost points', async () => {
    const book = seedBook();
    const before = contents(book);
    const result = await doorOn(book).check();
    expect(contents(book)).toEqual(before);
    const marks = result.reports[0].forms[0].marks;
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(book.cell(SEED, m.cell).fill).toBe(MARK_COLORS[m.kind]);
    expect(book.syncCount).toBe(2);
  });

  test("清除标记 removes only the add-in fills and gives back the person's own", async () => {
    const book = seedBook();
    book.setCell(SEED, 'I19', { fill: '#92D050' });
    book.setCell(SEED, 'A1', { fill: '#FFFF00' });
    const original = book.toSnapshots();
    const door = doorOn(book);
    await door.check();
    expect(book.cell(SEED, 'I19').fill).not.toBe('#92D050');
    const result = await doorOn(book).clearMarks();
    expect(result.kept).toBe(0);
    expect(book.toSnapshots()).toEqual(original);
  });

  test('a highlight the person recoloured is theirs: clearing leaves it', async () => {
    const book = seedBook();
    const door = doorOn(book);
    const { reports } = await door.check();
    const cell = reports[0].forms[0].marks[0].cell;
    book.setCell(SEED, cell, { fill: '#7030A0' });
    const result = await door.clearMarks();
    expect(result.kept).toBe(1);
    expect(book.cell(SEED, cell).fill).toBe('#7030A0');
  });

  test('checking twice changes no fill the second time', async () => {
    const book = seedBook();
    const door = doorOn(book);
    await door.check();
    const second = await door.check();
    expect(second.fillsChanged).toBe(0);
  });

  test('ExcelApi 1.8 (no cell properties): highlights still recorded and removed exactly', async () => {
    const book = seedBook();
    book.setCell(SEED, 'I19', { fill: '#92D050' });
    const original = book.toSnapshots();
    const door = doorOn(book, '1.8');
    const result = await door.check();
    expect(result.notices).toEqual(expect.arrayContaining(['no-merges', 'no-fills']));
    expect(book.cell(SEED, 'I19').fill).toBe(MARK_COLORS['explained-loss']);
    await door.clearMarks();
    expect(book.toSnapshots()).toEqual(original);
  });

  test('a protected sheet is checked but not highlighted, and says so', async () => {
    const book = seedBook();
    book.sheet(SEED).protected = true;
    const before = book.toSnapshots();
    const result = await doorOn(book).check();
    expect(result.notices).toContain('protected-no-marks');
    expect(result.reports[0].forms).toHaveLength(1);
    expect(book.toSnapshots()).toEqual(before);
  });
});

describe('selection, new sheets and typing', () => {
  test('clicking a finding on another sheet activates that sheet, then selects the cell', async () => {
    const book = seedBook();
    book.addSheet('说明');
    book.activeSheet = '说明';
    await doorOn(book).select(SEED, 'I19');
    expect(book.activeSheet).toBe(SEED);
    expect(book.selectedAddress).toBe(`${SEED}!I19`);
  });

  test('the cells a recompute wrote are selected together from ExcelApi 1.9, the first alone before', async () => {
    const book = seedBook();
    book.addSheet('说明');
    book.activeSheet = '说明';
    await doorOn(book).select(SEED, 'H19,H23,H41');
    expect(book.activeSheet).toBe(SEED);
    expect(book.selectedAddress).toBe(`${SEED}!H19,H23,H41`);
    const old = seedBook();
    await doorOn(old, '1.8').select(SEED, 'H19,H23,H41');
    expect(old.selectedAddress).toBe(`${SEED}!H19`);
  });

  test('插入空白表 adds a blank form the engine reads, under a free name', async () => {
    const book = seedBook();
    const door = doorOn(book);
    const sketch = templateSketch('department', '2025');
    const first = await door.insertSheet(sketch);
    const second = await door.insertSheet(sketch);
    expect(first).toBe(`${sketch.name} (2)`);
    expect(second).toBe(`${sketch.name} (3)`);
    expect(book.activeSheet).toBe(second);
    const widths = sketch.widths ?? {};
    expect(book.sheet(second).columnWidths.get(4)).toBe(Math.round((widths.D * 7 + 5) * 0.75));
    const result = await door.check();
    expect(result.reports[0].sheet).toBe(second);
    expect(result.reports[0].forms).toHaveLength(1);
  });

  test("re-check while typing: the person's edits call back, the add-in's own writes do not", async () => {
    const book = seedBook();
    const door = doorOn(book);
    const onEdit = jest.fn();
    expect(await door.watch(onEdit)).toBe(true);
    await door.recompute();
    expect(onEdit).not.toHaveBeenCalled();
    book.edit(SEED, 'F19', 9600);
    expect(onEdit).toHaveBeenCalledTimes(1);
  });
});
