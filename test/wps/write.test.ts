// Writing into the in-memory WPS in blocks, and keeping values in document properties.
import type { CellWrite } from '../../src/door/host';
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { get } from '../../src/wps/access';
import { MemoryEt } from '../../src/wps/memory/et';
import { DocPropertyStore } from '../../src/wps/store';
import { planBlocks, withScreenOff, writeBlocks } from '../../src/wps/write';

const SHEET = { id: '表', name: '表' };

function setup(rows = 1000) {
  const book = new MemoryWorkbook();
  book.addSheet('表');
  for (let r = 1; r <= rows; r++) book.setCell('表', `A${r}`, { value: r });
  const et = new MemoryEt(book);
  const ws = get(get(et.application, 'ActiveWorkbook')!, 'ActiveSheet');
  return { book, et, sheet: () => ws };
}

const scores = (n: number): CellWrite[] =>
  Array.from({ length: n }, (_, i) => ({ sheet: SHEET, row: i + 1, col: 2, set: { value: i / 4, numberFormat: '0.00' } }));

test('a column of scores is one block: three calls to write 1000 cells, values as numbers with their format', () => {
  const { book, et, sheet } = setup();
  const blocks = planBlocks(scores(1000));
  expect(blocks).toHaveLength(1);
  et.calls = 0;
  writeBlocks(sheet, blocks);
  expect(et.calls).toBe(3);
  expect(book.cell('表', 'B1000')).toMatchObject({ value: 249.75, numberFormat: '0.00' });
});

test('blocks split where the column, the row run, the format or the kind changes; text stays text', () => {
  const blocks = planBlocks([
    { sheet: SHEET, row: 5, col: 8, set: { value: 1, numberFormat: '0.00%' } },
    { sheet: SHEET, row: 6, col: 8, set: { value: 2, numberFormat: '0.00' } },
    { sheet: SHEET, row: 7, col: 8, set: { value: 3, numberFormat: '0.00' } },
    { sheet: SHEET, row: 9, col: 8, set: { value: '100%' } },
    { sheet: SHEET, row: 9, col: 9, set: { fill: '#FFEB9C' } },
  ]);
  expect(blocks.map((b) => [b.top, b.bottom, b.col, b.numberFormat, b.contents, b.fill])).toEqual([
    [5, 5, 8, '0.00%', [1], undefined],
    [6, 7, 8, '0.00', [2, 3], undefined],
    [9, 9, 8, undefined, ["'100%"], undefined],
    [9, 9, 9, undefined, undefined, '#FFEB9C'],
  ]);
});

test('a failure stops the write where it happened, and screen updating comes back on', () => {
  const { book, et, sheet } = setup(10);
  book.failingCells.add('表!C3');
  const writes = [...scores(5), ...scores(5).map((w) => ({ ...w, col: 3 }))];
  expect(() => withScreenOff(et.application, () => writeBlocks(sheet, planBlocks(writes)))).toThrow();
  expect(book.cell('表', 'B5').value).toBe(1);
  expect(book.cell('表', 'C2').value).toBe(0.25);
  expect(book.cell('表', 'C4').value).toBeNull();
  expect(et.screenUpdatingSets).toEqual([false, true]);
});

test('fills are written as BGR colours and removed with xlPatternNone', () => {
  const { book, sheet } = setup(3);
  writeBlocks(sheet, planBlocks([1, 2].map((row) => ({ sheet: SHEET, row, col: 1, set: { fill: '#FFEB9C' } }))));
  expect(book.cell('表', 'A2').fill).toBe('#FFEB9C');
  writeBlocks(sheet, planBlocks([{ sheet: SHEET, row: 1, col: 1, set: { fill: null } }]));
  expect(book.cell('表', 'A1').fill).toBeUndefined();
  expect(book.cell('表', 'A2').fill).toBe('#FFEB9C');
});

describe('document properties', () => {
  const record = {
    entries: Array.from({ length: 40 }, (_, i) => ({ cell: `H${i + 1}`, before: { value: '原来的文字', numberFormat: 'General' } })),
  };

  test.each([
    ['keeps 255 characters a property', 255],
    ['keeps any length', null],
  ])('a value longer than a property survives on a WPS that %s, and is removed whole', (_name, limit) => {
    const book = new MemoryWorkbook();
    book.addSheet('表');
    const et = new MemoryEt(book, { propertyLimit: limit });
    const store = new DocPropertyStore(et.application);
    store.set('jixiao.undo', record);
    expect(new DocPropertyStore(et.application).get('jixiao.undo')).toEqual(record);
    store.set('jixiao.undo', { entries: [] });
    expect(store.get('jixiao.undo')).toEqual({ entries: [] });
    store.set('jixiao.undo', null);
    expect(store.get('jixiao.undo')).toBeNull();
    expect([...et.properties.keys()]).toEqual([]);
  });

  test('where WPS cuts a property short, the value is deflated and kept in parts as long as WPS keeps', () => {
    const big = {
      entries: Array.from({ length: 2000 }, (_, i) => ({
        sheet: '表',
        cell: `H${i + 6}`,
        before: { value: null },
        after: { value: i / 8, numberFormat: '0.00' },
      })),
    };
    const parts = (limit: number) => {
      const book = new MemoryWorkbook();
      book.addSheet('表');
      const et = new MemoryEt(book, { propertyLimit: limit });
      new DocPropertyStore(et.application).set('jixiao.undo', big);
      expect(new DocPropertyStore(et.application).get('jixiao.undo')).toEqual(big);
      const stored = [...et.properties].filter(([name]) => name.startsWith('jixiao.undo#')).map(([, text]) => String(text));
      expect(stored[0].startsWith('~')).toBe(true);
      expect(stored.every((text) => text.length <= limit)).toBe(true);
      return stored.length;
    };
    const json = JSON.stringify(big).length;
    expect(parts(255)).toBeLessThan(json / 255 / 10);
    expect(parts(1000)).toBeLessThan(parts(255) / 3);
  });

  test('a value that does not read back (cut short by hand) reads as nothing, not as a crash', () => {
    const book = new MemoryWorkbook();
    book.addSheet('表');
    const et = new MemoryEt(book, { propertyLimit: null });
    const store = new DocPropertyStore(et.application);
    store.set('jixiao.marks', [1, 2, 3]);
    et.properties.set('jixiao.marks#0', '[1, 2');
    expect(store.get('jixiao.marks')).toBeNull();
  });
});
