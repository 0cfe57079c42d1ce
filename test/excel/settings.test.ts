// The add-in's records in the workbook's settings: the pane and a ribbon command are separate
// runtimes, each with its own copy of Office.context.document.settings, whose saveAsync writes the
// whole copy. From ExcelApi 1.4 the door uses workbook.settings, one key at a time inside its batch;
// before, it reads the settings again right before writing and checks its keys after. Records name
// sheets by id, so a rename does not lose them.
import { registerCommands } from '../../src/commands/register';
import { LAST_COMMAND_KEY, MARKS_KEY, PROFILE_KEY, UNDO_KEY } from '../../src/door/records';
import { ExcelDoor } from '../../src/excel/door';
import { createOfficeHost } from '../../src/excel/memory/host';
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { sketchToSnapshot } from '../../src/core/sketch';
import { seedSketch } from '../fixtures/seed';

const SEED = seedSketch.name;

function seedBook(): MemoryWorkbook {
  return MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);
}

describe.each([
  ['ExcelApi 1.4 and later: workbook.settings', '1.20'],
  ['ExcelApi 1.3 (before workbook.settings): Office settings, read again before each write', '1.3'],
])('%s', (_name, apiVersion) => {
  test('a recompute in the pane and a check from the ribbon at the same moment: both records stay', async () => {
    const book = seedBook();
    const pane = new ExcelDoor(createOfficeHost(book, { apiVersion }));
    const ribbon = createOfficeHost(book, { apiVersion });
    registerCommands(ribbon.Office, () => new ExcelDoor(ribbon));
    await Promise.all([pane.recompute(), ribbon.Office.invokeAction('check'), pane.rememberProfile({ kind: 'builtin', name: 'national' })]);
    expect(Object.keys(book.settings).sort()).toEqual([LAST_COMMAND_KEY, MARKS_KEY, PROFILE_KEY, UNDO_KEY].sort());
    expect(await pane.undo()).toEqual({ restored: 4, kept: 0 });
  });

  test('undo and clearing highlights follow a sheet the person renamed', async () => {
    const book = seedBook();
    const original = book.toSnapshots();
    const door = new ExcelDoor(createOfficeHost(book, { apiVersion }));
    await door.check();
    await door.recompute();
    book.renameSheet(SEED, '2022年自评表');
    expect(await door.undo()).toEqual({ restored: 4, kept: 0 });
    expect((await door.clearMarks()).kept).toBe(0);
    expect(book.toSnapshots()).toEqual(original.map((s) => ({ ...s, sheet: '2022年自评表' })));
  });
});

test('an undo record written before records kept sheet ids still restores by the sheet’s name', async () => {
  const book = seedBook();
  const door = new ExcelDoor(createOfficeHost(book));
  const original = book.toSnapshots();
  await door.recompute();
  const record = book.settings[UNDO_KEY] as { entries: Record<string, unknown>[] };
  for (const entry of record.entries) delete entry.sheetId;
  expect(await door.undo()).toEqual({ restored: 4, kept: 0 });
  expect(book.toSnapshots()).toEqual(original);
});

test('ExcelApi 1.4: the records travel in the action’s own batch, one key at a time', async () => {
  const book = seedBook();
  const door = new ExcelDoor(createOfficeHost(book));
  await door.recompute();
  // One sync to read the form and the settings, one to write the cells and the undo record.
  expect(book.syncCount).toBe(2);
  expect(book.settings[UNDO_KEY]).toMatchObject({
    entries: expect.arrayContaining([expect.objectContaining({ cell: 'H41', sheetId: book.sheet(SEED).id })]),
  });
});
