// The `jixiao` command (cli.md): check, recompute, template. `main` takes the arguments and where to
// print, and returns the exit status, so tests run it in-process.
import { promises as fs } from 'fs';
import path from 'path';
import { a1 } from '../core/address';
import { analyzeWorkbook } from '../core/engine';
import { NATIONAL, resolveProfileName, type Profile } from '../core/profile';
import { parseProfile, ProfileError } from '../core/profile-parse';
import { allFindings } from '../core/report';
import type { Snapshot } from '../core/types';
import { applyPatches, worksheetToSnapshot } from '../xlsx/convert';
import { DEFAULT_LIMITS, limitsForMegabytes, readWorkbookFile, saveWorkbook, XlsxFileError, type ReadLimits } from '../xlsx/file';
import { reviewCsv, writeReviewWorkbook } from '../xlsx/review';
import { writeTemplate } from '../xlsx/template';
import { chosenSheets, reason } from './analyze';
import { parseArgs, USAGE, UsageError, type CheckArgs, type RecomputeArgs, type TemplateArgs } from './args';
import { collectFiles } from './files';
import { fileLines, hasErrors, summaryLines } from './human';
import { jsonReport } from './json';
import { checkFiles } from './pool';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal: progress then rewrites one line. */
  errIsTTY: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_CANNOT_RUN = 2;

/** The command cannot run; its message is the one line printed on stderr. */
class CommandError extends Error {}

/** After this long a batch shows its progress. */
const PROGRESS_AFTER_MS = 800;

function processIo(): Io {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\r') ? text : `${text}\n`),
    errIsTTY: Boolean(process.stderr.isTTY),
  };
}

function limitsOf(maxMb: number | null): ReadLimits {
  return maxMb === null ? DEFAULT_LIMITS : limitsForMegabytes(maxMb);
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

async function loadProfile(spec: string | null): Promise<Profile> {
  if (spec === null) return NATIONAL;
  const named = resolveProfileName(spec);
  if (named) return named;
  if (!(await exists(spec))) {
    throw new CommandError(`未知的评分配置“${spec}”：可用 national，或一个 .json 配置文件（unknown profile）`);
  }
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(spec, 'utf8'));
  } catch (e) {
    throw new CommandError(`${spec}：不是有效的 JSON 配置文件（invalid JSON: ${reason(e)}）`);
  }
  try {
    return parseProfile(json, spec);
  } catch (e) {
    if (e instanceof ProfileError) throw new CommandError(e.message);
    throw e;
  }
}

/** An output file may replace an existing one only when --force says so, and never an input. */
async function checkOutput(out: string, force: boolean, inputs: string[]): Promise<void> {
  const target = path.resolve(out);
  if (inputs.some((i) => path.resolve(i) === target)) {
    throw new CommandError(`${out}：这是输入文件，不会覆盖它；请用 --out 指定另一个文件（refusing to overwrite the input）`);
  }
  if (!force && (await exists(out))) {
    throw new CommandError(`${out}：文件已存在，不会覆盖；如确需覆盖请加 --force（output exists, use --force）`);
  }
}

function progress(io: Io): { update: (done: number, total: number) => void; end: () => void } {
  const start = Date.now();
  let lastLine = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (total < 2 || now - start < PROGRESS_AFTER_MS) return;
      const text = `已检查 ${done}/${total} 个文件… (checked)`;
      if (io.errIsTTY) {
        io.err(`\r${text}\r`);
        shown = true;
      } else if (done === total || now - lastLine >= 1000) {
        io.err(text);
        lastLine = now;
      }
    },
    end() {
      if (shown) io.err('');
    },
  };
}

async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  const profile = await loadProfile(args.profile);
  const files = await collectFiles(args.inputs);
  if (files.length === 0) throw new CommandError(`${args.inputs.join('、')}：没有找到 .xlsx 文件（no .xlsx files found）`);
  for (const out of [args.report, args.csv]) if (out !== null) await checkOutput(out, args.force, files);

  const bar = progress(io);
  const results = await checkFiles(files, profile, args.sheet, { workers: args.workers, onProgress: bar.update, limits: limitsOf(args.maxMb) });
  bar.end();

  if (args.json) {
    io.out(JSON.stringify(jsonReport(results), null, 2));
  } else {
    for (const r of results) io.out(fileLines(r, '重算将改写 recompute would write').join('\n'));
    io.out(summaryLines(results).join('\n'));
  }
  for (const r of results) if (r.error !== null) io.err(`jixiao：${r.error}`);

  try {
    if (args.report !== null) await writeReviewWorkbook(results, args.report);
    if (args.csv !== null) await fs.writeFile(args.csv, reviewCsv(results), 'utf8');
  } catch (e) {
    throw new CommandError(`无法写入审核汇总：${reason(e)}（cannot write the review）`);
  }
  if (results.every((r) => r.error !== null)) return EXIT_CANNOT_RUN;
  return hasErrors(results) ? EXIT_FINDINGS : EXIT_OK;
}

