// The `jixiao` command (docs/cli.md): check, recompute, template, report. `main` takes the arguments and
// where to print, and returns the exit status, so tests run it in-process. What a command needs is
// loaded when it runs, so `--help` and `--version` start at once.
import { promises as fs, readFileSync } from 'fs';
import path from 'path';
import { a1 } from '../core/address';
import { NATIONAL, resolveProfileName, type Profile } from '../core/profile';
import { parseProfile, ProfileError } from '../core/profile-parse';
import type { Snapshot } from '../core/types';
import { parseArgs, USAGE, UsageError, type CheckArgs, type RecomputeArgs, type ReportArgs, type TemplateArgs } from './args';
import { checkOutputs, OutputError, writeOutput, type PlannedOutput } from './output';
import { terminalText } from './terminal';

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

/** Why something failed, in one line. */
function reason(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

/** The version in package.json, found above this file whether it runs from src/ or dist/node/. */
export function packageVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'jixiao-ziping' && pkg.version) return pkg.version;
    } catch {
      // not here: look one folder up
    }
  }
  return 'unknown';
}

/** Every line goes through terminalText; a progress line keeps its own carriage returns. */
function safeIo(io: Io): Io {
  return {
    out: (text) => io.out(terminalText(text)),
    err: (text) => io.err(text.endsWith('\r') ? `\r${terminalText(text.replace(/\r/g, ''))}\r` : terminalText(text)),
    errIsTTY: io.errIsTTY,
  };
}

/** After this long a batch shows its progress. */
const PROGRESS_AFTER_MS = 800;

