// Opening and saving .xlsx files on disk. Whatever is wrong with a file becomes one XlsxFileError
// with a plain message naming the file, never an exception from deep inside a zip library.
import { promises as fs } from 'fs';
import { Workbook } from 'exceljs';
import { unzippedSheetBytes } from './zip-sizes';

/**
 * How much the command reads. A form is a few hundred kilobytes; exceljs holds every cell as an
 * object, about 18 bytes of memory per byte of unpacked sheet XML (measured: a 29 MB sheet of
 * 200,000 rows peaks near 520 MB), so the default 100 MB of sheets stays under 2 GB.
 */
export interface ReadLimits {
  maxFileBytes: number;
  /** Unpacked size of all worksheets and shared strings together. */
  maxSheetBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: ReadLimits = { maxFileBytes: 50 * MB, maxSheetBytes: 100 * MB };

/** `--max-mb N`: the file may be N MB, its sheets 2N MB unpacked. */
export function limitsForMegabytes(n: number): ReadLimits {
  return { maxFileBytes: n * MB, maxSheetBytes: 2 * n * MB };
}

export type XlsxFileProblem =
  | 'not-found'
  | 'not-a-file'
  | 'too-large'
  | 'empty-file'
  | 'not-xlsx'
  | 'encrypted'
  | 'corrupt'
  | 'no-sheets'
  | 'unwritable';

export class XlsxFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: XlsxFileProblem,
    detail: string,
  ) {
    super(`${file}：${detail}`);
    this.name = 'XlsxFileError';
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function sizeText(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Parts of a workbook that exceljs reads past and so does not write into a copy. */
const NOT_COPIED: [string, string][] = [
  ['xl/charts/', '图表 charts'],
  ['xl/pivotTables/', '数据透视表 pivot tables'],
  ['xl/slicers/', '切片器 slicers'],
  ['xl/ctrlProps/', '表单控件 form controls'],
];

/** What a copy written by exceljs would lose, judged from the zip's entry names. */
export function lostOnCopy(data: Uint8Array): string[] {
  const names = new TextDecoder('latin1').decode(data);
  return NOT_COPIED.filter(([part]) => names.includes(part)).map(([, what]) => what);
}

/** Read and parse an .xlsx file; throws XlsxFileError for anything that is not a readable workbook with sheets. */
export async function loadWorkbook(file: string, limits = DEFAULT_LIMITS): Promise<Workbook> {
  return (await readWorkbookFile(file, limits)).workbook;
}

/** The workbook and what a copy of it would lose. */
export async function readWorkbookFile(file: string, limits = DEFAULT_LIMITS): Promise<{ workbook: Workbook; lost: string[] }> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new XlsxFileError(file, 'not-found', '找不到这个文件（file not found）');
  }
  if (!stat.isFile()) throw new XlsxFileError(file, 'not-a-file', '这不是一个文件（not a file）');
  if (stat.size > limits.maxFileBytes) {
    throw new XlsxFileError(
      file,
      'too-large',
      `文件过大（${sizeText(stat.size)}，上限 ${sizeText(limits.maxFileBytes)}），不予读取；确需读取请加 --max-mb（file too large, see --max-mb）`,
    );
  }
  if (stat.size === 0) throw new XlsxFileError(file, 'empty-file', '文件是空的，0 字节（empty file）');
  const data = await fs.readFile(file);
  return { workbook: await parseWorkbook(file, data, limits), lost: lostOnCopy(data) };
}

/** Parse bytes already in memory (a worker, a test) with the same checks as loadWorkbook. */
export async function parseWorkbook(file: string, data: Uint8Array, limits = DEFAULT_LIMITS): Promise<Workbook> {
  if (startsWith(data, OLE)) {
    throw new XlsxFileError(
      file,
      'encrypted',
      '文件设有打开密码，或是旧版 .xls 格式：请在 Excel 中取消密码或另存为 .xlsx 后再试（encrypted or legacy .xls）',
    );
  }
  if (!startsWith(data, ZIP)) {
    throw new XlsxFileError(file, 'not-xlsx', '不是 .xlsx 工作簿，请用 Excel 另存为 .xlsx（not an .xlsx file）');
  }
  const unpacked = unzippedSheetBytes(data);
  if (unpacked !== null && unpacked > limits.maxSheetBytes) {
    throw new XlsxFileError(
      file,
      'too-large',
      `工作表解压后有 ${sizeText(unpacked)}，超过上限 ${sizeText(limits.maxSheetBytes)}，不予读取；请删去表格以外的大量内容，或加 --max-mb 提高上限（sheets too large when unpacked, see --max-mb）`,
    );
  }
  const wb = new Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new XlsxFileError(file, 'corrupt', '文件已损坏或不完整，无法读取；请在 Excel 中打开并重新保存（corrupt or truncated .xlsx）');
  }
  if (wb.worksheets.length === 0) {
    throw new XlsxFileError(file, 'no-sheets', '工作簿里没有工作表（workbook has no sheets）');
  }
  return wb;
}

/** Write a workbook; an unwritable place becomes an XlsxFileError too. */
export async function saveWorkbook(wb: Workbook, file: string): Promise<void> {
  try {
    const buffer = await wb.xlsx.writeBuffer();
    await fs.writeFile(file, new Uint8Array(buffer as ArrayBuffer));
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? `（${String((e as NodeJS.ErrnoException).code)}）` : '';
    throw new XlsxFileError(file, 'unwritable', `无法写入这个文件${reason}（cannot write file）`);
  }
}
