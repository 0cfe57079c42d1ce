// The command line through util.parseArgs: each mistake named in one bilingual line; --help and
// --version answered without loading the workbook libraries.
import { execFile } from 'child_process';
import path from 'path';
import { promisify } from 'util';
import { parseArgs, UsageError } from '../../src/cli/args';
import { packageVersion } from '../../src/cli/main';

const exec = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');

test.each([
  [['check', 'a.xlsx', '--bogus'], 'check 不认识选项 --bogus（unknown option）'],
  [['check', 'a.xlsx', '-x'], 'check 不认识选项 -x（unknown option）'],
  [['recompute', 'a.xlsx', '--out'], '--out 需要一个值（--out needs a value）'],
  [['recompute', 'a.xlsx', '--out', '--json'], '--out 需要一个值（--out needs a value）'],
  [['recompute', 'a.xlsx', '--out='], '--out 需要一个值（--out needs a value）'],
  [['check', 'a.xlsx', '--json=yes'], '--json 不带值（--json takes no value）'],
  [['check', 'a.xlsx', '--csv', 'a.csv', '--csv', 'b.csv'], '--csv 只能给一次（--csv given twice）'],
  [['recompute', 'a.xlsx'], 'recompute 需要 --out 指定新文件（recompute needs --out <new.xlsx>）'],
  [['recompute', 'a.xlsx', 'b.xlsx', '--out', 'c.xlsx'], 'recompute 需要且只需要一个 .xlsx 文件（recompute takes exactly one file）'],
  [['check'], 'check 需要至少一个 .xlsx 文件或文件夹（check needs a file or folder）'],
  [['check', 'a.xlsx', '--max-mb', '0'], '--max-mb 应是 1 到 2000 的整数，收到“0”（--max-mb must be 1-2000）'],
  [['check', 'a.xlsx', '--workers', 'x'], '--workers 应是 0 到 16 的整数，收到“x”（--workers must be 0-16）'],
  [
    ['template', 'other', '--out', 'a.xlsx'],
    'template 需要 department（部门整体支出）或 project（项目支出）（template department|project）',
  ],
  [['template', 'project', '--out', 'a.xlsx', '--year', '25'], '--year 应是四位年份，收到“25”（--year must be a 4-digit year）'],
  [['frobnicate'], '未知命令“frobnicate”，可用 check / recompute / template / report（unknown command）'],
])('%j → %s', (argv, message) => {
  expect(() => parseArgs(argv)).toThrow(new UsageError(message));
});

test('options in any order, with = or a separate value, and -- before a file named like an option', () => {
  expect(parseArgs(['check', '--json', 'a.xlsx', '--csv=r.csv', '--max-mb', '10', '--', '--odd.xlsx'])).toEqual({
    command: 'check',
    inputs: ['a.xlsx', '--odd.xlsx'],
    json: true,
    profile: null,
    sheet: null,
    report: null,
    csv: 'r.csv',
    force: false,
    workers: 2,
    maxMb: 10,
  });
});

test('the version is the one in package.json', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(packageVersion()).toBe((require('../../package.json') as { version: string }).version);
});

test('--help and --version do not load exceljs, fflate or the engine', async () => {
  const probe = `
    require('tsx/cjs');
    const { main } = require('./src/cli/main.ts');
    main(['--version'], { out: () => {}, err: () => {}, errIsTTY: false }).then(() => main(['--help'], { out: () => {}, err: () => {}, errIsTTY: false })).then(() => {
      const loaded = Object.keys(require.cache).filter((f) => /node_modules[\\\\/](exceljs|fflate|saxes)[\\\\/]|src[\\\\/]core[\\\\/]engine/.test(f));
      process.stdout.write(JSON.stringify(loaded));
    });`;
  const { stdout } = await exec(process.execPath, ['-e', probe], { cwd: ROOT });
  expect(JSON.parse(stdout)).toEqual([]);
});
