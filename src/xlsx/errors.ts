// Whatever is wrong with a workbook file becomes one XlsxFileError with a plain message naming the
// file, never an exception from deep inside a zip or XML library. Browser-safe (the demo uses it).

export type XlsxFileProblem =
  | 'not-found'
  | 'not-a-file'
  | 'too-large'
  | 'empty-file'
  | 'not-xlsx'
  | 'encrypted'
  | 'corrupt'
  | 'ambiguous'
  | 'no-sheets'
  | 'out-of-memory'
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

export const CORRUPT = '文件已损坏或不完整，无法读取；请在 Excel 中打开并重新保存（corrupt or truncated .xlsx）';
