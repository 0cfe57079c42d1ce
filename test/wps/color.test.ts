// Colours and error values as WPS keeps them.
import { bgrToHex, cvErrOf, cvErrText, hexToBgr } from '../../src/wps/color';
import { MARK_COLORS } from '../../src/door/marks';

test.each([
  ['#FF0000', 255],
  ['#00FF00', 65280],
  ['#0000FF', 16711680],
  ['#FFFFFF', 16777215],
  ['#000000', 0],
  ['#FFEB9C', 0x9cebff],
  ['#DDEBF7', 0xf7ebdd],
])('%s is BGR %i and back', (hex, bgr) => {
  expect(hexToBgr(hex)).toBe(bgr);
  expect(bgrToHex(bgr)).toBe(hex);
});

test('every mark colour survives the round trip, lower case in', () => {
  for (const hex of Object.values(MARK_COLORS)) expect(bgrToHex(hexToBgr(hex.toLowerCase()))).toBe(hex);
});

test('not a colour: a clear error, or null for a number out of range', () => {
  expect(() => hexToBgr('red')).toThrow('#RRGGBB');
  expect(bgrToHex(-1)).toBeNull();
  expect(bgrToHex(0x1000000)).toBeNull();
  expect(bgrToHex(1.5)).toBeNull();
});

test('CVErr numbers: #DIV/0! is -2146826281, ordinary numbers are not errors', () => {
  expect(cvErrText(-2146826281)).toBe('#DIV/0!');
  expect(cvErrOf('#N/A')).toBe(-2146826246);
  expect(cvErrText(2007)).toBeNull();
  expect(cvErrText(97.87)).toBeNull();
});
