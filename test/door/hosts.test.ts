// One door suite for every host: the workflow (src/door/door.ts) over Excel through Office.js, and
// over WPS 表格 on both builds the in-memory WPS plays (members as properties with array blocks; as
// methods with Item(r, c) blocks and 255-character document properties). What a person sees in the
// workbook after each button, and how many round trips it took.
import { parseRange } from '../../src/core/address';
import type { Door } from '../../src/door/door';
import { ExcelDoor } from '../../src/excel/door';
import { MARK_COLORS } from '../../src/door/marks';
import { createOfficeHost } from '../../src/excel/memory/host';
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { WpsDoor } from '../../src/wps/door';
import { MemoryEt, type EtModelOptions } from '../../src/wps/memory/et';
import { seedSketch } from '../fixtures/seed';
import { parseRange as rangeOf, sketchToSnapshot } from '../../src/core/sketch';
import { templateLayout, templateSketch } from '../../src/core/template';
import { formWith } from '../wps/forms';

const SEED = seedSketch.name;

interface Host {
  /** A door on the book; opening another on the same book is closing and reopening the pane. */
  open(book: MemoryWorkbook): Door;
  /** Round trips into the host since the book was opened (Excel: syncs; WPS: object-model calls, less those on the workbook store). */
  trips(book: MemoryWorkbook): number;
  /** Round trips a 1,000-row form may take beyond a 100-row one (Excel: a second band in each action's read and a fill probe, to stay under its 5 MB a sync). */
  longFormTrips: number;
}

/** Protect the sheet, leaving `unlocked` (an address) open for input: the workbook both in-memory hosts share. */
function protect(book: MemoryWorkbook, sheet: string, unlocked?: string): void {
  book.sheet(sheet).protected = true;
  const r = unlocked ? parseRange(unlocked) : null;
  if (!r) return;
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) book.sheet(sheet).patch(row, col, { locked: false });
}

const excel: Host = {
  open: (book) => new ExcelDoor(createOfficeHost(book)),
  trips: (book) => book.syncCount,
  longFormTrips: 3,
};

function wps(opts: EtModelOptions): Host {
  const models = new WeakMap<MemoryWorkbook, MemoryEt>();
  const model = (book: MemoryWorkbook): MemoryEt => {
    let et = models.get(book);
    if (!et) {
      et = new MemoryEt(book, opts);
      models.set(book, et);
    }
    return et;
  };
  return {
    open: (book) => new WpsDoor(model(book).application),
    trips: (book) => model(book).calls - model(book).propertyCalls,
    longFormTrips: 0,
  };
}

const HOSTS: [string, Host][] = [
  ['Excel', excel],
  ['WPS (properties, array blocks)', wps({ members: 'property', blocks: 'array' })],
  ['WPS (methods, Item(r, c) blocks, 255-character properties)', wps({ members: 'method', blocks: 'item', propertyLimit: 255 })],
];

function seedBook(): MemoryWorkbook {
  return MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);
}

/** Everything but fills: what "no value changed" means. */
function contents(book: MemoryWorkbook) {
  return book.toSnapshots().map((s) => ({ ...s, cells: s.cells.map((row) => row.map(({ fill: _fill, ...rest }) => rest)) }));
}

