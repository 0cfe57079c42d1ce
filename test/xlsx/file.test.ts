// Opening files that are not what they claim: each becomes one XlsxFileError naming the file.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { XlsxFileError, type XlsxFileProblem } from '../../src/xlsx/errors';
import { openXlsxFile } from '../../src/xlsx/file';
import { DEFAULT_LIMITS } from '../../src/xlsx/limits';
import { sketchToWorkbook } from '../../src/xlsx/convert';
import { seedSketch } from '../../test/fixtures/seed';
import { partsWorkbook } from './build-xlsx';

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

async function writeSeed(file: string): Promise<string> {
  await fs.writeFile(file, new Uint8Array((await sketchToWorkbook([seedSketch]).xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

it('opens a real workbook', async () => {
  const file = await writeSeed(path.join(dir, 'seed.xlsx'));
  expect((await openXlsxFile(file)).sheets.map((s) => s.name)).toEqual([seedSketch.name]);
});

it('refuses a file over the size limit before reading it', async () => {
  const file = path.join(dir, 'big.xlsx');
  await fs.writeFile(file, new Uint8Array(2048));
  const r = await problem(() => openXlsxFile(file, { ...DEFAULT_LIMITS, fileBytes: 1024 }));
  expect(r.problem).toBe('too-large');
  expect(r.message).toMatch(/^.*big\.xlsx：文件过大/);
});

it('names a missing file, a folder and an empty file', async () => {
  expect((await problem(() => openXlsxFile(path.join(dir, 'missing.xlsx')))).problem).toBe('not-found');
  expect((await problem(() => openXlsxFile(dir))).problem).toBe('not-a-file');
  const empty = path.join(dir, 'empty.xlsx');
  await fs.writeFile(empty, '');
  expect((await problem(() => openXlsxFile(empty))).problem).toBe('empty-file');
});

it('refuses a small file whose sheet would unpack past the limit, before unpacking it', async () => {
  const rows = Array.from(
    { length: 30000 },
    (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>填充 ${i}</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`,
  );
  const file = path.join(dir, 'long.xlsx');
  await fs.writeFile(file, partsWorkbook({ sheets: [{ name: '长表', body: `<sheetData>${rows.join('')}</sheetData>` }] }));
  const r = await problem(() => openXlsxFile(file, { ...DEFAULT_LIMITS, partBytes: 1024 * 1024 }));
  expect(r.problem).toBe('too-large');
  expect(r.message).toContain('解压后');
  expect(r.message).toContain('--max-mb');
  expect((await openXlsxFile(file)).sheets).toHaveLength(1);
});
