import {
  a1,
  columnLetters,
  columnNumber,
  compareAddresses,
  parseA1,
  parseColumns,
  parseRange,
  quoteSheet,
  rangeText,
  splitSheet,
} from '../../src/core/address';

describe('column letters and numbers', () => {
  test.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('%i ↔ %s', (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
    expect(columnNumber(letters.toLowerCase())).toBe(n);
  });

  test.each(['', 'A1', 'ABCD', '甲'])('%j is not a column', (text) => expect(columnNumber(text)).toBeNull());
});

describe('cell addresses', () => {
  test.each([
    ['B12', { row: 12, col: 2 }],
    ['$B$12', { row: 12, col: 2 }],
    [' aa3 ', { row: 3, col: 27 }],
  ])('%j reads as %j', (text, want) => expect(parseA1(text)).toEqual(want));

  test.each(['', 'B', '12', 'B0', 'B12:C3', 'Sheet1!B1', 'ABCD1'])('%j is not one cell', (text) => expect(parseA1(text)).toBeNull());

  test('a1 is the inverse of parseA1', () => {
    for (const [row, col] of [
      [1, 1],
      [40, 9],
      [1048576, 16384],
    ])
      expect(parseA1(a1(row, col))).toEqual({ row, col });
  });
});

describe('ranges and sheet names', () => {
  test.each([
    ['A5:A11', { top: 5, left: 1, bottom: 11, right: 1 }],
    ['C3:A1', { top: 1, left: 1, bottom: 3, right: 3 }],
    ['B3', { top: 3, left: 2, bottom: 3, right: 2 }],
    ["'Sheet (2)'!B3:D4", { top: 3, left: 2, bottom: 4, right: 4 }],
    ['Sheet1!$B$3', { top: 3, left: 2, bottom: 3, right: 2 }],
  ])('%j reads as %j', (text, want) => expect(parseRange(text)).toEqual(want));

  test.each(['A1:B2:C3', 'A:C', '', 'x'])('%j is not a range of cells', (text) => expect(parseRange(text)).toBeNull());

  test('a one-cell range is written as the cell; a sheet name is quoted when it needs it', () => {
    expect(rangeText({ top: 3, left: 2, bottom: 3, right: 2 })).toBe('B3');
    expect(rangeText({ top: 1, left: 1, bottom: 3, right: 3 })).toBe('A1:C3');
    expect(rangeText({ top: 1, left: 1, bottom: 3, right: 3 }, "Bob's (2)")).toBe("'Bob''s (2)'!A1:C3");
    expect(quoteSheet('Sheet1')).toBe('Sheet1');
    expect(quoteSheet('自评表')).toBe("'自评表'");
  });

  test('splitSheet undoes the quoting', () => {
    expect(splitSheet("'Bob''s (2)'!A1:C3")).toEqual({ sheet: "Bob's (2)", local: 'A1:C3' });
    expect(splitSheet('A1')).toEqual({ sheet: null, local: 'A1' });
  });

  test('reading order goes by row, then column', () => {
    const sorted = ['C2', 'A10', 'B2', 'A1', 'AA1'].sort(compareAddresses);
    expect(sorted).toEqual(['A1', 'AA1', 'B2', 'C2', 'A10']);
  });
});

describe('whole columns', () => {
  test.each([
    ['D:D', { top: 1, left: 4, bottom: 1048576, right: 4 }],
    ['$F:$B', { top: 1, left: 2, bottom: 1048576, right: 6 }],
  ])('%j reads as %j', (text, want) => expect(parseColumns(text)).toEqual(want));

  test.each(['D', 'D1:D2', 'D:D:E', 'ABCD:A', ''])('%j is not whole columns', (text) => expect(parseColumns(text)).toBeNull());
});
