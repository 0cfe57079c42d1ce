// recompute on a workbook holding every feature a whole-workbook copy used to drop: the zips are
// compared part by part. Only the form's sheet, the styles (formats appended) and the workbook
// part (recalculate on opening) may differ, and inside the sheet only the cells written.
import { promises as fs } from 'fs';
import path from 'path';
import { unzipSync, strFromU8 } from 'fflate';
import type { JsonReport } from '../../src/cli/json';
import { a1 } from '../../src/core/address';
import type { Snapshot } from '../../src/core/types';
import { XlsxBook } from '../../src/xlsx/book';
import { parseStyles } from '../../src/xlsx/styles';
import { scanXml } from '../../src/xlsx/xml';
import { run, STACK, tempDir } from '../cli/helpers';
import { everyFeatureWorkbook, FORM_PART } from './every-feature';

/** Every element of an XML text as "path attrs", in document order. */
function elements(text: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  scanXml('x', text, {
    open(t) {
      stack.push(t.name);
      const attrs = Object.entries(t.attributes)
        .filter(([k]) => k !== 'count')
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      out.push(`${stack.join('>')} ${attrs}`);
      if (t.selfClosing) stack.pop();
    },
    close(_name, end, start) {
      if (start !== end) stack.pop();
    },
  });
  return out;
}

/** True when `small` is `big` with some items left out, in order. */
function isSubsequence(small: string[], big: string[]): boolean {
  let i = 0;
  for (const x of big) if (i < small.length && small[i] === x) i++;
  return i === small.length;
}

function cellsOf(s: Snapshot): Map<string, string> {
  const out = new Map<string, string>();
  s.cells.forEach((row, r) => row.forEach((c, k) => out.set(a1(s.top + r, s.left + k), JSON.stringify(c))));
  return out;
}

let dir = '';
let input = '';
let output = '';
let report: JsonReport;
let code = 0;
let checkCode = -1;
let err = '';
let before: Record<string, Uint8Array>;
let after: Record<string, Uint8Array>;

beforeAll(async () => {
  dir = await tempDir();
  input = path.join(dir, '全功能.xlsm');
  output = path.join(dir, '全功能-重算.xlsm');
  await fs.writeFile(input, await everyFeatureWorkbook());
  checkCode = (await run('check', input)).code;
  const r = await run('recompute', input, '--out', output, '--json');
  code = r.code;
  err = r.err;
  report = JSON.parse(r.out) as JsonReport;
  before = unzipSync(await fs.readFile(input));
  after = unzipSync(await fs.readFile(output));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const written = (): string[] => report.files[0].forms.flatMap((f) => f.writes.map((w) => w.cell));

test('recompute writes the figures and says nothing is lost', () => {
  expect(code).toBe(checkCode);
  expect(written().length).toBeGreaterThan(3);
  expect(err).not.toMatch(STACK);
  expect(err).toBe('');
});

test('every part other than the sheet, the styles and the workbook part is byte for byte the same, none added or lost', () => {
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  const changed = Object.keys(before).filter((name) => Buffer.compare(Buffer.from(before[name]), Buffer.from(after[name])) !== 0);
  expect(changed.sort()).toEqual([FORM_PART, 'xl/styles.xml', 'xl/workbook.xml'].sort());
  // What a whole-workbook copy used to drop is among the unchanged parts.
  for (const part of [
    'xl/vbaProject.bin',
    'xl/externalLinks/externalLink1.xml',
    'xl/drawings/drawing1.xml',
    'xl/printerSettings/printerSettings1.bin',
    'docProps/custom.xml',
    'customXml/item1.xml',
    'xl/worksheets/sheet2.xml',
    '[Content_Types].xml',
  ]) {
    expect(Object.keys(before)).toContain(part);
    expect(changed).not.toContain(part);
  }
});

test('inside the sheet only the written cells differ: merges, validations, page set-up, breaks, drawing and extensions stay', () => {
  const strip = (xml: string): string => {
    let out = xml;
    for (const cell of written()) out = out.replace(new RegExp(`<c r="${cell}"[^>]*?(/>|>.*?</c>)`), `<c r="${cell}"/>`);
    return out;
  };
  const old = strFromU8(before[FORM_PART]);
  const now = strFromU8(after[FORM_PART]);
  expect(strip(now)).toBe(strip(old));
  for (const kept of [
    'sqref="G:G"',
    'useFirstPageNumber="1"',
    '<rowBreaks',
    '<drawing r:id="rIdDrw"/>',
    'x14:sparklineGroups',
    "'下拉选项'!$A$1:$A$4",
    '[1]预算!$A$1',
  ]) {
    expect(now).toContain(kept);
    expect(now.split(kept)).toHaveLength(old.split(kept).length);
  }
});

test('every cell not written is the same, on both sheets, and the written ones hold the new figures', async () => {
  const was = XlsxBook.open(input, await fs.readFile(input)).snapshots();
  const now = XlsxBook.open(output, await fs.readFile(output)).snapshots();
  expect(now.map((s) => s.sheet)).toEqual(was.map((s) => s.sheet));
  expect(now.map((s) => s.merges)).toEqual(was.map((s) => s.merges));
  const writes = new Set(written());
  was.forEach((sheet, i) => {
    const a = cellsOf(sheet);
    const b = cellsOf(now[i]);
    for (const [cell, content] of a) if (!(i === 0 && writes.has(cell))) expect({ cell, content: b.get(cell) }).toEqual({ cell, content });
  });
  const form = report.files[0].forms[0];
  for (const w of form.writes) expect(JSON.parse(cellsOf(now[0]).get(w.cell) ?? '{}')).toMatchObject({ value: expect.anything() });
});

test('the workbook part only gains fullCalcOnLoad; its protection, external references and names stay', () => {
  const old = strFromU8(before['xl/workbook.xml']);
  const now = strFromU8(after['xl/workbook.xml']);
  expect(now).toContain('fullCalcOnLoad="1"');
  expect(now.replace(' fullCalcOnLoad="1"', '')).toBe(old);
  expect(now).toContain('<workbookProtection lockStructure="1"/>');
});

test('the styles keep every existing entry (the named style too) and only gain new ones', () => {
  const old = strFromU8(before['xl/styles.xml']);
  const now = strFromU8(after['xl/styles.xml']);
  expect(isSubsequence(elements(old), elements(now))).toBe(true);
  const extra = elements(now).length - elements(old).length;
  expect(extra).toBeGreaterThan(0);
  const a = parseStyles('old', old);
  const b = parseStyles('new', now);
  a.cellXfs.forEach((xf, i) => expect(now.slice(b.cellXfs[i].start, b.cellXfs[i].end)).toBe(old.slice(xf.start, xf.end)));
  expect(now).toContain('<cellStyle name="财务表头" xfId="1"/>');
});
