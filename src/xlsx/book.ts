// The file door: an .xlsx's bytes in, the engine's snapshots out, and (book-edit.ts) the engine's
// patches written back into the same bytes, part by part. Runs in Node and in the browser.
import type { Snapshot } from '../core/types';
import { CORRUPT, XlsxFileError } from './errors';
import { DEFAULT_LIMITS, type ReadLimits } from './limits';
import { XlsxPackage, type SheetEntry } from './package';
import { readSheet, type SheetRead } from './sheet-read';
import type { Inflater } from './zip';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/**
 * Whatever a library throws while reading becomes the file's one line: a string or an array past
 * what the engine can hold is a memory limit, anything else a damaged file.
 */
export function asFileError(file: string, e: unknown): XlsxFileError {
  if (e instanceof XlsxFileError) return e;
  if (e instanceof RangeError) {
    return new XlsxFileError(
      file,
      'out-of-memory',
      '文件内容超出可处理的大小（内存不足），未能读取；请删去表格以外的大量内容（out of memory while reading）',
    );
  }
  return new XlsxFileError(file, 'corrupt', CORRUPT);
}

export class XlsxBook {
  private constructor(
    readonly file: string,
    readonly bytes: Uint8Array,
    readonly pkg: XlsxPackage,
    readonly limits: ReadLimits,
  ) {}

  /** Open the bytes of an .xlsx; throws XlsxFileError naming `file` for anything that is not a readable workbook with sheets. */
  static open(file: string, bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS, inflate?: Inflater): XlsxBook {
    if (bytes.length === 0) throw new XlsxFileError(file, 'empty-file', '文件是空的，0 字节（empty file）');
    if (startsWith(bytes, OLE)) {
      throw new XlsxFileError(
        file,
        'encrypted',
        '文件设有打开密码，或是旧版 .xls 格式：请在 Excel 中取消密码或另存为 .xlsx 后再试（encrypted or legacy .xls）',
      );
    }
    if (!startsWith(bytes, ZIP) && !startsWith(bytes, EMPTY_ZIP)) {
      throw new XlsxFileError(file, 'not-xlsx', '不是 .xlsx 工作簿，请用 Excel 另存为 .xlsx（not an .xlsx file）');
    }
    let pkg: XlsxPackage;
    try {
      pkg = XlsxPackage.open(file, bytes, limits, inflate);
    } catch (e) {
      throw asFileError(file, e);
    }
    if (pkg.sheets.length === 0) throw new XlsxFileError(file, 'no-sheets', '工作簿里没有工作表（workbook has no sheets）');
    return new XlsxBook(file, bytes, pkg, limits);
  }

  /** A macro-enabled workbook (.xlsm): a copy must keep that extension for Excel to open it. */
  get macroEnabled(): boolean {
    return this.pkg.macroEnabled;
  }

  get sheets(): SheetEntry[] {
    return this.pkg.sheets;
  }

  /** One sheet read from its part, with its geometry when asked (the demo draws it). */
  read(sheet: SheetEntry, withLayout = false): SheetRead {
    try {
      return readSheet(this.pkg, sheet, this.limits, withLayout);
    } catch (e) {
      throw asFileError(this.file, e);
    }
  }

  snapshot(sheet: SheetEntry): Snapshot {
    return this.read(sheet).snapshot;
  }

  snapshots(): Snapshot[] {
    return this.sheets.map((s) => this.snapshot(s));
  }
}
