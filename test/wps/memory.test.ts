// The in-memory WPS behaves like the documented one where the door could go wrong.
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { blockRows, get } from '../../src/wps/access';
import { MemoryEt, type EtModelOptions } from '../../src/wps/memory/et';

function bookWith(): MemoryWorkbook {
  const book = new MemoryWorkbook();
  book.addSheet('表');
  book.setCell('表', 'A1', { value: 1 });
  book.setCell('表', 'B1', { value: '文字' });
  book.setCell('表', 'A2', { value: '#DIV/0!', formula: '=1/0' });
  book.setCell('表', 'B2', { value: 0.5, numberFormat: '0.00%', fill: '#FFEB9C' });
  return book;
}

function sheetOf(et: MemoryEt) {
  return get(get(et.application, 'ActiveWorkbook')!, 'ActiveSheet');
}

test('Address is a method; a member is a property in one build and a method in another', () => {
  const asProperty = sheetOf(new MemoryEt(bookWith(), { members: 'property' }));
  const asMethod = sheetOf(new MemoryEt(bookWith(), { members: 'method' }));
  expect(typeof asProperty.Name).toBe('string');
  expect(typeof asMethod.Name).toBe('function');
  expect(get(asMethod, 'Name')).toBe('表');
  expect(get(asMethod, 'UsedRange').Address(false, false)).toBe('A1:B2');
  expect(get(asProperty, 'UsedRange').Address()).toBe('$A$1:$B$2');
});

test.each<[string, EtModelOptions]>([
  ['array', { blocks: 'array' }],
  ['Item(r, c)', { blocks: 'item' }],
])('a block read as %s gives the same cells; errors are CVErr numbers, empty cells undefined', (_name, opts) => {
  const range = sheetOf(new MemoryEt(bookWith(), opts)).Range('A1:C2');
  expect(blockRows(get(range, 'Value2'), 2, 3)).toEqual([
    [1, '文字', undefined],
    [-2146826281, 0.5, undefined],
  ]);
  expect(blockRows(get(range, 'Formula'), 2, 3)).toEqual([
    ['1', '文字', ''],
    ['=1/0', '0.5', ''],
  ]);
});

test('NumberFormat, Interior and MergeCells answer null for a mixed range; colours are BGR', () => {
  const ws = sheetOf(new MemoryEt(bookWith()));
  expect(get(ws.Range('A1:B2'), 'NumberFormat')).toBeNull();
  expect(get(ws.Range('B2'), 'NumberFormat')).toBe('0.00%');
  expect(get(get(ws.Range('B2'), 'Interior'), 'Color')).toBe(0x9cebff);
  expect(get(get(ws.Range('A1:B2'), 'Interior'), 'Color')).toBeNull();
  expect(get(get(ws.Range('A1'), 'Interior'), 'Color')).toBe(16777215);
  expect(get(get(ws.Range('A1'), 'Interior'), 'Pattern')).toBe(-4142);
  expect(get(ws.Range('A1:B2'), 'MergeCells')).toBe(false);
});

test('a string written is read like typed input; an apostrophe keeps text', () => {
  const book = bookWith();
  const ws = sheetOf(new MemoryEt(book));
  ws.Range('C1:C3').Formula = [['95%'], ["'95%"], ['=A1*2']];
  expect(book.cell('表', 'C1')).toMatchObject({ value: 0.95, numberFormat: '0%' });
  expect(book.cell('表', 'C2')).toMatchObject({ value: '95%' });
  expect(book.cell('表', 'C3')).toMatchObject({ formula: '=A1*2' });
});

test('locked cells of a protected sheet refuse writes; unlocked ones take them; formats only where the protection allows them', () => {
  const book = bookWith();
  book.sheet('表').protected = true;
  for (let row = 1; row <= 5; row++) book.setCell('表', `D${row}`, { locked: false });
  const et = new MemoryEt(book);
  const ws = sheetOf(et);
  expect(() => (ws.Range('A1').Value2 = 5)).toThrow('受保护');
  expect(get(ws.Range('D1:D5'), 'Locked')).toBe(false);
  expect(get(ws.Range('C1:D1'), 'Locked')).toBeNull();
  ws.Range('D1').Value2 = 5;
  expect(book.cell('表', 'D1').value).toBe(5);
  expect(get(get(ws, 'Protection')!, 'AllowFormattingCells')).toBe(false);
  expect(() => (ws.Range('D1').NumberFormat = '0.00')).toThrow('受保护');
  book.sheet('表').allowFormatCells = true;
  ws.Range('D1').NumberFormat = '0.00';
  expect(book.cell('表', 'D1').numberFormat).toBe('0.00');
});

test('while the person types in a cell, every call but Application.Ready fails', () => {
  const book = bookWith();
  const et = new MemoryEt(book);
  const ws = sheetOf(et);
  book.cellEditMode = true;
  expect(get(et.application, 'Ready')).toBe(false);
  expect(() => get(ws, 'Name')).toThrow('rejected');
});

test('a custom document property keeps at most 255 characters, unless the build has no limit', () => {
  const limited = new MemoryEt(bookWith());
  const props = get(get(limited.application, 'ActiveWorkbook')!, 'CustomDocumentProperties');
  props.Add('长', false, 4, 'x'.repeat(300));
  expect(String(get(props.Item('长'), 'Value'))).toHaveLength(255);
  expect(() => props.Item('无')).toThrow();
  const unlimited = new MemoryEt(bookWith(), { propertyLimit: null });
  const all = get(get(unlimited.application, 'ActiveWorkbook')!, 'CustomDocumentProperties');
  all.Add('长', false, 4, 'x'.repeat(300));
  expect(String(get(all.Item('长'), 'Value'))).toHaveLength(300);
});

test('every member access is counted as one call into WPS', () => {
  const et = new MemoryEt(bookWith());
  const ws = sheetOf(et);
  et.calls = 0;
  get(ws.Range('A1:B2'), 'Value2');
  expect(et.calls).toBe(2);
});

test('Select needs the sheet to be active', () => {
  const book = bookWith();
  book.addSheet('其他');
  const et = new MemoryEt(book);
  const sheets = get(get(et.application, 'ActiveWorkbook')!, 'Worksheets');
  expect(() => sheets.Item('其他').Range('A1').Select()).toThrow('未激活');
  sheets.Item('其他').Activate();
  sheets.Item('其他').Range('A1,B2').Select();
  expect(book.selectedAddress).toBe('其他!A1,B2');
});

test('SheetChange passes the sheet and the range the person changed', () => {
  const book = bookWith();
  const et = new MemoryEt(book);
  const seen: string[] = [];
  et.application.ApiEvent?.AddApiEventListener('SheetChange', (sheet, target) =>
    seen.push(`${get(sheet, 'Name')}!${target.Address(false, false)}`),
  );
  book.edit('表', 'B5', 3);
  expect(seen).toEqual(['表!B5']);
});
