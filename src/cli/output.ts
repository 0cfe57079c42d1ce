// Output safety for every command that writes a file (recompute --out, check --report/--csv,
// template --out, and any later command): never an input under another name, never two outputs at
// one place, never a half-written file, and never two runs both "creating" the same new file.
import { randomBytes } from 'crypto';
import { constants, promises as fs, type Stats } from 'fs';
import path from 'path';

/** A refused or failed output; its message is the one line the command prints. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

export interface PlannedOutput {
  /** The path as the person typed it (used in messages). */
  file: string;
  /** The option that named it, e.g. "--out". */
  option: string;
}

interface Identity {
  dev: number;
  ino: number;
}

function identity(s: Stats): Identity {
  return { dev: s.dev, ino: s.ino };
}

function same(a: Identity, b: Identity): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** Device and inode of what `file` names after following every link, or null when nothing is there. */
async function identityOf(file: string): Promise<Identity | null> {
  const s = await fs.stat(file).catch(() => null);
  return s ? identity(s) : null;
}

/**
 * Where a not-yet-existing output will be: its folder with links resolved, and its name. Two
 * outputs written through different spellings of one folder land on one file.
 */
async function placeOf(file: string): Promise<string> {
  const dir = await fs.realpath(path.dirname(path.resolve(file))).catch(() => path.dirname(path.resolve(file)));
  return path.join(dir, path.basename(file));
}

/**
 * Refuse outputs that are an input by identity (device and inode, after links: a symlink, a hard
 * link, /proc/self/cwd/…), two outputs at the same place, and an existing output without --force.
 * `inputs` are every file the command reads (workbooks, a profile).
 */
export async function checkOutputs(outputs: PlannedOutput[], inputs: string[], force: boolean): Promise<void> {
  const inputIds: { file: string; id: Identity }[] = [];
  for (const file of inputs) {
    const id = await identityOf(file);
    if (id) inputIds.push({ file, id });
  }
  const seen: { out: PlannedOutput; id: Identity | null; place: string }[] = [];
  for (const out of outputs) {
    const id = await identityOf(out.file);
    const place = await placeOf(out.file);
    const input = id && inputIds.find((i) => same(i.id, id));
    if (input) {
      throw new OutputError(
        `${out.file}：这是输入文件 ${input.file}（或指向它的链接），不会覆盖它；请用 ${out.option} 指定另一个文件（${out.option} is an input file, refusing to overwrite it）`,
      );
    }
    const twin = seen.find((s) => s.place === place || (id !== null && s.id !== null && same(s.id, id)));
    if (twin) {
      throw new OutputError(
        `${out.file}：${twin.out.option} 和 ${out.option} 指向同一个文件，请分别指定（${twin.out.option} and ${out.option} name the same file）`,
      );
    }
    if (id && !force) {
      throw new OutputError(`${out.file}：文件已存在，不会覆盖；如确需覆盖请加 --force（output exists, use --force）`);
    }
    seen.push({ out, id, place });
  }
}

function errnoText(e: unknown): string {
  return e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : e instanceof Error ? e.message : String(e);
}

/**
 * Write an output through a temporary file beside it, then put it in place in one step: a rename
 * when replacing is allowed (--force), otherwise a hard link, which fails if the name was taken in
 * the meantime, so two runs never both create the same file. An interrupted run leaves at most a
 * hidden temporary file, never a half-written output. Re-checks just before, so an input put at
 * that place meanwhile is still refused.
 */
export async function writeOutput(
  out: PlannedOutput,
  content: Uint8Array | string,
  opts: { force: boolean; inputs: string[] },
): Promise<void> {
  const target = path.resolve(out.file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.jixiao-tmp`);
  try {
    await fs.writeFile(temp, content, { flag: 'wx' });
  } catch (e) {
    throw new OutputError(`${out.file}：无法写入（${errnoText(e)}）（cannot write file）`);
  }
  try {
    await checkOutputs([out], opts.inputs, opts.force);
    if (opts.force) {
      await fs.rename(temp, target);
      return;
    }
    try {
      await fs.link(temp, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST')
        throw new OutputError(
          `${out.file}：文件已存在（刚由别的程序创建），不会覆盖；如确需覆盖请加 --force（output exists, use --force）`,
        );
      // A file system without hard links: an exclusive copy still never replaces a file.
      await fs.copyFile(temp, target, constants.COPYFILE_EXCL);
    }
  } catch (e) {
    if (e instanceof OutputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new OutputError(`${out.file}：文件已存在，不会覆盖；如确需覆盖请加 --force（output exists, use --force）`);
    throw new OutputError(`${out.file}：无法写入（${errnoText(e)}）（cannot write file）`);
  } finally {
    await fs.rm(temp, { force: true });
  }
}
