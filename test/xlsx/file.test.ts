// Opening files that are not what they claim: each becomes one XlsxFileError naming the file.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { DEFAULT_LIMITS, loadWorkbook, lostOnCopy, saveWorkbook, XlsxFileError, type XlsxFileProblem } from '../../src/xlsx/file';
import { sketchToWorkbook } from '../../src/xlsx/convert';
import { seedSketch } from '../fixtures/seed';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-file-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function problem(run: () => Promise<unknown>): Promise<{ problem: XlsxFileProblem; message: string }> {
  try {
    await run();
  } catch (e) {
    if (e instanceof XlsxFileError) return { problem: e.problem, message: e.message };
    throw e;
  }
  throw new Error('expected an XlsxFileError');
}

it('opens a real workbook', async () => {
  const file = path.join(dir, 'seed.xlsx');
  await saveWorkbook(sketchToWorkbook([seedSketch]), file);
  expect((await loadWorkbook(file)).worksheets.map((ws) => ws.name)).toEqual([seedSketch.name]);
});

it('refuses a file over the size limit before reading it', async () => {
  const file = path.join(dir, 'big.xlsx');
  await fs.writeFile(file, new Uint8Array(2048));
  const r = await problem(() => loadWorkbook(file, { ...DEFAULT_LIMITS, maxFileBytes: 1024 }));
  expect(r.problem).toBe('too-large');
  expect(r.message).toMatch(/^.*big\.xlsx：文件过大/);
});

it('names a missing file, a folder and an unwritable place', async () => {
  expect((await problem(() => loadWorkbook(path.join(dir, 'missing.xlsx')))).problem).toBe('not-found');
  expect((await problem(() => loadWorkbook(dir))).problem).toBe('not-a-file');
  const save = await problem(() => saveWorkbook(sketchToWorkbook([seedSketch]), path.join(dir, 'no', 'such', 'folder.xlsx')));
  expect(save.problem).toBe('unwritable');
  expect(save.message).toContain('folder.xlsx');
});

it('tells which parts a copy would lose', async () => {
  const plain = new Uint8Array(await sketchToWorkbook([seedSketch]).xlsx.writeBuffer());
  expect(lostOnCopy(plain)).toEqual([]);
  const withParts = new TextEncoder().encode('PK\u0003\u0004 xl/charts/chart1.xml xl/pivotTables/pivotTable1.xml');
  expect(lostOnCopy(withParts)).toEqual(['图表 charts', '数据透视表 pivot tables']);
});

it('refuses a small file whose sheets would unpack past the limit, before loading them', async () => {
  const file = path.join(dir, 'long.xlsx');
  const rows = Array.from({ length: 30000 }, (_, i) => [`填充 ${i}`, i]);
  await saveWorkbook(sketchToWorkbook([{ ...seedSketch, rows: [...seedSketch.rows, ...rows] }]), file);
  const r = await problem(() => loadWorkbook(file, { maxFileBytes: DEFAULT_LIMITS.maxFileBytes, maxSheetBytes: 1024 * 1024 }));
  expect(r.problem).toBe('too-large');
  expect(r.message).toContain('解压后');
  expect(r.message).toContain('--max-mb');
  expect((await loadWorkbook(file)).worksheets).toHaveLength(1);
  // Writes and reads a 30,000-row workbook twice: past jest's 30 s when the machine is busy.
}, 120_000);
