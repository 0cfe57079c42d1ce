// `jixiao check --json` on a generated workbook of each layout family (docs/layouts.md): the form
// is found, read as its family reads, and the exit status follows its findings.
import { promises as fs } from 'fs';
import path from 'path';
import type { JsonReport } from '../../src/cli/json';
import type { SheetSketch } from '../../src/core/sketch';
import { coefficientForm, levelWeightForm, targetsOnlyForm } from '../fixtures/families';
import { CLEAN_ROWS, variantSketch } from '../fixtures/variants';
import { run, STACK, tempDir, writeSketches } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function check(name: string, sketch: SheetSketch) {
  const file = await writeSketches(path.join(dir, `${name}.xlsx`), [sketch]);
  const r = await run('check', file, '--json');
  expect(r.err).not.toMatch(STACK);
  const report = JSON.parse(r.out) as JsonReport;
  expect(report.files[0].error).toBeNull();
  expect(report.files[0].forms).toHaveLength(1);
  const form = report.files[0].forms[0];
  return { code: r.code, form, codes: form.findings.map((f) => `${f.code}@${f.cell}`) };
}

describe('check --json reads every layout family', () => {
  test('no per-row 分值 (goal blocks, budget worth 20): scores kept, total and grade, exit 0', async () => {
    const { code, form, codes } = await check('level-weights', levelWeightForm());
    expect(code).toBe(0);
    expect(form).toMatchObject({ layout: 'level-weights', scoring: 'scored' });
    expect(form.budget).toMatchObject({ weight: '20', rate: '95.00%', score: '19.00' });
    expect(form.indicators.map((i) => [i.weight, i.score])).toEqual([
      [null, '20.00'],
      [null, '20.00'],
      [null, '16.00'],
      [null, '20.00'],
    ]);
    expect(form.total).toMatchObject({ weight: '100', score: '95.00' });
    expect(form.grade).toBe('优');
    expect(codes).toEqual(expect.arrayContaining(['form.unchecked@G8', 'indicator.unmet@F11']));
    expect(form.writes).toEqual([]);
  });

  test('score coefficients with 自评总分 at the top: coefficient written back, exit 0', async () => {
    const { code, form } = await check('coefficients', coefficientForm());
    expect(code).toBe(0);
    expect(form).toMatchObject({ layout: 'coefficients', scoring: 'scored' });
    expect(form.total).toMatchObject({ cell: 'F2', score: '97.33', enteredScore: '97.33' });
    expect(form.indicators.map((i) => i.score)).toEqual(['30.00', '18.33', '20.00', '10.00']);
    expect(form.writes).toEqual([{ cell: 'D7', old: '0.92', new: '0.9167' }]);
  });

  test('a special-fund form is not scored: no total, no grade; a missed target without a reason exits 1', async () => {
    const { code, form, codes } = await check('targets-only', targetsOnlyForm());
    expect(code).toBe(1);
    expect(form).toMatchObject({ layout: 'targets-only', scoring: 'not-scored' });
    expect(form.total).toBeNull();
    expect(form.grade).toBeNull();
    expect(form.indicators.every((i) => i.score === null && i.scoreCell === null)).toBe(true);
    expect(codes).toEqual(expect.arrayContaining(['form.not-scored@D10', 'deviation.missing@G15']));
    const explained = await check('targets-only-explained', targetsOnlyForm({ reason: '问卷样本偏少，下年扩大调查范围。' }));
    expect(explained.code).toBe(0);
  });

  test('the plain report of a special-fund form shows its rate and says once that it is not scored', async () => {
    const file = await writeSketches(path.join(dir, 'targets-only-plain.xlsx'), [targetsOnlyForm()]);
    const r = await run('check', file);
    expect(r.out).toContain('预算执行率 rate');
    expect(r.out).not.toMatch(/预算得分|等级 grade|总分 total|得分需改/);
    expect(r.out).toContain('不评分');
    expect(r.out.match(/form\.not-scored/g)).toHaveLength(1);
  });

  test('money with its unit and a rate as text are read, not refused', async () => {
    const { code, form, codes } = await check(
      'loose',
      variantSketch({
        money: { initial: '1,500,000元', planned: '150万', executed: '142.5万元' },
        rate: '0.95',
        rows: CLEAN_ROWS,
        total: [100, 99.5],
      }),
    );
    expect(code).toBe(0);
    expect(form.budget).toMatchObject({ planned: '150', executed: '142.5', rate: '95.00%', score: '9.50' });
    expect(codes).toEqual(['number.text@C4', 'number.text@D4', 'number.text@E4', 'number.text@G4']);
  });

  test('a form not yet scored is said once, with its recompute planned, never 0.00 and 差', async () => {
    const { code, form, codes } = await check(
      'unscored',
      variantSketch({ rate: 0.95, rows: CLEAN_ROWS.map((r) => ({ ...r, score: null })), budgetScore: null, total: [100, null] }),
    );
    expect(code).toBe(0);
    expect(form).toMatchObject({ layout: 'standard', scoring: 'not-yet-scored' });
    expect(codes).toEqual(['form.unscored@H7']);
    expect(form.total).toMatchObject({ score: '99.50', enteredScore: null });
    expect(form.writes.map((w) => w.new)).toEqual(['9.50', '20.00', '15.00', '15.00', '30.00', '10.00', '99.50']);
  });
});
