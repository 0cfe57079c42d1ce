// Which files a check reads: the files named, and every .xlsx under the folders named.
import { promises as fs } from 'fs';
import path from 'path';

/** Workbooks (.xlsx, and .xlsm with macros); Excel's own lock files ("~$表.xlsx") are not. */
function isWorkbookName(name: string): boolean {
  return /\.xls[xm]$/i.test(name) && !name.startsWith('~$');
}

async function walk(folder: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    // A link named .xlsx is checked as the file it points to; a broken one is reported as that
    // file's error, never skipped without a word. Linked folders are not followed (no loops).
    else if ((entry.isFile() || entry.isSymbolicLink()) && isWorkbookName(entry.name)) out.push(full);
  }
}

/**
 * The files to check, in the order given (a folder's files sorted by name). A named file is kept
 * whatever its name, so that a wrong one is reported rather than silently skipped.
 */
export async function collectFiles(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (stat?.isDirectory()) await walk(input, out);
    else out.push(input);
  }
  return [...new Set(out)];
}
