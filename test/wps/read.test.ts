// Reading a sheet through the in-memory WPS: the same Snapshot as the workbook holds, on both WPS
// builds the model plays, in a number of calls that follows the form's regions, not its cells.
import { analyzeSheet } from '../../src/core/engine';
import type { CellRange } from '../../src/core/types';
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { get } from '../../src/wps/access';
import { MemoryEt, type EtModelOptions } from '../../src/wps/memory/et';
import { readSheet } from '../../src/wps/read';
import { seedSketch } from '../fixtures/seed';
import { sketchToSnapshot } from '../../src/core/sketch';
import { formWith } from './forms';

const BUILDS: [string, EtModelOptions][] = [
  ['properties, array blocks', { members: 'property', blocks: 'array' }],
  ['methods, Item(r, c) blocks', { members: 'method', blocks: 'item' }],
];

function activeSheet(et: MemoryEt) {
  const wb = get(et.application, 'ActiveWorkbook');
  if (!wb) throw new Error('no workbook');
  return get(wb, 'ActiveSheet');
}

describe.each(BUILDS)('readSheet on WPS (%s)', (_name, opts) => {
  test('the seed form reads back as the workbook holds it: values, formulas, formats, fills, merges, errors', () => {
    const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);
    book.setCell(seedSketch.name, 'I19', { fill: '#92D050' });
    book.setCell(seedSketch.name, 'C3', { fill: '#FFFFFF' });
    book.setCell(seedSketch.name, 'J2', { value: '#DIV/0!', formula: '=1/0' });
    const et = new MemoryEt(book, opts);
    const read = readSheet(activeSheet(et));
    expect(read.truncated).toBe(false);
    expect(read.protected).toBe(false);
    const byPlace = (a: CellRange, b: CellRange) => a.top - b.top || a.left - b.left;
    const expected = book.toSnapshots()[0];
    expect({ ...read.snapshot, merges: [...read.snapshot.merges].sort(byPlace) }).toEqual({ ...expected, merges: [...expected.merges].sort(byPlace) });
    expect(analyzeSheet(read.snapshot).forms[0].total?.score).toBe('97.87');
  });

  test('a protected sheet says so', () => {
    const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);
    book.sheet(seedSketch.name).protected = true;
    expect(readSheet(activeSheet(new MemoryEt(book, opts))).protected).toBe(true);
  });
});

test('the calls to read a form do not grow with its rows: 10, 100 and 1000 indicators', () => {
  const calls = [10, 100, 1000].map((n) => {
    const et = new MemoryEt(MemoryWorkbook.fromSnapshots([sketchToSnapshot(formWith(n))]));
    const ws = activeSheet(et);
    et.calls = 0;
    const read = readSheet(ws);
    expect(analyzeSheet(read.snapshot).forms[0].indicators).toHaveLength(n);
    return et.calls;
  });
  expect(calls[2]).toBeLessThanOrEqual(calls[0] * 1.5);
});
