// The command line as cli.md writes it, parsed into one of three commands or a usage error.

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

export type Args = CheckArgs | RecomputeArgs | TemplateArgs | { command: 'help' } | { command: 'version' };

export const DEFAULT_WORKERS = 2;

export const USAGE = `jixiao — 绩效自评表检查与重算 / checks and recomputes budget performance self-evaluation forms

用法 Usage:
  jixiao check <file.xlsx|folder>... [--json] [--profile NAME|FILE.json] [--sheet NAME]
                                     [--report review.xlsx] [--csv review.csv] [--workers N] [--max-mb N]
  jixiao recompute <file.xlsx> --out <new.xlsx> [--profile ...] [--sheet NAME] [--json] [--force] [--max-mb N]
  jixiao template department|project --out <new.xlsx> [--year 2025] [--profile ...] [--force]

  check      检查，不写任何文件 / check only, never writes
  recompute  把重算结果写入新文件，不覆盖原文件 / write the recomputed figures into a new file
  template   生成空白标准表 / write a blank standard form
  --force    允许覆盖已存在的输出文件 / allow replacing an existing output file
  --max-mb N 读取上限：文件 N MB、工作表解压后 2N MB，默认 50 / read limit: file N MB, sheets 2N MB unpacked (default 50)

退出码 Exit status: 0 没有错误 no errors · 1 有错误级问题 error findings · 2 无法运行 could not run`;

/** Options that take a value, per command. */
const VALUE_OPTIONS: Record<string, string[]> = {
  check: ['--profile', '--sheet', '--report', '--csv', '--workers', '--max-mb'],
  recompute: ['--out', '--profile', '--sheet', '--max-mb'],
  template: ['--out', '--year', '--profile'],
};
const FLAG_OPTIONS: Record<string, string[]> = {
  check: ['--json', '--force'],
  recompute: ['--json', '--force'],
  template: ['--force'],
};

interface Parsed {
  positional: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

function split(command: string, argv: string[]): Parsed {
  const out: Parsed = { positional: [], values: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_OPTIONS[command].includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} 需要一个值（${name} needs a value）`);
      if (out.values.has(name)) throw new UsageError(`${name} 只能给一次（${name} given twice）`);
      out.values.set(name, value);
    } else if (FLAG_OPTIONS[command].includes(name) && eq < 0) {
      out.flags.add(name);
    } else {
      throw new UsageError(`${command} 不认识选项 ${name}（unknown option）`);
    }
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
  if (!/^\d+$/.test(text) || Number(text) > 16) throw new UsageError(`--workers 应是 0 到 16 的整数，收到“${text}”（--workers must be 0-16）`);
  return Number(text);
}

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (!(command in VALUE_OPTIONS)) throw new UsageError(`未知命令“${command}”，可用 check / recompute / template（unknown command）`);
  const p = split(command, rest);
  const profile = p.values.get('--profile') ?? null;
  const force = p.flags.has('--force');
  if (command === 'check') {
    if (p.positional.length === 0) throw new UsageError('check 需要至少一个 .xlsx 文件或文件夹（check needs a file or folder）');
    return {
      command: 'check',
      inputs: p.positional,
      json: p.flags.has('--json'),
      profile,
      sheet: p.values.get('--sheet') ?? null,
      report: p.values.get('--report') ?? null,
      csv: p.values.get('--csv') ?? null,
      force,
      workers: workersOf(p.values.get('--workers')),
      maxMb: maxMbOf(p.values.get('--max-mb')),
    };
  }
  const out = p.values.get('--out');
  if (out === undefined) throw new UsageError(`${command} 需要 --out 指定新文件（${command} needs --out <new.xlsx>）`);
  if (command === 'recompute') {
    if (p.positional.length !== 1) throw new UsageError('recompute 需要且只需要一个 .xlsx 文件（recompute takes exactly one file）');
    const sheet = p.values.get('--sheet') ?? null;
    return { command: 'recompute', input: p.positional[0], out, json: p.flags.has('--json'), profile, sheet, force, maxMb: maxMbOf(p.values.get('--max-mb')) };
  }
  const type = p.positional[0];
  if (p.positional.length !== 1 || (type !== 'department' && type !== 'project')) {
    throw new UsageError('template 需要 department（部门整体支出）或 project（项目支出）（template department|project）');
  }
  const year = p.values.get('--year') ?? null;
  if (year !== null && !/^\d{4}$/.test(year)) throw new UsageError(`--year 应是四位年份，收到“${year}”（--year must be a 4-digit year）`);
  return { command: 'template', type, out, year, profile, force };
}
