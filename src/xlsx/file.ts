// Opening .xlsx files on disk for the command: the file's own checks (there, a file, not past the
// size limit), then the file door (book.ts). Every problem is one XlsxFileError naming the file.
import { promises as fs } from 'fs';
import { inflateRawSync } from 'zlib';
import { XlsxBook } from './book';
import { XlsxFileError } from './errors';
import { DEFAULT_LIMITS, sizeText, type ReadLimits } from './limits';
import type { Inflater } from './zip';

/** Node's zlib, capped at the declared size: a part that holds more stops there with an error. */
export const zlibInflate: Inflater = (raw, size) => inflateRawSync(raw, { maxOutputLength: Math.max(1, size) });

/** Open bytes already in memory (a file just written) the way files are opened. */
export function openXlsxBytes(file: string, bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): XlsxBook {
  return XlsxBook.open(file, bytes, limits, zlibInflate);
}

/** Read and open an .xlsx file; throws XlsxFileError for anything that is not a readable workbook with sheets. */
export async function openXlsxFile(file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<XlsxBook> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new XlsxFileError(file, 'not-found', '找不到这个文件（file not found）');
  }
  if (!stat.isFile()) throw new XlsxFileError(file, 'not-a-file', '这不是一个文件（not a file）');
  if (stat.size > limits.fileBytes) {
    throw new XlsxFileError(
      file,
      'too-large',
      `文件过大（${sizeText(stat.size)}，上限 ${sizeText(limits.fileBytes)}），不予读取；确需读取请加 --max-mb（file too large, see --max-mb）`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : '';
    throw new XlsxFileError(file, 'not-found', `无法读取这个文件（${code}）（cannot read file）`);
  }
  return openXlsxBytes(file, bytes, limits);
}
