// Writes the catalogue of bad workbooks (docs/limits.md) into a folder: files that are not workbooks at
// all, and workbooks whose sheets hold what people's forms really hold (test/fixtures/bad.ts).
//   npx tsx scripts/make-bad-workbooks.ts <folder>
import { promises as fs } from 'fs';
import path from 'path';
import { Workbook, type CellValue as XValue, type Worksheet } from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync as fflateZip, type Zippable } from 'fflate';
import { crc32, createDeflateRaw } from 'zlib';
import { badSheetCases, ERROR_VALUE, fillerRow, type BadSheetCase } from '../test/fixtures/bad';
import { seedSketch } from '../test/fixtures/seed';
import type { SheetSketch } from '../src/core/sketch';
import { sketchToWorkbook } from '../src/xlsx/convert';
import type { XlsxFileProblem } from '../src/xlsx/errors';
import { writeZip, type ZipEntry } from '../src/xlsx/zip';

export interface BadCase {
  id: string;
  file: string;
  title: string;
  /** What the command must do with it: refuse it in one line (exit 2), or read it and report findings. */
  expect: 'refusal' | 'findings';
  /** For a refusal, the problem the file door names. */
  problem?: XlsxFileProblem;
  /** Options the case is checked with (a lowered --max-mb keeps a limit case small). */
  args?: string[];
}

/** The OLE compound-file signature: an encrypted .xlsx (or a legacy .xls) starts with it. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

async function bufferOf(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Formula cells whose cached value is an error text are written as errors, as Excel saves them. */
function markErrors(ws: Worksheet, s: SheetSketch): void {
  const top = s.origin?.row ?? 1;
  const left = s.origin?.col ?? 1;
  s.rows.forEach((row, r) =>
    row.forEach((c, k) => {
      if (c === null || typeof c !== 'object' || !('formula' in c) || typeof c.value !== 'string' || !ERROR_VALUE.test(c.value)) return;
      const formula = c.formula.replace(/^=/, '');
      ws.getCell(top + r, left + k).value = { formula, result: { error: c.value } } as XValue;
    }),
  );
}

/** A sheet case of the catalogue as a workbook (without its filler rows, which are streamed to disk). */
export async function sheetWorkbook(c: BadSheetCase): Promise<Workbook> {
  const wb = sketchToWorkbook(c.sheets);
  c.sheets.forEach((s) => markErrors(wb.getWorksheet(s.name) as Worksheet, s));
  const first = wb.worksheets[0];
  if (c.hidden) {
    for (const row of c.hidden.rows) first.getRow(row).hidden = true;
    for (const col of c.hidden.cols) first.getColumn(col).hidden = true;
  }
  if (c.protectedSheet) {
    const ws = wb.getWorksheet(c.protectedSheet) as Worksheet;
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  }
  return wb;
}

/**
 * A one-sheet case with filler rows: the form's workbook made as usual, then the filler rows
 * appended to its sheet part as text (a workbook model of 200,000 rows would take ~1 GB).
 */
