// The sheet cases of the catalogue through the add-in door, on the in-memory Excel: each gives
// findings, a check changes no value, a recompute changes only the cells its plan names, and a
// refusal (a protected sheet) changes nothing at all.
import { ExcelDoor } from '../../src/excel/door';
import { DoorError } from '../../src/door/errors';
import { createOfficeHost } from '../../src/excel/memory/host';
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { READ_WINDOW } from '../../src/door/notices';
import { badSheetCases, fillerRow, type BadSheetCase } from '../fixtures/bad';
import { seedSketchAt } from '../fixtures/seed';
import { sketchToSnapshot } from '../../src/core/sketch';
import { CASE_EXPECTATIONS, formViews, GAVE_UP } from './expectations';
import { expectBounded, HANG_GUARD, measure, printTable, type Figures } from './measure';

// Only a hang fails on time (measure.ts); the catalogue's own limits are on memory and outcome.
jest.setTimeout(HANG_GUARD);

function bookOf(c: BadSheetCase): MemoryWorkbook {
  const book = MemoryWorkbook.fromSnapshots(c.sheets.map(sketchToSnapshot));
  if (c.filler) {
    const sheet = book.sheet(c.sheets[0].name);
    for (let row = c.filler.fromRow; row <= c.filler.toRow; row++) {
      const [text, amount] = fillerRow(row);
      sheet.put(row, 1, { value: text });
      sheet.put(row, 2, { value: amount });
    }
  }
  if (c.protectedSheet) book.sheet(c.protectedSheet).protected = true;
  // Excel on the desktop documents no payload limit; Excel on the web refuses this case (test/excel/read-limits.test.ts).
  if (c.id === 'big-cell') book.payloadLimit = false;
  return book;
}

/**
 * Every non-empty cell as "Sheet!row,col" → what it holds (fills only when asked: a check may mark),
 * with each sheet's used range. Cells are compared down to a little past the pane's read window,
 * which the pane cannot write beyond; all 1.8 M cells of the huge sheet would take seconds a copy.
 */
function contents(book: MemoryWorkbook, withFills = false): Map<string, string> {
  const out = new Map<string, string>();
  for (const sheet of book.sheets) {
    const box = sheet.usedRange();
    out.set(`${sheet.name}!used`, JSON.stringify(box));
    if (!box) continue;
    for (let r = box.top; r <= Math.min(box.bottom, READ_WINDOW.rows + 100); r++) {
      for (let c = box.left; c <= box.right; c++) {
        const cell = sheet.get(r, c);
        const held = [cell.value, cell.formula, cell.numberFormat, withFills ? cell.fill : undefined];
        if (held.some((x) => x !== null && x !== undefined)) out.set(`${sheet.name}!${r},${c}`, JSON.stringify(held));
      }
    }
  }
  return out;
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

const table: Figures[] = [];
afterAll(() => printTable('add-in door check (in-memory Excel), per case', table));

describe.each(badSheetCases())('$id: $title', (c) => {
  test('check gives findings and changes no value', async () => {
    const book = bookOf(c);
    const door = new ExcelDoor(createOfficeHost(book));
    const before = contents(book, c.protectedSheet !== undefined);
    const { value: result, figures } = await measure(c.id, table, () => door.check());
    expectBounded(figures);
    const codes = result.reports.flatMap((r) => [...r.findings, ...r.forms.flatMap((f) => f.findings)]).map((f) => f.code);
    expect(codes.filter((code) => GAVE_UP.includes(code))).toEqual([]);
    CASE_EXPECTATIONS[c.id](formViews(result.reports));
    if (c.protectedSheet) {
      expect(result.notices).toContain('protected-no-marks');
      expect(result.fillsChanged).toBe(0);
    }
    // The huge sheet goes beyond the pane's read window, and the pane says so.
    if (c.filler) expect(result.notices).toContain('partial-read');
    expect(changed(before, contents(book, c.protectedSheet !== undefined))).toEqual([]);
  });

  const locked = c.protectedSheet;
  if (locked) {
    test('recompute refuses the protected sheet and writes nothing, not even an undo record', async () => {
      const book = bookOf(c);
      const door = new ExcelDoor(createOfficeHost(book));
      const before = contents(book, true);
      const refusal = door.recompute();
      await expect(refusal).rejects.toBeInstanceOf(DoorError);
      await expect(refusal).rejects.toMatchObject({ kind: 'protected', message: expect.stringContaining(locked) });
      expect(changed(before, contents(book, true))).toEqual([]);
      expect(door.canUndo()).toBe(false);
    });
  } else {
    test('recompute changes only the cells its plan names, and undo gives them back', async () => {
      const book = bookOf(c);
      const door = new ExcelDoor(createOfficeHost(book));
      const before = contents(book);
      const result = await door.recompute();
      expect(result.written.length).toBeGreaterThan(0);
      const named = new Set(result.written.map((p) => `${p.sheet}!${p.row},${p.col}`));
      const touched = changed(before, contents(book));
      expect(touched.filter((k) => !named.has(k))).toEqual([]);
      await door.undo();
      expect(changed(before, contents(book))).toEqual([]);
    });
  }
});

test('a form below a long ledger lies outside the read window: the pane says so and writes nothing', async () => {
  const ledger = READ_WINDOW.rows + 100;
  const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketchAt({ row: ledger + 3, col: 1 }))]);
  const sheet = book.sheets[0];
  for (let row = 1; row <= ledger; row++) fillerRow(row).forEach((value, i) => sheet.put(row, i + 1, { value }));
  const door = new ExcelDoor(createOfficeHost(book));
  const before = contents(book, true);
  const check = await door.check();
  expect(check.notices).toContain('partial-read');
  expect(check.reports.flatMap((r) => r.findings.map((f) => f.code))).toEqual(['form.not-found']);
  const recompute = await door.recompute();
  expect(recompute.written).toEqual([]);
  expect(changed(before, contents(book, true))).toEqual([]);
});
