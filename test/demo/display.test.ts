// The grid shows numbers as Excel shows them under the number formats these forms use.
import { displayText } from '../../src/demo/display';
import { parseTyped } from '../../src/demo/typed';

describe('displayText', () => {
  test.each([
    [1, '0.00%', '100.00%'],
    [1.0259, '0.00%', '102.59%'],
    [0.8553, '0.00%', '85.53%'],
    [0.9787, '0%', '98%'],
    [0.125, '0.0%', '12.5%'],
    [1.92, '0.00', '1.92'],
    [2.675, '0.00', '2.68'],
    [-2.675, '0.00', '-2.68'],
    [96, '0.00_ ', '96.00 '],
    [8016.09, '#,##0.00', '8,016.09'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [1234567, '#,##0', '1,234,567'],
    [10, '0"分"', '10分'],
    [-3, '0.00;[Red]-0.00', '-3.00'],
    [0.1 + 0.2, undefined, '0.3'],
    [97.87, 'General', '97.87'],
    [1 / 3, undefined, '0.333333333'],
    [123456789012, undefined, '1.23457E+11'],
  ])('%p under %p shows %p', (value, format, shown) => {
    expect(displayText(value, format)).toBe(shown);
  });

  test('text, booleans and empty cells', () => {
    expect(displayText('<b>不是标记</b>', '0.00')).toBe('<b>不是标记</b>');
    expect(displayText(true)).toBe('TRUE');
    expect(displayText(null, '0.00%')).toBe('');
  });
});

describe('parseTyped', () => {
  test('what typing into a cell stores', () => {
    expect(parseTyped('96')).toEqual({ value: 96 });
    expect(parseTyped('85%')).toEqual({ value: 0.85, numberFormat: '0%' });
    expect(parseTyped('85.53%')).toEqual({ value: 0.8553, numberFormat: '0.00%' });
    expect(parseTyped('85%', '0.00%')).toEqual({ value: 0.85 });
    expect(parseTyped('10 分')).toEqual({ value: '10 分' });
    expect(parseTyped('  ')).toEqual({ value: null });
    expect(parseTyped('false')).toEqual({ value: false });
  });
});
