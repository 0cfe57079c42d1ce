// The catalogue of bad workbooks through the command: each gives findings or one clear line of
// refusal, within bounded memory and without hanging, and a refused recompute writes nothing.
import { promises as fs } from 'fs';
import path from 'path';
import type { JsonReport } from '../../src/cli/json';
import { badCatalogue, makeBadWorkbooks, type BadCase } from '../../scripts/make-bad-workbooks';
import { openXlsxBytes } from '../../src/xlsx/file';
import { run, STACK, tempDir } from '../cli/helpers';
import { CASE_EXPECTATIONS, formView, GAVE_UP } from './expectations';
import { expectBounded, HANG_GUARD, measure, printTable, type Figures } from './measure';

// Only a hang fails on time (measure.ts); the catalogue's own limits are on memory and outcome.
jest.setTimeout(HANG_GUARD);

/** The English half of each refusal, which names the problem. */
const PROBLEM_TEXT: Record<string, RegExp> = {
  'not-xlsx': /not an \.xlsx file/,
  corrupt: /corrupt or truncated/,
  encrypted: /encrypted/,
  'no-sheets': /no sheets/,
  'too-large': /too (large|many)/,
  ambiguous: /duplicate zip entry/,
};

const CATALOGUE = badCatalogue();
let dir = '';
let folder = '';
const files = new Map<string, BadCase>();
const table: Figures[] = [];

function fileOf(id: string): string {
  const c = files.get(id);
  if (!c) throw new Error(`no file for ${id}`);
  return c.file;
}

/** The options a case is checked with, then the file. */
function argsOf(c: { id: string; args?: string[] }): string[] {
  return [...(c.args ?? []), fileOf(c.id)];
}

beforeAll(async () => {
  dir = await tempDir();
  folder = path.join(dir, 'catalogue');
  for (const c of await makeBadWorkbooks(folder)) files.set(c.id, c);
}, 2 * HANG_GUARD);

afterAll(async () => {
  printTable('jixiao check --json, per case (memory of the test process)', table);
  await fs.rm(dir, { recursive: true, force: true });
});

describe.each(CATALOGUE)('$id: $title', (c) => {
  test(c.expect === 'refusal' ? 'check refuses it in one clear line (exit 2)' : 'check reads it and reports findings', async () => {
    const { value: r, figures } = await measure(c.id, table, () => run('check', '--json', ...argsOf(c)));
    expectBounded(figures);
    expect(r.err).not.toMatch(STACK);
    const report = JSON.parse(r.out) as JsonReport;
    const [file] = report.files;
    if (c.expect === 'refusal') {
      expect(r.code).toBe(2);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^jixiao：.*（.*）$/);
      expect(file.error).toMatch(PROBLEM_TEXT[c.problem ?? '']);
      expect(file.forms).toEqual([]);
    } else {
      expect(file.error).toBeNull();
      expect([0, 1]).toContain(r.code);
      const codes = [...file.findings, ...file.forms.flatMap((f) => f.findings)].map((f) => f.code);
      expect(codes.filter((code) => GAVE_UP.includes(code))).toEqual([]);
      // A sheet beside the form (the weights sheet) is no error of the file.
      expect(file.findings.map((f) => f.code)).not.toContain('form.not-found');
      CASE_EXPECTATIONS[c.id](file.forms.map(formView));
    }
  });

  if (c.expect === 'refusal') {
    test('recompute --out refuses it and writes no file', async () => {
      const out = path.join(dir, `${c.id}-out.xlsx`);
      const r = await run('recompute', ...argsOf(c), '--out', out);
      expect(r.code).toBe(2);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(STACK);
      await expect(fs.stat(out)).rejects.toThrow();
    });
  } else if (c.id !== 'huge-sheet') {
    // The huge sheet is left out here to keep the suite short: its read is what check measured.
    test('recompute writes a new file and leaves the input as it was', async () => {
      const input = fileOf(c.id);
      const before = await fs.readFile(input);
      const out = path.join(dir, `${c.id}-out.xlsx`);
      const check = await run('check', input);
      const r = await run('recompute', input, '--out', out);
      expect(r.code).toBe(check.code);
      expect(r.err).not.toMatch(STACK);
      // The new file opens through the door with the same sheets and merges as the input.
      const [was, now] = [openXlsxBytes(input, before), openXlsxBytes(out, await fs.readFile(out))];
      expect(now.snapshots().map((s) => [s.sheet, s.merges])).toEqual(was.snapshots().map((s) => [s.sheet, s.merges]));
      expect(Buffer.compare(await fs.readFile(input), before)).toBe(0);
    });
  }
});

test('below a lowered limit the huge sheet is refused in one line before it is loaded, and recompute writes nothing', async () => {
  // --max-mb 10: the 2.8 MB file passes, its 28 MB of sheet XML does not (the limit is 2 × 10 MB unpacked).
  const { value: r, figures } = await measure('huge-sheet --max-mb 10', table, () => run('check', '--max-mb', '10', fileOf('huge-sheet')));
  // Refused from the zip's directory: the 28 MB of XML is never unpacked.
  expect(figures.peakGrowthMB).toBeLessThan(100);
  expect(r.code).toBe(2);
  expect(r.err.split('\n')).toHaveLength(1);
  expect(r.err).toMatch(/^jixiao：.*--max-mb/);
  const out = path.join(dir, 'huge-limited-out.xlsx');
  const rec = await run('recompute', fileOf('huge-sheet'), '--max-mb', '10', '--out', out);
  expect(rec.code).toBe(2);
  expect(rec.err).not.toMatch(STACK);
  await expect(fs.stat(out)).rejects.toThrow();
});

test('a batch over the whole catalogue goes on past the bad files and reports each', async () => {
  const { value: r, figures } = await measure('batch (whole folder, 2 workers)', table, () =>
    run('check', '--json', '--workers', '2', folder),
  );
  expectBounded(figures);
  expect(r.code).toBe(1);
  expect(r.err).not.toMatch(STACK);
  const report = JSON.parse(r.out) as JsonReport;
  expect(report.files.map((f) => path.basename(f.file))).toEqual(CATALOGUE.map((c, i) => `${String(i + 1).padStart(2, '0')}-${c.id}.xlsx`));
  for (const [i, c] of CATALOGUE.entries()) {
    const file = report.files[i];
    if (c.expect === 'refusal' && c.args) {
      // Refused only under its lowered limit: at the defaults it is read, or refused, but never a crash.
      expect(file.error === null || PROBLEM_TEXT[c.problem ?? ''].test(file.error)).toBe(true);
    } else if (c.expect === 'refusal') {
      expect(file.error).toMatch(PROBLEM_TEXT[c.problem ?? '']);
      expect(r.err).toContain(`jixiao：${file.file}：`);
    } else {
      expect(file.error).toBeNull();
      expect(file.forms.length).toBeGreaterThan(0);
    }
  }
  expect(report.summary.files).toBe(CATALOGUE.length);
});