function formulaCells(s: Snapshot): Set<string> {
  const out = new Set<string>();
  s.cells.forEach((row, r) =>
    row.forEach((c, k) => {
      if (c.formula !== undefined) out.add(a1(s.top + r, s.left + k));
    }),
  );
  return out;
}

async function runRecompute(args: RecomputeArgs, io: Io): Promise<number> {
  if (!args.out.toLowerCase().endsWith('.xlsx')) throw new CommandError(`${args.out}：新文件应以 .xlsx 结尾（--out must end in .xlsx）`);
  await checkOutput(args.out, args.force, [args.input]);
  const profile = await loadProfile(args.profile);
  const { workbook: wb, lost } = await readWorkbookFile(args.input, limitsOf(args.maxMb));
  const sheets = chosenSheets(args.input, wb, args.sheet);

  // The same workbook-level rule as check, so both give the same findings and exit status.
  const before = analyzeWorkbook(sheets.map((ws) => worksheetToSnapshot(ws)), profile);
  /** Formula cells: their cached results predate the writes, so what is found on them is stale. */
  const staleFormulas: string[] = [];
  let written = 0;
  const rereads: Snapshot[] = [];
  sheets.forEach((ws, i) => {
    const patches = before[i].forms.flatMap((f) => f.writes);
    applyPatches(ws, patches);
    written += patches.length;
    rereads.push(worksheetToSnapshot(ws));
  });
  // The written figures, read back through the engine: what is still wrong in the new file.
  const after = analyzeWorkbook(rereads, profile);
  after.forEach((reread, i) => {
    if (before[i].forms.every((f) => f.writes.length === 0)) return;
    const formulas = formulaCells(rereads[i]);
    for (const form of reread.forms) {
      staleFormulas.push(...form.findings.filter((f) => formulas.has(f.cell)).map((f) => `${reread.sheet}!${f.cell}`));
      form.findings = form.findings.filter((f) => !formulas.has(f.cell));
    }
  });
  // Excel recomputes the person's formulas (a 总分 =SUM(…)) when it opens the new file.
  if (written > 0) wb.calcProperties.fullCalcOnLoad = true;
  await saveWorkbook(wb, args.out);

  const file = { file: args.input, error: null, sheets: before };
  const remaining = allFindings(after);
  if (args.json) {
    io.out(JSON.stringify(jsonReport([file]), null, 2));
  } else {
    io.out(fileLines(file, '已改写 written').join('\n'));
    const errors = remaining.filter((f) => f.severity === 'error').length;
    const warnings = remaining.filter((f) => f.severity === 'warning').length;
    io.out(`已写入 ${args.out}：改写 ${written} 个单元格，其余内容与原文件相同；新文件中仍有错误 ${errors}、警告 ${warnings}（written）`);
    if (staleFormulas.length > 0) io.out(`含公式的单元格 ${[...new Set(staleFormulas)].join('、')} 会在 Excel 打开新文件时重新计算，请打开后核对（formulas recalculate on open）`);
  }
  if (lost.length > 0) io.err(`jixiao：注意，原文件中的${lost.join('、')}未能复制到新文件；如需保留，请把重算结果抄回原文件（not copied）`);
  return remaining.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

async function runTemplate(args: TemplateArgs, io: Io): Promise<number> {
  if (!args.out.toLowerCase().endsWith('.xlsx')) throw new CommandError(`${args.out}：新文件应以 .xlsx 结尾（--out must end in .xlsx）`);
  await checkOutput(args.out, args.force, []);
  const profile = await loadProfile(args.profile);
  try {
    await writeTemplate(args.type, args.out, { year: args.year ?? undefined, profile });
  } catch (e) {
    throw new CommandError(`${args.out}：无法写入（${reason(e)}）（cannot write）`);
  }
  const title = args.type === 'department' ? '部门整体支出' : '项目支出';
  io.out(`已写入空白${title}绩效自评表 ${args.out}（blank form written）`);
  return EXIT_OK;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.out(USAGE);
        return EXIT_OK;
      case 'version':
        io.out('jixiao 0.1.0');
        return EXIT_OK;
      case 'check':
        return await runCheck(args, io);
      case 'recompute':
        return await runRecompute(args, io);
      case 'template':
        return await runTemplate(args, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`jixiao：${e.message}；运行 jixiao --help 查看用法`);
    } else if (e instanceof CommandError || e instanceof XlsxFileError) {
      io.err(`jixiao：${e.message}`);
    } else {
      io.err(`jixiao：内部错误，请报告此问题：${reason(e)}（internal error）`);
    }
    return EXIT_CANNOT_RUN;
  }
}

/** Run as a process: arguments from argv, the exit status as the process's. */
export function runFromProcess(): void {
  // Output piped into `head` that closes early: stop quietly, as other commands do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runFromProcess();
