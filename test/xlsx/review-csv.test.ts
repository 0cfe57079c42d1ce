// The CSV's defence against formula injection, case by case: what a spreadsheet (Excel, WPS,
// LibreOffice; comma or semicolon as separator) would run as a formula must arrive as text.
import { csvField, looksLikeFormula } from '../../src/xlsx/review-csv';

/** Split a CSV line as a spreadsheet whose separator is `sep` does, honouring quotes. */
function fields(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** What would start a formula once leading blanks are skipped. */
const RUNS = /^[\s\u00a0\u200b\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

describe.each([
  ['ASCII =', '=HYPERLINK("http://x","点我")'],
  ['full-width ＝', '＝1+1'],
  ['full-width ＋', '＋SUM(A1)'],
  ['leading space', ' =1+1'],
  ['leading NBSP', '\u00a0=1+1'],
  ['leading zero-width space', '\u200b=1+1'],
  ['leading ideographic space', '\u3000=cmd'],
  ['leading BOM', '\ufeff@SUM(A1)'],
  ['semicolon payload', "单位;=cmd|' /C calc'!A0"],
  ['comma payload', '单位,=1+1'],
  ['tab payload', '单位\t=1+1'],
  ['plus', '+2022'],
  ['minus', '-1+1'],
])('%s', (_, text) => {
  test('is defused in a comma CSV and in a semicolon CSV', () => {
    expect(looksLikeFormula(text)).toBe(true);
    const field = csvField(text, true);
    for (const sep of [',', ';', '\t']) {
      const parsed = fields(`a${sep}${field}${sep}b`, sep);
      expect(parsed).toHaveLength(3);
      expect(parsed[1]).not.toMatch(RUNS);
      expect(parsed[1]).toBe(`'${text}`);
    }
  });
});

test.each([['株洲市公安局渌口分局'], ['100.00%'], ['预算 2022 年度'], ['a = b']])('plain text %s is left as it is', (text) => {
  expect(looksLikeFormula(text)).toBe(false);
  expect(csvField(text, true)).toBe(text);
});

test('the engine’s own figures are never prefixed', () => {
  expect(csvField('-0.50', false)).toBe('-0.50');
});
