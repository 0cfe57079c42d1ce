// Reading a sheet through the in-memory WPS: the same Snapshot as the workbook holds, on both WPS
// builds the model plays, in a number of calls that follows the form's regions, not its cells.
import { analyzeSheet } from '../../src/core/engine';
import type { CellRange } from '../../src/core/types';
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { get } from '../../src/wps/access';
import { MemoryEt, type EtModelOptions } from '../../src/wps/memory/et';
import { probeCells, readSheet, sheetOf } from '../../src/wps/read';
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
  return sheetOf(get(wb, 'ActiveSheet'));
}

describe.each(BUILDS)('readSheet on WPS (%s)', (_name, opts) => {
  test('the seed form reads back as the workbook holds it: values, formulas, formats, fills, merges, errors', () => {
    const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);
    book.setCell(seedSketch.name, 'I19', { fill: '#92D050' });
    book.setCell(seedSketch.name, 'C3', { fill: '#FFFFFF' });
    book.setCell(seedSketch.name, 'J2', { value: '#DIV/0!', formula: '=1/0' });
    const et = new MemoryEt(book, opts);
    const expected = book.toSnapshots()[0];
    const read = readSheet(activeSheet(et));
    expect(read.truncated).toBe(false);
    expect(read.protection).toEqual({ protected: false, formatCells: true });
    expect(read.fillRows).toEqual({ top: 1, bottom: expected.cells.length });
    const byPlace = (a: CellRange, b: CellRange) => a.top - b.top || a.left - b.left;
    expect({ ...read.snapshot, merges: [...read.snapshot.merges].sort(byPlace) }).toEqual({
      ...expected,
      merges: [...expected.merges].sort(byPlace),
    });
    expect(analyzeSheet(read.snapshot).forms[0].total?.score).toBe('97.87');
  });

  test('a protected sheet says so, and whether it allows formatting', () => {
    const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);
    book.sheet(seedSketch.name).protected = true;
    expect(readSheet(activeSheet(new MemoryEt(book, opts))).protection).toEqual({ protected: true, formatCells: false });
    book.sheet(seedSketch.name).allowFormatCells = true;
    expect(readSheet(activeSheet(new MemoryEt(book, opts))).protection).toEqual({ protected: true, formatCells: true });
  });
});

test('the calls to read a form do not grow with its rows: 10, 100 and 1000 indicators', () => {
  const calls = [10, 100, 1000].map((n) => {
    const et = new MemoryEt(MemoryWorkbook.fromSnapshots([sketchToSnapshot(formWith(n))]));
    et.calls = 0;
    const read = readSheet(activeSheet(et));
    expect(analyzeSheet(read.snapshot).forms[0].indicators).toHaveLength(n);
    return et.calls;
  });
  expect(calls[2]).toBeLessThanOrEqual(calls[0] * 1.5);
});

test('probing cells answers in the order asked, reads a column run with a few calls, and says which sheet is gone', () => {
  const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(formWith(1000))]);
  const name = formWith(1000).name;
  book.setCell(name, 'H10', { fill: '#FFEB9C' });
  book.sheet(name).protected = true;
  for (let row = 6; row <= 1005; row++) book.setCell(name, `H${row}`, { locked: false });
  const et = new MemoryEt(book);
  const sheet = activeSheet(et);
  const ref = sheet.ref;
  const cells = [
    { sheet: { id: '不在了', name: '不在了' }, row: 1, col: 1 },
    ...Array.from({ length: 1000 }, (_, i) => ({ sheet: ref, row: 1005 - i, col: 8 })),
    { sheet: ref, row: 5, col: 7 },
  ];
  et.calls = 0;
  const probes = probeCells((r) => (r.name === ref.name ? sheet : null), cells);
  // A thousand cells in one run with a fill in its middle: the calls follow the regions, not the cells.
  expect(et.calls).toBeLessThan(100);
  expect(probes[0].missing).toBe(true);
  expect(probes[1]).toEqual({
    missing: false,
    state: { value: null, fill: null },
    locked: false,
    protection: { protected: true, formatCells: false },
  });
  expect(probes[1000 - 4].state).toEqual({ value: null, fill: '#FFEB9C' });
  expect(probes[1001]).toMatchObject({ state: { value: '分值', fill: null }, locked: true });
  expect(probes.slice(1, 1001).every((p) => p.locked === false)).toBe(true);
});
