// The seed form and the bad inputs through `jixiao check`, in-process, on real .xlsx files.
import { promises as fs } from 'fs';
import path from 'path';
import { Workbook } from 'exceljs';
import type { JsonForm, JsonReport } from '../../src/cli/json';
import { parseA1 } from '../../src/core/address';
import { seedRows, seedSketch, seedSketchAt } from '../fixtures/seed';
import type { SheetSketch, SketchCell } from '../../src/core/sketch';
import { run, STACK, tempDir, writeSketches } from './helpers';

/** The seed with some cells changed, addressed as on the sheet. */
function seedWith(cells: Record<string, SketchCell>): SheetSketch {
  const rows = seedSketch.rows.map((r) => [...r]);
  for (const [address, value] of Object.entries(cells)) {
    const p = parseA1(address);
    if (!p) throw new Error(address);
    rows[p.row - 1][p.col - 1] = value;
  }
  return { ...seedSketch, rows };
}

const DNA = seedRows.firstIndicator + 5;
const TRAINING = seedRows.firstIndicator + 9;
const CRIME = seedRows.firstIndicator + 13;

let dir: string;
let seed: string;
beforeAll(async () => {
  dir = await tempDir();
  seed = await writeSketches(path.join(dir, 'seed.xlsx'), [seedSketch]);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function parse(out: string): JsonReport {
  return JSON.parse(out) as JsonReport;
}

function onlyForm(report: JsonReport): JsonForm {
  expect(report.files).toHaveLength(1);
  expect(report.files[0].forms).toHaveLength(1);
  return report.files[0].forms[0];
}

describe('check --json on the seed form', () => {
  let report: JsonReport;
  let code: number;
  beforeAll(async () => {
    const r = await run('check', seed, '--json');
    code = r.code;
    report = parse(r.out);
  });

  it('has the shape docs/cli.md gives', () => {
    expect(Object.keys(report)).toEqual(['files', 'summary']);
    const file = report.files[0];
    expect(file).toMatchObject({ file: seed, error: null });
    const form = onlyForm(report);
    expect(Object.keys(form)).toEqual([
      'sheet',
      'type',
      'layout',
      'scoring',
      'budget',
      'indicators',
      'total',
      'grade',
      'findings',
      'writes',
    ]);
    expect(Object.keys(form.budget ?? {})).toEqual(['cell', 'planned', 'executed', 'rate', 'weight', 'score', 'enteredScore']);
    expect(Object.keys(form.indicators[0])).toEqual([
      'row',
      'level1',
      'level2',
      'name',
      'target',
      'actual',
      'kind',
      'inferred',
      'met',
      'weight',
      'enteredScore',
      'score',
      'scoreCell',
      'judgement',
    ]);
    expect(Object.keys(form.total ?? {})).toEqual(['cell', 'weight', 'score', 'enteredScore']);
    for (const f of form.findings) expect(Object.keys(f)).toEqual(['code', 'severity', 'sheet', 'cell', 'message']);
    for (const w of form.writes) expect(Object.keys(w)).toEqual(['cell', 'old', 'new']);
  });

  it('reads the budget: 执行率 100.00%, score 10.00', () => {
    const form = onlyForm(report);
    expect(form.type).toBe('department');
    expect(form.budget).toMatchObject({ planned: '8016.09', executed: '8016.09', rate: '100.00%', weight: '10', score: '10.00' });
    expect(form.findings.map((f) => f.code)).not.toContain('budget.breakdown-mismatch');
    expect(form.findings).toContainEqual(expect.objectContaining({ code: 'budget.adjusted', severity: 'info' }));
  });

  it('scores the DNA and training rows by the rule and keeps the judgement on 刑事案件发案率', () => {
    const form = onlyForm(report);
    const byRow = new Map(form.indicators.map((i) => [i.row, i]));
    expect(form.indicators).toHaveLength(seedRows.lastIndicator - seedRows.firstIndicator + 1);
    expect(byRow.get(DNA)).toMatchObject({
      kind: 'positive',
      met: false,
      weight: '2',
      enteredScore: '1',
      score: '1.92',
      scoreCell: `H${DNA}`,
    });
    expect(byRow.get(TRAINING)).toMatchObject({ score: '1.95' });
    expect(byRow.get(CRIME)).toMatchObject({ enteredScore: '2', judgement: true });
    expect(Number(byRow.get(CRIME)?.score)).toBe(2);
    const codesAt = (cell: string) => form.findings.filter((f) => f.cell === cell).map((f) => f.code);
    expect(codesAt(`H${DNA}`)).toContain('score.mismatch');
    expect(form.findings.filter((f) => f.code === 'indicator.wrong-direction')).toHaveLength(1);
    expect(form.findings.some((f) => f.code === 'deviation.missing')).toBe(false);
  });

  it('reads the other kinds of target: unit mismatch, over-achievement, reverse, bound and compound targets', () => {
    const form = onlyForm(report);
    const row = (name: string) => {
      const found = form.indicators.find((i) => i.name.includes(name));
      if (!found) throw new Error(name);
      return found;
    };
    const codesOn = (name: string) =>
      form.findings.filter((f) => Number(f.cell.replace(/^[A-Z]+/, '')) === row(name).row).map((f) => f.code);
    expect(codesOn('户籍')).toContain('indicator.unit-mismatch');
    expect(codesOn('八大类')).toContain('indicator.over-achieved');
    expect(row('队伍违纪')).toMatchObject({ kind: 'reverse', met: true });
    expect(row('二代身份证办结天数')).toMatchObject({ kind: 'bound', met: true });
    expect(row('安保维稳')).toMatchObject({ kind: 'compound', met: true });
    const levels = new Map<string, number>();
    for (const i of form.indicators) levels.set(i.level1, (levels.get(i.level1) ?? 0) + Number(i.weight));
    expect(Object.fromEntries(levels)).toEqual({ 产出指标: 50, 效益指标: 30, 满意度指标: 10 });
    expect(form.findings.map((f) => f.code)).not.toContain('weight.level-mismatch');
  });

  it('totals 97.87, grade 优, and lists the writes a recompute would make', () => {
    const form = onlyForm(report);
    expect(form.total).toMatchObject({ weight: '100', score: '97.87', enteredScore: '96' });
    expect(form.grade).toBe('优');
    expect(form.writes).toEqual(
      expect.arrayContaining([
        { cell: `H${DNA}`, old: '1', new: '1.92' },
        { cell: `H${TRAINING}`, old: '1', new: '1.95' },
        { cell: `H${seedRows.total}`, old: '96', new: '97.87' },
      ]),
    );
  });

  it('sums the findings in the summary and exits 0 with no error', () => {
    const findings = report.files[0].forms[0].findings;
    expect(report.summary).toEqual({
      files: 1,
      forms: 1,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
    });
    expect(report.summary.errors).toBe(0);
    expect(code).toBe(0);
  });
});

describe('check, human output', () => {
  it('shows the figures and the findings with their cells', async () => {
    const r = await run('check', seed);
    expect(r.code).toBe(0);
    expect(r.out).toContain('100.00%');
    expect(r.out).toContain('97.87');
    expect(r.out).toMatch(new RegExp(`H${DNA}\\s+.*1\\.92`));
    expect(r.err).toBe('');
  });

  it('finds the form wherever it starts and only on the sheet --sheet names', async () => {
    const file = await writeSketches(path.join(dir, 'moved.xlsx'), [
      { name: '说明', rows: [['本工作簿第二张表为自评表']] },
      seedSketchAt({ row: 4, col: 3 }, '自评表'),
    ]);
    // A cover sheet beside the form is no error; a file with no form anywhere is.
    const all = await run('check', file, '--json');
    expect(parse(all.out).files[0].findings).toEqual([]);
    expect(all.code).toBe(0);
    const cover = await writeSketches(path.join(dir, 'cover-only.xlsx'), [{ name: '说明', rows: [['本工作簿没有自评表']] }]);
    expect(parse((await run('check', cover, '--json')).out).files[0].findings.map((f) => f.code)).toEqual(['form.not-found']);
    const one = await run('check', file, '--json', '--sheet', '自评表');
    const form = onlyForm(parse(one.out));
    expect(form.total?.score).toBe('97.87');
    expect(form.indicators.find((i) => i.name.includes('DNA'))?.scoreCell).toBe(`J${DNA + 3}`);
    expect(one.code).toBe(0);
    const missing = await run('check', file, '--sheet', '没有这张表');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('没有这张表');
  });
});

describe('bad input', () => {
  const cases: [string, () => Promise<Uint8Array>, RegExp][] = [
    ['a text file renamed .xlsx', async () => new TextEncoder().encode('这不是工作簿\n'), /不是 \.xlsx/],
    ['an empty file', async () => new Uint8Array(0), /空的/],
    ['a truncated zip', async () => (await fs.readFile(seed)).subarray(0, 3000), /损坏或不完整/],
    [
      'an encrypted (OLE) file',
      async () => {
        const bytes = new Uint8Array(4096);
        bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
        return bytes;
      },
      /密码|\.xls/,
    ],
    ['a workbook with no sheets', async () => new Uint8Array(await new Workbook().xlsx.writeBuffer()), /没有工作表/],
  ];

  it.each(cases)('%s: one clear line naming the file and exit 2', async (name, bytes, message) => {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.xlsx`);
    await fs.writeFile(file, await bytes());
    const r = await run('check', file);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toContain(file);
    expect(r.err).toMatch(message);
    expect(r.err + r.out).not.toMatch(STACK);
  });

  it('a missing file and a bad option: one line, exit 2', async () => {
    const emptyFolder = path.join(dir, 'empty-folder');
    await fs.mkdir(emptyFolder, { recursive: true });
    for (const argv of [
      ['check', path.join(dir, 'nope.xlsx')],
      ['check', emptyFolder],
      ['check', seed, '--bogus'],
      ['frobnicate'],
      ['check'],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(STACK);
    }
  });

  it('a sheet with no form: form.not-found, exit 1', async () => {
    const file = await writeSketches(path.join(dir, 'notes.xlsx'), [{ name: 'Sheet1', rows: [['会议纪要'], ['2023 年 3 月']] }]);
    const r = await run('check', file, '--json');
    expect(r.code).toBe(1);
    const report = parse(r.out);
    expect(report.files[0].forms).toEqual([]);
    expect(report.files[0].findings).toEqual([expect.objectContaining({ code: 'form.not-found', severity: 'error', sheet: 'Sheet1' })]);
    expect(report.summary.errors).toBe(1);
  });

  it('#DIV/0! and #REF! cells become formula.error findings at their cells', async () => {
    const file = await writeSketches(path.join(dir, 'errors.xlsx'), [
      seedWith({ [`F${DNA}`]: { error: '#DIV/0!' }, [`H${TRAINING}`]: { error: '#REF!' } }),
    ]);
    const r = await run('check', file, '--json');
    const form = onlyForm(parse(r.out));
    const errors = form.findings.filter((f) => f.code === 'formula.error').map((f) => f.cell);
    expect(errors).toEqual(expect.arrayContaining([`F${DNA}`, `H${TRAINING}`]));
    expect(r.code).toBe(1);
  });

  it('numbers typed as text with spaces or units are read or flagged, never a crash', async () => {
    const file = await writeSketches(path.join(dir, 'text-numbers.xlsx'), [
      seedWith({ D5: '8016.0 9', [`G${DNA}`]: '2 分', [`F${TRAINING}`]: '1,466 人次' }),
    ]);
    const r = await run('check', file, '--json');
    const form = onlyForm(parse(r.out));
    const at = (cell: string) => form.findings.filter((f) => f.cell === cell).map((f) => f.code);
    expect(at('D5')).toContain('number.invalid');
    expect(at(`G${DNA}`)).toContain('number.text');
    expect(form.indicators.find((i) => i.row === TRAINING)?.score).toBe('1.95');
  });

  it('a 10,000-character explanation is read and not printed in full', async () => {
    const long = '因疫情影响'.repeat(2000);
    const file = await writeSketches(path.join(dir, 'long.xlsx'), [seedWith({ [`I${DNA}`]: long })]);
    const json = await run('check', file, '--json');
    expect(onlyForm(parse(json.out)).total?.score).toBe('97.87');
    const human = await run('check', file);
    expect(human.code).toBe(0);
    for (const line of human.out.split('\n')) expect(line.length).toBeLessThan(1000);
  });
});

describe('--profile', () => {
  it('takes a built-in name or a JSON file, and refuses a bad one in one line', async () => {
    const good = path.join(dir, 'linear.json');
    await fs.writeFile(good, JSON.stringify({ name: '某省', reverseMiss: 'linear' }));
    expect((await run('check', seed, '--profile', 'national')).code).toBe(0);
    expect((await run('check', seed, '--profile', good)).code).toBe(0);
    const bad = path.join(dir, 'bad.json');
    await fs.writeFile(bad, JSON.stringify({ reverseMiss: 'sideways' }));
    const broken = path.join(dir, 'broken.json');
    await fs.writeFile(broken, '{ not json');
    for (const spec of [bad, broken, 'martian']) {
      const r = await run('check', seed, '--profile', spec);
      expect(r.code).toBe(2);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.err).toContain(path.basename(spec));
      expect(r.err).not.toMatch(STACK);
    }
  });
});

describe('a batch', () => {
  it('goes on after an unreadable file, keeps the input order and ranks the worst first', async () => {
    const folder = path.join(dir, 'batch');
    await fs.mkdir(path.join(folder, 'sub'), { recursive: true });
    await fs.copyFile(seed, path.join(folder, 'a.xlsx'));
    await fs.writeFile(path.join(folder, 'b.xlsx'), 'not a zip');
    await fs.copyFile(seed, path.join(folder, 'sub', 'c.xlsx'));
    await fs.writeFile(path.join(folder, 'notes.txt'), 'ignored');
    await fs.writeFile(path.join(folder, '~$a.xlsx'), 'Excel lock file');
    const r = await run('check', folder, '--json');
    const report = parse(r.out);
    expect(report.files.map((f) => path.relative(folder, f.file))).toEqual(['a.xlsx', 'b.xlsx', path.join('sub', 'c.xlsx')]);
    expect(report.files[1].error).toMatch(/b\.xlsx/);
    expect(report.files[2].forms[0].total?.score).toBe('97.87');
    expect(r.code).toBe(1);
    expect(r.err).toContain('b.xlsx');

    const human = await run('check', folder);
    const ranking = human.out.slice(human.out.indexOf('worst first'));
    expect(ranking.indexOf('b.xlsx')).toBeLessThan(ranking.indexOf('a.xlsx'));
  });

  it('writes the review workbook and CSV', async () => {
    const report = path.join(dir, 'review.xlsx');
    const csv = path.join(dir, 'review.csv');
    const r = await run('check', seed, '--report', report, '--csv', csv);
    expect(r.code).toBe(0);
    const wb = new Workbook();
    await wb.xlsx.readFile(report);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['汇总 Summary', '问题清单 Findings']);
    expect(wb.worksheets[0].getCell('A2').value).toBe(seed);
    expect(wb.worksheets[0].getCell('H2').value).toBe(97.87);
    const [, row] = (await fs.readFile(csv, 'utf8')).split('\r\n');
    expect(row.startsWith(`${seed},`)).toBe(true);
    expect(row).toContain(',97.87,');
    const again = await run('check', seed, '--report', report);
    expect(again.code).toBe(2);
    expect(again.err).toContain('--force');
  });
});

describe('what reaches the terminal', () => {
  it('shows control characters and bidi overrides in file names and cell text as escapes, in both outputs', async () => {
    const sly = path.join(dir, 'a\u202Egnp.xlsx\u001b[2J');
    await writeSketches(sly, [seedWith({ C2: '渌口\u202E分局\u0007' })]);
    for (const argv of [
      ['check', sly],
      ['check', sly, '--json'],
    ]) {
      const r = await run(...argv);
      // eslint-disable-next-line no-control-regex
      expect(r.out + r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(r.out).toContain('\\u202E');
      expect(r.out.toUpperCase()).toContain('\\U001B[2J');
    }
    const json = parse((await run('check', sly, '--json')).out);
    // The escapes are JSON escapes: a tool reading --json gets the name exactly.
    expect(json.files[0].file).toBe(sly);
  });
});

describe('a folder holding links', () => {
  it('checks an .xlsx symlink as the file it points to and reports a broken one', async () => {
    const folder = path.join(dir, 'linked');
    await fs.mkdir(folder);
    await fs.symlink(seed, path.join(folder, 'a-link.xlsx'));
    await fs.symlink(path.join(dir, 'gone.xlsx'), path.join(folder, 'b-broken.xlsx'));
    const r = await run('check', folder, '--json');
    const report = parse(r.out);
    expect(report.files.map((f) => path.basename(f.file))).toEqual(['a-link.xlsx', 'b-broken.xlsx']);
    expect(report.files[0].forms[0].total?.score).toBe('97.87');
    expect(report.files[1].error).toContain('file not found');
    expect(r.err).toContain('b-broken.xlsx');
  });
});