function processIo(): Io {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\r') ? text : `${text}\n`),
    errIsTTY: Boolean(process.stderr.isTTY),
  };
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** A profile given as a file is an input too: no output may replace it. */
function profileInputs(spec: string | null): string[] {
  return spec !== null && resolveProfileName(spec) === null ? [spec] : [];
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
  const { collectFiles } = await import('./files');
  const profile = await loadProfile(args.profile);
  const files = await collectFiles(args.inputs);
  if (files.length === 0) throw new CommandError(`${args.inputs.join('、')}：没有找到 .xlsx 文件（no .xlsx files found）`);
  const outputs: PlannedOutput[] = [];
  if (args.report !== null) outputs.push({ file: args.report, option: '--report' });
  if (args.csv !== null) outputs.push({ file: args.csv, option: '--csv' });
  const inputs = [...files, ...profileInputs(args.profile)];
  await checkOutputs(outputs, inputs, args.force);

  const [{ checkFiles }, { limitsForMegabytes, DEFAULT_LIMITS }, { fileLines, hasErrors, summaryLines }, { jsonReport }] =
    await Promise.all([import('./pool'), import('../xlsx/limits'), import('./human'), import('./json')]);
  const bar = progress(io);
  const limits = args.maxMb === null ? DEFAULT_LIMITS : limitsForMegabytes(args.maxMb);
  const results = await checkFiles(files, profile, args.sheet, { workers: args.workers, onProgress: bar.update, limits });
  bar.end();

  if (args.json) {
    io.out(JSON.stringify(jsonReport(results), null, 2));
  } else {
    for (const r of results) io.out(fileLines(r, '重算将改写 recompute would write').join('\n'));
    io.out(summaryLines(results).join('\n'));
  }
  for (const r of results) if (r.error !== null) io.err(`jixiao：${r.error}`);

  const write = { force: args.force, inputs };
  if (args.report !== null) {
    const { reviewWorkbook } = await import('../xlsx/review-book');
    await writeOutput({ file: args.report, option: '--report' }, await reviewWorkbook(results), write);
  }
  if (args.csv !== null) {
    const { reviewCsv } = await import('../xlsx/review-csv');
    await writeOutput({ file: args.csv, option: '--csv' }, reviewCsv(results), write);
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
  if (!/\.xls[xm]$/i.test(args.out)) throw new CommandError(`${args.out}：新文件应以 .xlsx（或 .xlsm）结尾（--out must end in .xlsx）`);
  const out: PlannedOutput = { file: args.out, option: '--out' };
  const inputs = [args.input, ...profileInputs(args.profile)];
  await checkOutputs([out], inputs, args.force);
  const profile = await loadProfile(args.profile);
  const [
    { analyzeWorkbook },
    { allFindings, countBySeverity },
    { editBook },
    { openXlsxBytes, openXlsxFile },
    limitsModule,
    { chosenSnapshots },
    { fileLines, hasErrors },
    { jsonReport },
  ] = await Promise.all([
    import('../core/engine'),
    import('../core/report'),
    import('../xlsx/book-edit'),
    import('../xlsx/file'),
    import('../xlsx/limits'),
    import('./analyze'),
    import('./human'),
    import('./json'),
  ]);
  const limits = args.maxMb === null ? limitsModule.DEFAULT_LIMITS : limitsModule.limitsForMegabytes(args.maxMb);
  const book = await openXlsxFile(args.input, limits);
  const macros = book.macroEnabled;
  if (macros !== /\.xlsm$/i.test(args.out)) {
    throw new CommandError(
      macros
        ? `${args.out}：原文件含宏（.xlsm），新文件也应以 .xlsm 结尾，否则 Excel 打不开（--out must end in .xlsm for a macro-enabled workbook）`
        : `${args.out}：原文件不含宏，新文件应以 .xlsx 结尾（--out must end in .xlsx）`,
    );
  }
  // The same workbook-level rule as check (analyzeWorkbook), so both give the same findings and exit status.
  const sheets = analyzeWorkbook(chosenSnapshots(book, args.sheet), profile);
  const patches = sheets.flatMap((s) => s.forms.flatMap((f) => f.writes));
  // Excel recomputes the person's formulas (a 总分 =SUM(…)) when it opens the new file.
  const edit = editBook(book, patches, { recalcOnOpen: true });
  await writeOutput(out, edit.bytes, { force: args.force, inputs });

  // The new file read back through the door and the engine: what is still wrong in it. Formula
  // cells keep their old cached results until Excel recalculates, so what is found on them is stale.
  const reread = openXlsxBytes(args.out, edit.bytes, limits);
  const after = analyzeWorkbook(chosenSnapshots(reread, args.sheet), profile);
  const staleFormulas: string[] = [];
  if (edit.written.length > 0) {
    for (const [i, s] of chosenSnapshots(reread, args.sheet).entries()) {
      const formulas = formulaCells(s);
      for (const form of after[i].forms) {
        staleFormulas.push(...form.findings.filter((f) => formulas.has(f.cell)).map((f) => `${s.sheet}!${f.cell}`));
        form.findings = form.findings.filter((f) => !formulas.has(f.cell));
      }
    }
  }
  const result = { file: args.input, error: null, sheets };
  const counts = countBySeverity(allFindings(after));
  if (args.json) {
    io.out(JSON.stringify(jsonReport([result]), null, 2));
  } else {
    io.out(fileLines(result, '已改写 written').join('\n'));
    io.out(
      `已写入 ${args.out}：改写 ${edit.written.length} 个单元格，其余内容与原文件相同；新文件中仍有错误 ${counts.error}、警告 ${counts.warning}（written ${edit.written.length} cells, everything else unchanged）`,
    );
    if (staleFormulas.length > 0)
      io.out(
        `含公式的单元格 ${[...new Set(staleFormulas)].join('、')} 会在 Excel 打开新文件时重新计算，请打开后核对（formulas recalculate on open）`,
      );
  }
  for (const r of edit.refused) io.err(`jixiao：未写入 ${r.patch.sheet}!${r.reason}（not written）`);
  // The same status as check on the same file: it is about the file given, not the copy.
  return hasErrors([result]) ? EXIT_FINDINGS : EXIT_OK;
}

async function runTemplate(args: TemplateArgs, io: Io): Promise<number> {
  if (!args.out.toLowerCase().endsWith('.xlsx')) throw new CommandError(`${args.out}：新文件应以 .xlsx 结尾（--out must end in .xlsx）`);
  const out: PlannedOutput = { file: args.out, option: '--out' };
  const inputs = profileInputs(args.profile);
  await checkOutputs([out], inputs, args.force);
  const profile = await loadProfile(args.profile);
  const { templateBytes } = await import('../xlsx/template');
  await writeOutput(out, await templateBytes(args.type, { year: args.year ?? undefined, profile }), { force: args.force, inputs });
  const title = args.type === 'department' ? '部门整体支出' : '项目支出';
  io.out(`已写入空白${title}绩效自评表 ${args.out}（blank form written）`);
  return EXIT_OK;
}

async function runReport(args: ReportArgs, io: Io): Promise<number> {
  if (!args.out.toLowerCase().endsWith('.docx')) throw new CommandError(`${args.out}：报告文件应以 .docx 结尾（--out must end in .docx）`);
  const out: PlannedOutput = { file: args.out, option: '--out' };
  const inputs = [args.input, ...profileInputs(args.profile)];
  await checkOutputs([out], inputs, args.force);
  const profile = await loadProfile(args.profile);
  const [
    { analyzeWorkbook },
    { openXlsxFile },
    limitsModule,
    { chosenSnapshots },
    { chooseForm, draftLines },
    { draftReport },
    { renderDocx },
  ] = await Promise.all([
    import('../core/engine'),
    import('../xlsx/file'),
    import('../xlsx/limits'),
    import('./analyze'),
    import('./report'),
    import('../core/draft/draft'),
    import('../report/docx'),
  ]);
  const limits = args.maxMb === null ? limitsModule.DEFAULT_LIMITS : limitsModule.limitsForMegabytes(args.maxMb);
  const book = await openXlsxFile(args.input, limits);
  const chosen = chooseForm(args.input, analyzeWorkbook(chosenSnapshots(book, args.sheet), profile));
  if ('problem' in chosen) throw new CommandError(chosen.problem);
  const draft = draftReport(chosen.form);
  await writeOutput(out, await renderDocx(draft), { force: args.force, inputs });
  io.out(draftLines(args.out, chosen.form, draft).join('\n'));
  if (chosen.note !== null) io.err(`jixiao：${chosen.note}`);
  // As check would: the draft is written, but errors on the form should be fixed before it is used.
  return chosen.form.findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

export async function main(argv: string[], rawIo: Io = processIo()): Promise<number> {
  const io = safeIo(rawIo);
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.out(USAGE);
        return EXIT_OK;
      case 'version':
        io.out(`jixiao ${packageVersion()}`);
        return EXIT_OK;
      case 'check':
        return await runCheck(args, io);
      case 'recompute':
        return await runRecompute(args, io);
      case 'template':
        return await runTemplate(args, io);
      case 'report':
        return await runReport(args, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`jixiao：${e.message}；运行 jixiao --help 查看用法`);
    } else if (e instanceof CommandError || e instanceof OutputError || (e instanceof Error && e.name === 'XlsxFileError')) {
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
