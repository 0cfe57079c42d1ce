// The command line (docs/cli.md), parsed with Node's own util.parseArgs into one of three commands
// or a usage error whose message is bilingual and names the option.
import { parseArgs as nodeParseArgs } from 'util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CheckArgs {
  command: 'check';
  inputs: string[];
  json: boolean;
  profile: string | null;
  sheet: string | null;
  report: string | null;
  csv: string | null;
  force: boolean;
  /** Worker threads for a folder batch; 0 checks in this thread. */
  workers: number;
  /** --max-mb: how large a file the command reads (null: the default limits). */
  maxMb: number | null;
}

export interface RecomputeArgs {
  command: 'recompute';
  input: string;
  out: string;
  json: boolean;
  profile: string | null;
  sheet: string | null;
  force: boolean;
  maxMb: number | null;
}

export interface TemplateArgs {
  command: 'template';
  type: 'department' | 'project';
  out: string;
  year: string | null;
  profile: string | null;
  force: boolean;
}

export interface ReportArgs {
  command: 'report';
  input: string;
  out: string;
  profile: string | null;
  sheet: string | null;
  force: boolean;
  maxMb: number | null;
}

export type Args = CheckArgs | RecomputeArgs | TemplateArgs | ReportArgs | { command: 'help' } | { command: 'version' };

export const DEFAULT_WORKERS = 2;

export const USAGE = `jixiao — 绩效自评表检查与重算 / checks and recomputes budget performance self-evaluation forms

用法 Usage:
  jixiao check <file.xlsx|folder>... [--json] [--profile NAME|FILE.json] [--sheet NAME]
                                     [--report review.xlsx] [--csv review.csv] [--workers N] [--max-mb N]
  jixiao recompute <file.xlsx> --out <new.xlsx> [--profile ...] [--sheet NAME] [--json] [--force] [--max-mb N]
  jixiao template department|project --out <new.xlsx> [--year 2025] [--profile ...] [--force]
  jixiao report <file.xlsx> --out <自评报告.docx> [--sheet NAME] [--profile ...] [--force] [--max-mb N]

  check      检查，不写任何文件 / check only, never writes
  recompute  把重算结果写入新文件，不覆盖原文件 / write the recomputed figures into a new file
  template   生成空白标准表 / write a blank standard form
  report     根据自评表起草绩效自评报告（Word）/ draft the self-evaluation report (.docx) from the form
  --force    允许覆盖已存在的输出文件（输入文件永不覆盖）/ allow replacing an existing output file (never an input)
  --max-mb N 读取上限：文件 N MB，每个部件解压后 2N MB、合计 4N MB，默认 50（详见 docs/limits.md）
             read limits: file N MB, each part 2N MB and all parts 4N MB unpacked (default 50; docs/limits.md)

退出码 Exit status: 0 没有错误 no errors · 1 有错误级问题 error findings · 2 无法运行 could not run`;

type OptionKind = 'string' | 'boolean';

/** The options of each command and whether they take a value. */
const OPTIONS: Record<'check' | 'recompute' | 'template' | 'report', Record<string, OptionKind>> = {
  check: {
    json: 'boolean',
    force: 'boolean',
    profile: 'string',
    sheet: 'string',
    report: 'string',
    csv: 'string',
    workers: 'string',
    'max-mb': 'string',
  },
  recompute: { json: 'boolean', force: 'boolean', out: 'string', profile: 'string', sheet: 'string', 'max-mb': 'string' },
  template: { force: 'boolean', out: 'string', year: 'string', profile: 'string' },
  report: { force: 'boolean', out: 'string', profile: 'string', sheet: 'string', 'max-mb': 'string' },
};

