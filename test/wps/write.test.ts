// Writing into the in-memory WPS in blocks, and keeping values in document properties.
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { MemoryEt } from '../../src/wps/memory/et';
import { DocPropertyStore } from '../../src/wps/store';
import { checkUnlocked, planBlocks, SheetCache, withScreenOff, writeBlocks, type CellWrite } from '../../src/wps/write';

function setup(rows = 1000) {
  const book = new MemoryWorkbook();
  book.addSheet('表');
  for (let r = 1; r <= rows; r++) book.setCell('表', `A${r}`, { value: r });
  const et = new MemoryEt(book);
  return { book, et, sheets: new SheetCache(et.application) };
}

const scores = (n: number): CellWrite[] => Array.from({ length: n }, (_, i) => ({ sheet: '表', row: i + 1, col: 2, state: { value: i / 4, numberFormat: '0.00' } }));

test('a column of scores is one block: three calls to write 1000 cells, values as numbers with their format', () => {
  const { book, et, sheets } = setup();
  const blocks = planBlocks(scores(1000));
  expect(blocks).toHaveLength(1);
  sheets.get('表');
  et.calls = 0;
  writeBlocks(sheets, blocks, (w) => w);
  expect(et.calls).toBe(3);
  expect(book.cell('表', 'B1000')).toMatchObject({ value: 249.75, numberFormat: '0.00' });
});

test('blocks split where the column, the row run, the format or the kind changes; text stays text', () => {
  const blocks = planBlocks([
    { sheet: '表', row: 5, col: 8, state: { value: 1, numberFormat: '0.00%' } },
    { sheet: '表', row: 6, col: 8, state: { value: 2, numberFormat: '0.00' } },
    { sheet: '表', row: 7, col: 8, state: { value: 3, numberFormat: '0.00' } },
    { sheet: '表', row: 9, col: 8, state: { value: '100%' } },
    { sheet: '表', row: 9, col: 9, state: { fill: '#FFEB9C' } },
  ]);
  expect(blocks.map((b) => [b.rect, b.numberFormat, b.contents, b.fill])).toEqual([
    [{ top: 5, left: 8, bottom: 5, right: 8 }, '0.00%', [1], undefined],
    [{ top: 6, left: 8, bottom: 7, right: 8 }, '0.00', [2, 3], undefined],
    [{ top: 9, left: 8, bottom: 9, right: 8 }, undefined, ["'100%"], undefined],
    [{ top: 9, left: 9, bottom: 9, right: 9 }, undefined, undefined, '#FFEB9C'],
  ]);
});

test('a failure part-way puts back what was written, and screen updating comes back on', () => {
  const { book, et, sheets } = setup(10);
  book.failingCells.add('表!C3');
  const before = book.toSnapshots();
  const writes = [...scores(5), ...scores(5).map((w) => ({ ...w, col: 3 }))];
  expect(() => withScreenOff(et.application, () => writeBlocks(sheets, planBlocks(writes), (w) => ({ ...w, state: { value: null, numberFormat: 'General' } })))).toThrow();
  expect(book.toSnapshots()).toEqual(before);
  expect(et.screenUpdatingSets).toEqual([false, true]);
});

test('a protected sheet: locked cells, or a format change, stop the write before anything is written; unlocked cells take values', () => {
  const { book, et, sheets } = setup(10);
  book.sheet('表').protected = true;
  et.unlock('表', 'B1:B5');
  const values = (n: number) => scores(n).map((w) => ({ ...w, state: { value: w.state.value } }));
  expect(() => checkUnlocked(sheets, planBlocks(values(6)))).toThrow(expect.objectContaining({ kind: 'protected' }));
  expect(() => checkUnlocked(sheets, planBlocks(scores(5)))).toThrow(expect.objectContaining({ kind: 'protected' }));
  expect(() => checkUnlocked(sheets, planBlocks(values(5)))).not.toThrow();
});

describe('document properties', () => {
  const record = { entries: Array.from({ length: 40 }, (_, i) => ({ cell: `H${i + 1}`, before: { value: '原来的文字', numberFormat: 'General' } })) };

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