describe.each(HOSTS)('%s', (_name, host) => {
  test('recompute writes the engine figures in the right cells, as numbers with number formats', async () => {
    const book = seedBook();
    const result = await host.open(book).recompute();
    const form = result.reports[0].forms[0];
    expect(form.total?.score).toBe('97.87');
    expect(book.cell(SEED, form.total!.cell)).toMatchObject({ value: 97.87, numberFormat: '0.00' });
    expect(book.cell(SEED, 'H19')).toMatchObject({ value: 1.92, numberFormat: '0.00' });
    expect(book.cell(SEED, form.budget!.cell)).toMatchObject({ value: 1, numberFormat: '0.00%' });
    expect(result.written.map((p) => p.cell).sort()).toEqual(['G5', 'H19', 'H23', 'H41']);
  });

  test('the round trips to read and write do not grow with the form: 10, 100 and 1000 indicator rows', async () => {
    const trips: number[] = [];
    for (const n of [10, 100, 1000]) {
      const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(formWith(n))]);
      const door = host.open(book);
      const result = await door.recompute();
      expect(result.reports[0].forms[0].indicators).toHaveLength(n);
      expect(result.written.length).toBeGreaterThan(n);
      await door.check();
      trips.push(host.trips(book));
    }
    // WPS asks short columns by halves and long ones from their ends: 10 rows cost less, 100 and 1000 the same.
    expect(trips[0]).toBeLessThanOrEqual(trips[2]);
    expect(trips[2]).toBeLessThanOrEqual(trips[1] * 1.05 + host.longFormTrips);
  });

  test('a second recompute writes nothing', async () => {
    const book = seedBook();
    const door = host.open(book);
    await door.recompute();
    const before = book.toSnapshots();
    const again = await door.recompute();
    expect(again.written).toEqual([]);
    expect(book.toSnapshots()).toEqual(before);
  });

  test('a protected sheet: a clear message and not one cell written', async () => {
    const book = seedBook();
    protect(book, SEED);
    const before = book.toSnapshots();
    await expect(host.open(book).recompute()).rejects.toMatchObject({ kind: 'protected' });
    expect(book.toSnapshots()).toEqual(before);
  });

  test('failing in the middle of the write: the cells written before the failure are put back', async () => {
    const book = seedBook();
    book.failingCells.add(`${SEED}!H23`);
    const before = book.toSnapshots();
    const door = host.open(book);
    await expect(door.recompute()).rejects.toMatchObject({ kind: 'api' });
    expect(book.toSnapshots()).toEqual(before);
    expect(door.canUndo()).toBe(false);
  });

  test('undo restores values and number formats exactly, after the pane was closed and reopened', async () => {
    const book = seedBook();
    book.setCell(SEED, 'H19', { fill: '#00B050' });
    const original = book.toSnapshots();
    await host.open(book).recompute();
    expect(book.toSnapshots()).not.toEqual(original);
    const reopened = host.open(book);
    // As the pane does when it opens: its first read also tells whether there is something to undo.
    await reopened.profileChoice();
    expect(reopened.canUndo()).toBe(true);
    expect(await reopened.undo()).toEqual({ restored: 4, kept: 0 });
    expect(book.toSnapshots()).toEqual(original);
    expect(reopened.canUndo()).toBe(false);
  });

  test('undo leaves a cell the person changed since as they typed it', async () => {
    const book = seedBook();
    const door = host.open(book);
    await door.recompute();
    book.edit(SEED, 'H19', 1.5);
    expect(await door.undo()).toEqual({ restored: 3, kept: 1 });
    expect(book.cell(SEED, 'H19').value).toBe(1.5);
    expect(book.cell(SEED, 'H41').value).toBe(96);
  });

  test('check changes no value and highlights the rows that lost points', async () => {
    const book = seedBook();
    const before = contents(book);
    const result = await host.open(book).check();
    expect(contents(book)).toEqual(before);
    const marks = result.reports[0].forms[0].marks;
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(book.cell(SEED, m.cell).fill).toBe(MARK_COLORS[m.kind]);
    expect((await host.open(book).check()).fillsChanged).toBe(0);
  });

  test("清除标记 removes only the add-in's fills and gives back the person's own", async () => {
    const book = seedBook();
    book.setCell(SEED, 'I19', { fill: '#92D050' });
    book.setCell(SEED, 'A1', { fill: '#FFFF00' });
    const original = book.toSnapshots();
    await host.open(book).check();
    expect(book.cell(SEED, 'I19').fill).not.toBe('#92D050');
    const result = await host.open(book).clearMarks();
    expect(result.kept).toBe(0);
    expect(book.toSnapshots()).toEqual(original);
  });

  test('a highlight the person recoloured is theirs: clearing leaves it', async () => {
    const book = seedBook();
    const door = host.open(book);
    const { reports } = await door.check();
    const cell = reports[0].forms[0].marks[0].cell;
    book.setCell(SEED, cell, { fill: '#7030A0' });
    expect((await door.clearMarks()).kept).toBe(1);
    expect(book.cell(SEED, cell).fill).toBe('#7030A0');
  });

  test('a protected sheet is checked but not highlighted, and says so', async () => {
    const book = seedBook();
    protect(book, SEED);
    const before = book.toSnapshots();
    const result = await host.open(book).check();
    expect(result.notices).toContain('protected-no-marks');
    expect(result.reports[0].forms).toHaveLength(1);
    expect(book.toSnapshots()).toEqual(before);
  });

  test('clicking a finding on another sheet activates that sheet, then selects the cell', async () => {
    const book = seedBook();
    book.addSheet('说明');
    book.activeSheet = '说明';
    await host.open(book).select(SEED, 'I19');
    expect(book.activeSheet).toBe(SEED);
    expect(book.selectedAddress).toBe(`${SEED}!I19`);
  });

  test('插入空白表 adds a blank form the engine reads, under a free name', async () => {
    const book = seedBook();
    const door = host.open(book);
    const sketch = templateSketch('department', '2025');
    const first = await door.insertSheet(sketch);
    const second = await door.insertSheet(sketch);
    expect(first).toBe(`${sketch.name} (2)`);
    expect(second).toBe(`${sketch.name} (3)`);
    expect(book.activeSheet).toBe(second);
    const result = await door.check();
    expect(result.reports[0].sheet).toBe(second);
    expect(result.reports[0].forms).toHaveLength(1);
  });

  test('插入空白表 looks like the published form: a framed table, labels in the middle of their blocks, a bold centred title', async () => {
    const book = seedBook();
    const door = host.open(book);
    const layout = templateLayout('project', '2025');
    const before = host.trips(book);
    const name = await door.insertSheet(layout.sketch);
    const trips = host.trips(book) - before;
    const sheet = book.sheet(name);
    const table = rangeOf(`A3:${layout.area.split(':')[1]}`);
    for (let row = table.top; row <= table.bottom; row++) {
      for (let col = table.left; col <= table.right; col++)
        expect([row, col, [...sheet.looks.get(row, col).edges].sort()]).toEqual([row, col, ['bottom', 'left', 'right', 'top']]);
    }
    // The title and the year line above the table have no frame.
    expect(sheet.looks.get(1, 1)).toEqual({ edges: [], horizontal: 'center', vertical: 'middle', bold: true, size: 16 });
    expect(sheet.looks.get(2, 5).edges).toEqual([]);
    // 产出指标（50分） sits in the middle of its merged block, not at its foot beside 成本指标.
    const output = sheet.merges.find((m) => String(sheet.get(m.top, m.left).value).startsWith('产出指标'));
    expect(output && output.bottom - output.top).toBe(3);
    expect(sheet.looks.get(output?.top ?? 0, 2)).toMatchObject({ horizontal: 'center', vertical: 'middle' });
    expect(sheet.looks.get(layout.headerRows[1], 4)).toMatchObject({ bold: true, horizontal: 'center' });
    expect(sheet.looks.get(layout.goalRow, 2)).toMatchObject({ horizontal: 'left', vertical: 'top' });
    // A few calls per block of the look, never one per cell: Excel adds nothing to the insert's two syncs.
    const plain = seedBook();
    const plainDoor = host.open(plain);
    const plainBefore = host.trips(plain);
    await plainDoor.insertSheet({ ...layout.sketch, looks: [] });
    const looks = layout.sketch.looks ?? [];
    expect(looks.length).toBeLessThanOrEqual(10);
    if (host === excel) expect(trips).toBe(2);
    expect(trips - (host.trips(plain) - plainBefore)).toBeLessThanOrEqual(8 * looks.length);
  });

  test("re-check while typing: the person's edits call back, the add-in's own writes do not", async () => {
    const book = seedBook();
    const door = host.open(book);
    const onEdit = jest.fn();
    expect(await door.watch(onEdit)).toBe(true);
    await door.recompute();
    expect(onEdit).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 600));
    book.edit(SEED, 'F19', 9600);
    expect(onEdit).toHaveBeenCalledTimes(1);
  });

  test('a protected template whose score cells are formatted and open for input is recomputed', async () => {
    const book = seedBook();
    for (const cell of ['H19', 'H23', 'H41']) book.setCell(SEED, cell, { numberFormat: '0.00' });
    book.setCell(SEED, 'G5', { numberFormat: '0.00%' });
    protect(book, SEED, 'G5:H41');
    const result = await host.open(book).recompute();
    expect(result.written).toHaveLength(4);
    expect(result.notices).not.toContain('protected-values-only');
    expect(book.cell(SEED, 'H41').value).toBe(97.87);
    expect(await host.open(book).undo()).toEqual({ restored: 4, kept: 0 });
    expect(book.cell(SEED, 'H41').value).toBe(96);
  });

  test('a protected sheet that allows formatting is highlighted', async () => {
    const book = seedBook();
    protect(book, SEED);
    book.sheet(SEED).allowFormatCells = true;
    const result = await host.open(book).check();
    expect(result.notices).not.toContain('protected-no-marks');
    expect(result.fillsChanged).toBeGreaterThan(0);
  });

  test('1000 indicator rows with merged 二级 labels are read and recomputed', async () => {
    const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(formWith(1000, 10))]);
    const door = host.open(book);
    const result = await door.recompute();
    expect(result.reports[0].forms[0].indicators).toHaveLength(1000);
    expect(book.cell(formWith(1000, 10).name, 'H1006').value).toBe(79);
  });
});

describe.each(HOSTS.slice(1))('%s only', (_name, host) => {
  test('selecting many written cells selects as many as a 255-character address holds', async () => {
    const book = seedBook();
    const cells = Array.from({ length: 60 }, (_, i) => `H${100 + i}`);
    await host.open(book).select(SEED, cells.join(','));
    const selected = book.selectedAddress.slice(SEED.length + 1);
    expect(selected.length).toBeLessThanOrEqual(255);
    expect(selected).toBe(cells.slice(0, selected.split(',').length).join(','));
    expect(selected.split(',').length).toBe(51);
  });

  test('while the person types in a cell: refused with a clear reason, nothing written', async () => {
    const book = seedBook();
    book.cellEditMode = true;
    const before = book.toSnapshots();
    await expect(host.open(book).recompute()).rejects.toMatchObject({ kind: 'cell-edit' });
    expect(book.toSnapshots()).toEqual(before);
  });
});
