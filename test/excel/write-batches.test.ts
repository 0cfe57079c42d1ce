// Writes in batches: neighbouring cells of a column that change the same things are one range
// with one call per thing, instead of a range and several calls per cell (office-js#1046 reports
// one getRange per cell as a hang). The in-memory Excel counts the steps each sync carries.
import { ExcelDoor } from '../../src/excel/door';
import { createOfficeHost } from '../../src/excel/memory/host';
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { sketchToSnapshot } from '../../src/core/sketch';
import { seedSketch } from '../fixtures/seed';
import { formWith } from './forms';

const NOTE = '因市场价格上涨导致采购成本高于预期，已调整采购计划。';

test('recomputing 1,000 indicator rows writes their scores as one range: a handful of steps in one sync', async () => {
  const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(formWith(1000))]);
  const result = await new ExcelDoor(createOfficeHost(book)).recompute();
  expect(result.written.length).toBe(1003);
  const write = book.syncs[book.syncs.length - 1];
  // The undo record, then one range for the 1,001 scores and the total below them (H6:H1006), one
  // for the budget score and one for the rate: each a getRange, its number formats and its values.
  expect(write.steps).toBeLessThanOrEqual(15);
  expect(book.cell('表1000', 'H6')).toMatchObject({ value: 0.09, numberFormat: '0.00' });
  expect(book.cell('表1000', 'H1006')).toMatchObject({ value: 100, numberFormat: '0.00' });
});

test('scattered cells of the seed form: one range each, still one sync', async () => {
  const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);
  const result = await new ExcelDoor(createOfficeHost(book)).recompute();
  expect(result.written.map((p) => p.cell).sort()).toEqual(['G5', 'H19', 'H23', 'H41']);
  expect(book.syncCount).toBe(2);
  // Four ranges of three steps, the sheet, and the undo record.
  expect(book.syncs[1].steps).toBeLessThanOrEqual(4 * 3 + 3);
});

test('highlights of neighbouring rows in one colour are one fill call', async () => {
  // Every row missed its target (8 against ≥10), was scored by the rule and says why: 1,000 explained losses.
  const form = formWith(1000, NOTE);
  for (let r = 5; r < 1005; r++) form.rows[r].splice(5, 3, 8, 0.09, 0.07);
  const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(form)]);
  const result = await new ExcelDoor(createOfficeHost(book)).check();
  expect(result.fillsChanged).toBe(1000);
  const write = book.syncs[book.syncs.length - 1];
  expect(write.steps).toBeLessThanOrEqual(6);
  expect(new Set(Array.from({ length: 1000 }, (_, i) => book.cell('表1000', `I${i + 6}`).fill)).size).toBe(1);
});