async function writeWithFiller(c: BadSheetCase, filler: { fromRow: number; toRow: number }, file: string): Promise<void> {
  const parts: Record<string, Uint8Array> = unzipSync(await bufferOf(await sheetWorkbook(c)));
  const rows: string[] = [];
  for (let r = filler.fromRow; r <= filler.toRow; r++) {
    const [text, amount] = fillerRow(r);
    rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${text}</t></is></c><c r="B${r}"><v>${amount}</v></c></row>`);
  }
  edit(parts, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</sheetData>', () => `${rows.join('')}</sheetData>`));
  await fs.writeFile(file, zipSync(parts));
}

/** The cases that are not workbooks the command can open, and the problem the file door names. */
export const FILE_CASES: { id: string; title: string; problem: XlsxFileProblem }[] = [
  { id: 'not-xlsx', title: '改了扩展名的文本文件 / a text file renamed .xlsx', problem: 'not-xlsx' },
  { id: 'truncated', title: '下载中断、不完整的 zip / a truncated zip', problem: 'corrupt' },
  { id: 'encrypted', title: '设有打开密码的文件（OLE 复合文档）/ an encrypted file (OLE compound document)', problem: 'encrypted' },
  { id: 'no-sheets', title: '没有工作表的工作簿 / a workbook with 0 sheets', problem: 'no-sheets' },
];

async function fileBytes(id: string): Promise<Uint8Array> {
  switch (id) {
    case 'not-xlsx':
      return new TextEncoder().encode('部门整体支出绩效自评表\n这是从网页复制的文字，不是工作簿。\n');
    case 'truncated': {
      const seed = await bufferOf(sketchToWorkbook([seedSketch]));
      return seed.slice(0, Math.floor(seed.length * 0.6));
    }
    case 'encrypted': {
      const ole = new Uint8Array(4096);
      ole.set(OLE);
      return ole;
    }
    default:
      return bufferOf(new Workbook());
  }
}

const MB = 1024 * 1024;

/** Zipped quickly: these files test reading, not compression ratios. */
function zipSync(parts: Zippable): Uint8Array {
  return fflateZip(parts, { level: 1 });
}

/** The seed's parts, to change one and zip them again. */
async function seedParts(): Promise<Record<string, Uint8Array>> {
  return unzipSync(await bufferOf(sketchToWorkbook([seedSketch])));
}

function edit(parts: Record<string, Uint8Array>, name: string, change: (xml: string) => string): void {
  parts[name] = strToU8(change(strFromU8(parts[name])));
}

/**
 * A zip whose `name` part is `mb` megabytes of zeros, deflated by Node's zlib in 1 MB steps (so it
 * never sits in memory) and stored as those compressed bytes.
 */
async function withBomb(parts: Record<string, Uint8Array>, name: string, mb: number): Promise<Uint8Array> {
  const zeros = new Uint8Array(MB);
  const deflate = createDeflateRaw({ level: 1 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (let i = 0; i < mb; i++) {
    deflate.write(zeros);
    crc = crc32(zeros, crc);
  }
  deflate.end();
  await done;
  const raw = new Uint8Array(Buffer.concat(chunks));
  const entry: ZipEntry = { name, method: 8, flags: 0, crc, compressedSize: raw.length, size: mb * MB, time: 0, date: 33, dataStart: 0 };
  const others = Object.entries(parts)
    .filter(([n]) => n !== name)
    .map(([n, content]) => ({ name: n, content }));
  return writeZip(raw, [...others, { name, from: entry }]);
}

/** Rows of filler cells from row `from` on, as sheet XML text. */
function fillerXml(rows: number, cols: number, from: number): string {
  const out: string[] = [];
  for (let r = from; r < from + rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < cols; c++) cells.push(`<c r="${String.fromCharCode(65 + c)}${r}"><v>${r * 10 + c}</v></c>`);
    out.push(`<row r="${r}">${cells.join('')}</row>`);
  }
  return out.join('');
}

/** The central directory's unpacked size of `name` changed to `size` (a zip that lies about a part). */
function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const encoded = strToU8(name);
  for (let i = out.length - 46; i >= 0; i--) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const length = view.getUint16(i + 28, true);
    if (length === encoded.length && out.subarray(i + 46, i + 46 + length).every((b, k) => b === encoded[k])) {
      view.setUint32(i + 24, size, true);
      return out;
    }
  }
  throw new Error(`no ${name}`);
}

interface HostileCase {
  id: string;
  title: string;
  expect: 'refusal' | 'findings';
  problem?: XlsxFileProblem;
  args?: string[];
  bytes(): Promise<Uint8Array>;
}

/** Files made to hurt a reader: each must end in one clear line or in findings, in bounded time and memory. */
export const HOSTILE_CASES: HostileCase[] = [
  {
    id: 'theme-bomb',
    title: '主题部件解压后 300 MB（文件不到 1 MB）/ a theme part that unpacks to 300 MB in a file under 1 MB',
    expect: 'refusal',
    problem: 'too-large',
    bytes: async () => withBomb(await seedParts(), 'xl/theme/theme1.xml', 300),
  },
  {
    id: 'merge-whole-sheet',
    title: '合并区域 K1:XFD1048576 / one merge K1:XFD1048576 beside the form',
    expect: 'findings',
    bytes: async () => {
      const parts = await seedParts();
      edit(parts, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</mergeCells>', '<mergeCell ref="K1:XFD1048576"/></mergeCells>'));
      return zipSync(parts);
    },
  },
  {
    id: 'validation-whole-sheet',
    title: '数据验证覆盖 A1:XFD1048576 / a data validation over A1:XFD1048576',
    expect: 'findings',
    bytes: async () => {
      const parts = await seedParts();
      const rule =
        '<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>';
      edit(parts, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<pageMargins', `${rule}<pageMargins`));
      return zipSync(parts);
    },
  },
  {
    id: 'sheet-odd-name',
    title: '工作表部件名不寻常且解压后 12 MB（--max-mb 5）/ a 12 MB sheet part under an unexpected name (--max-mb 5)',
    expect: 'refusal',
    problem: 'too-large',
    args: ['--max-mb', '5'],
    bytes: async () => {
      const parts = await seedParts();
      const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
      const rows = fillerXml(70_000, 5, 101);
      delete parts['xl/worksheets/sheet1.xml'];
      parts['xl/data/表格数据.bin'] = strToU8(sheet.replace('</sheetData>', () => `${rows}</sheetData>`));
      edit(parts, 'xl/_rels/workbook.xml.rels', (xml) => xml.replace('worksheets/sheet1.xml', 'data/表格数据.bin'));
      edit(parts, '[Content_Types].xml', (xml) => xml.replace('/xl/worksheets/sheet1.xml', '/xl/data/表格数据.bin'));
      return zipSync(parts);
    },
  },
  {
    id: 'duplicate-entries',
    title: 'zip 中同名部件出现两次、内容不同 / the sheet part twice in the zip, with different contents',
    expect: 'refusal',
    problem: 'ambiguous',
    bytes: async () => {
      const parts = await seedParts();
      const list = Object.entries(parts).map(([name, content]) => ({ name, content }));
      const sheet = parts['xl/worksheets/sheet1.xml'];
      list.push({ name: 'xl/worksheets/sheet1.xml', content: strToU8(strFromU8(sheet).replace('<v>96</v>', '<v>100</v>')) });
      return writeZip(new Uint8Array(), list);
    },
  },
  {
    id: 'too-many-parts',
    title: '10,001 个部件 / 10,001 parts in the zip',
    expect: 'refusal',
    problem: 'too-large',
    bytes: async () => {
      const list = Object.entries(await seedParts()).map(([name, content]) => ({ name, content }));
      for (let i = list.length; i <= 10_000; i++) list.push({ name: `customXml/item${i}.xml`, content: strToU8('<a/>') });
      return writeZip(new Uint8Array(), list);
    },
  },
  {
    id: 'too-many-cells',
    title: '单元格超过上限：21,000 行 × 2 列（--max-mb 1，上限 40,000 格）/ too many cells (--max-mb 1)',
    expect: 'refusal',
    problem: 'too-large',
    args: ['--max-mb', '1'],
    bytes: async () => {
      const parts = await seedParts();
      edit(parts, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</sheetData>', () => `${fillerXml(21_000, 2, 101)}</sheetData>`));
      return zipSync(parts);
    },
  },
  {
    id: 'too-many-merges',
    title: '合并区域超过上限：2,500 个（--max-mb 1，上限 2,000）/ too many merges (--max-mb 1)',
    expect: 'refusal',
    problem: 'too-large',
    args: ['--max-mb', '1'],
    bytes: async () => {
      const parts = await seedParts();
      const merges = Array.from({ length: 2500 }, (_, i) => `<mergeCell ref="K${i * 2 + 1}:L${i * 2 + 1}"/>`).join('');
      edit(parts, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</mergeCells>', `${merges}</mergeCells>`));
      return zipSync(parts);
    },
  },
  {
    id: 'parts-add-up',
    title: '每个部件都不大、合计超过上限（--max-mb 1：3 张各 1.5 MB 的图片）/ parts each under the limit, together over it',
    expect: 'refusal',
    problem: 'too-large',
    args: ['--max-mb', '1'],
    bytes: async () => {
      const parts = await seedParts();
      for (let i = 1; i <= 3; i++) parts[`xl/media/image${i}.png`] = new Uint8Array(1.5 * MB).fill(i);
      return zipSync(parts);
    },
  },
  {
    id: 'lying-size',
    title: 'zip 目录把工作表的大小写小了 / the zip directory understates the sheet part',
    expect: 'refusal',
    problem: 'corrupt',
    bytes: async () => lieAboutSize(zipSync(await seedParts()), 'xl/worksheets/sheet1.xml', 1000),
  },
  {
    id: 'entity-expansion',
    title: 'XML 实体膨胀（billion laughs）/ XML entity expansion in the sheet',
    expect: 'refusal',
    problem: 'corrupt',
    bytes: async () => {
      const parts = await seedParts();
      const dtd =
        '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
      edit(parts, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<worksheet', `${dtd}<worksheet`).replace('<v>96</v>', '<v>&c;</v>'));
      return zipSync(parts);
    },
  },
];

/** Every case in catalogue order, without writing anything (tests name their cases from it). */
export function badCatalogue(): Omit<BadCase, 'file'>[] {
  return [
    ...FILE_CASES.map((c) => ({ ...c, expect: 'refusal' as const })),
    ...HOSTILE_CASES.map(({ id, title, expect, problem, args }) => ({
      id,
      title,
      expect,
      ...(problem ? { problem } : {}),
      ...(args ? { args } : {}),
    })),
    ...badSheetCases().map((c) => ({ id: c.id, title: c.title, expect: 'findings' as const })),
  ];
}

/** Write every case into `dir` (created if needed), named "NN-id.xlsx" in catalogue order. */
export async function makeBadWorkbooks(dir: string): Promise<BadCase[]> {
  await fs.mkdir(dir, { recursive: true });
  const sheets = new Map(badSheetCases().map((c) => [c.id, c]));
  const cases: BadCase[] = [];
  for (const [i, c] of badCatalogue().entries()) {
    const file = path.join(dir, `${String(i + 1).padStart(2, '0')}-${c.id}.xlsx`);
    const sheet = sheets.get(c.id);
    const hostile = HOSTILE_CASES.find((h) => h.id === c.id);
    if (hostile) await fs.writeFile(file, await hostile.bytes());
    else if (!sheet) await fs.writeFile(file, await fileBytes(c.id));
    else if (sheet.filler) await writeWithFiller(sheet, sheet.filler, file);
    else await fs.writeFile(file, await bufferOf(await sheetWorkbook(sheet)));
    cases.push({ ...c, file });
  }
  return cases;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('用法 usage: npx tsx scripts/make-bad-workbooks.ts <folder>');
    process.exit(2);
  }
  makeBadWorkbooks(dir).then(
    (cases) => {
      for (const c of cases) console.log(`${path.relative(process.cwd(), c.file)}  ${c.title}`);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