interface Parsed {
  positional: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

/**
 * util.parseArgs in its lenient mode, so that each mistake is named in our words: an unknown
 * option, a missing value, a value given to a flag, an option given twice.
 */
function split(command: keyof typeof OPTIONS, argv: string[]): Parsed {
  const known = OPTIONS[command];
  const options = Object.fromEntries(Object.entries(known).map(([name, type]) => [name, { type }]));
  const { tokens } = nodeParseArgs({ args: argv, options, allowPositionals: true, strict: false, tokens: true });
  const out: Parsed = { positional: [], values: new Map(), flags: new Set() };
  for (const t of tokens) {
    if (t.kind === 'positional') out.positional.push(t.value);
    if (t.kind !== 'option') continue;
    const kind = known[t.name] as OptionKind | undefined;
    const name = t.rawName;
    if (kind === undefined || !name.startsWith('--')) throw new UsageError(`${command} 不认识选项 ${name}（unknown option）`);
    if (kind === 'boolean') {
      if (t.value !== undefined) throw new UsageError(`${name} 不带值（${name} takes no value）`);
      out.flags.add(t.name);
      continue;
    }
    // "--out --json": the next word is another option, not the value.
    if (t.value === undefined || t.value === '' || (!t.inlineValue && t.value.startsWith('-'))) {
      throw new UsageError(`${name} 需要一个值（${name} needs a value）`);
    }
    if (out.values.has(t.name)) throw new UsageError(`${name} 只能给一次（${name} given twice）`);
    out.values.set(t.name, t.value);
  }
  return out;
}

function maxMbOf(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 2000) {
    throw new UsageError(`--max-mb 应是 1 到 2000 的整数，收到“${text}”（--max-mb must be 1-2000）`);
  }
  return Number(text);
}

function workersOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_WORKERS;
  if (!/^\d+$/.test(text) || Number(text) > 16)
    throw new UsageError(`--workers 应是 0 到 16 的整数，收到“${text}”（--workers must be 0-16）`);
  return Number(text);
}

function isCommand(name: string): name is keyof typeof OPTIONS {
  return Object.prototype.hasOwnProperty.call(OPTIONS, name);
}

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (!isCommand(command)) throw new UsageError(`未知命令“${command}”，可用 check / recompute / template / report（unknown command）`);
  const p = split(command, rest);
  const profile = p.values.get('profile') ?? null;
  const force = p.flags.has('force');
  if (command === 'check') {
    if (p.positional.length === 0) throw new UsageError('check 需要至少一个 .xlsx 文件或文件夹（check needs a file or folder）');
    return {
      command: 'check',
      inputs: p.positional,
      json: p.flags.has('json'),
      profile,
      sheet: p.values.get('sheet') ?? null,
      report: p.values.get('report') ?? null,
      csv: p.values.get('csv') ?? null,
      force,
      workers: workersOf(p.values.get('workers')),
      maxMb: maxMbOf(p.values.get('max-mb')),
    };
  }
  const out = p.values.get('out');
  if (out === undefined) {
    const file = command === 'report' ? '<自评报告.docx>' : '<new.xlsx>';
    throw new UsageError(`${command} 需要 --out 指定新文件（${command} needs --out ${file}）`);
  }
  if (command === 'report') {
    if (p.positional.length !== 1) throw new UsageError('report 需要且只需要一个 .xlsx 文件（report takes exactly one file）');
    const sheet = p.values.get('sheet') ?? null;
    return { command: 'report', input: p.positional[0], out, profile, sheet, force, maxMb: maxMbOf(p.values.get('max-mb')) };
  }
  if (command === 'recompute') {
    if (p.positional.length !== 1) throw new UsageError('recompute 需要且只需要一个 .xlsx 文件（recompute takes exactly one file）');
    const sheet = p.values.get('sheet') ?? null;
    return {
      command: 'recompute',
      input: p.positional[0],
      out,
      json: p.flags.has('json'),
      profile,
      sheet,
      force,
      maxMb: maxMbOf(p.values.get('max-mb')),
    };
  }
  const type = p.positional[0];
  if (p.positional.length !== 1 || (type !== 'department' && type !== 'project')) {
    throw new UsageError('template 需要 department（部门整体支出）或 project（项目支出）（template department|project）');
  }
  const year = p.values.get('year') ?? null;
  if (year !== null && !/^\d{4}$/.test(year)) throw new UsageError(`--year 应是四位年份，收到“${year}”（--year must be a 4-digit year）`);
  return { command: 'template', type, out, year, profile, force };
}
