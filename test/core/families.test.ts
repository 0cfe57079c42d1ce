// The layout families of docs/layouts.md, each read from a fixture built with its merges: what the
// engine reads, what it can check, what it says it cannot, and the scores it settles on.
import { analyzeSheet } from '../../src/core/engine';
import type { FormReport } from '../../src/core/report';
import { sketchToSnapshot, type SheetSketch } from '../../src/core/sketch';
import { coefficientForm, levelWeightForm, targetsOnlyForm } from '../fixtures/families';
import { CLEAN_ROWS, variantSketch, type IndicatorSpec } from '../fixtures/variants';

function onlyForm(sketch: SheetSketch): FormReport {
  const r = analyzeSheet(sketchToSnapshot(sketch));
  expect(r.findings).toEqual([]);
  expect(r.forms).toHaveLength(1);
  return r.forms[0];
}

const at = (f: FormReport) => f.findings.map((x) => `${x.code}@${x.cell}`);

describe('family 1: no per-row 分值, weights on goal blocks or 一级 labels, budget worth 20', () => {
  test.each([
    ['goal blocks', true, ['年度绩效目标1(40分)', '年度绩效目标2(40分)']],
    ['一级 labels', false, ['产出指标', '效益指标']],
  ])('weights on %s', (_name, goalBlocks, levels) => {
    const form = onlyForm(levelWeightForm({ goalBlocks }));
    expect(form).toMatchObject({ layout: 'level-weights', scoring: 'scored', grade: '优' });
    expect(form.budget).toMatchObject({ weight: '20', rate: '95.00%', score: '19.00' });
    expect(form.levels.map((l) => [l.name, l.declaredWeight, l.score])).toEqual([
      [levels[0], '40', '40.00'],
      [levels[1], '40', '36.00'],
    ]);
    expect(form.total).toMatchObject({ weight: '100', score: '95.00', complete: true });
    // Row maxima are unknown: no row weight, nothing invented, nothing written.
    expect(form.indicators.map((i) => [i.weight, i.score, i.met])).toEqual([
      [null, '20.00', true],
      [null, '20.00', true],
      [null, '16.00', false],
      [null, '20.00', true],
    ]);
    expect(form.writes).toEqual([]);
    expect(at(form)).toEqual(expect.arrayContaining(['form.unchecked@G8', 'indicator.unmet@F11']));
    expect(form.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('a level whose scores pass its points is an error at the level', () => {
    const form = onlyForm(levelWeightForm({ scores: [20, 20, 16, 26], total: 101 }));
    expect(at(form)).toContain('score.over-max@A11');
  });

  test('lost points need the footer explanation', () => {
    expect(at(onlyForm(levelWeightForm({ explanation: null })))).toContain('deviation.missing@C14');
    expect(at(onlyForm(levelWeightForm({ explanation: '无' })))).toContain('deviation.boilerplate@C14');
    // The default footer explains the five points lost.
    expect(at(onlyForm(levelWeightForm())).filter((c) => c.startsWith('deviation.'))).toEqual([]);
  });

  test('a score left empty is missing; the total is then incomplete and has no grade', () => {
    const form = onlyForm(levelWeightForm({ scores: [20, null, 16, 20], total: 75 }));
    expect(at(form)).toContain('score.missing@G10');
    expect(form.total).toMatchObject({ complete: false });
    expect(form.grade).toBeNull();
    expect(form.writes.filter((w) => w.reason === 'total-score' || w.reason === 'grade')).toEqual([]);
  });
});

describe('family 2: score coefficients, 自评总分 at the top', () => {
  test('reads coefficients, weights, core flags and the total above the table', () => {
    const form = onlyForm(coefficientForm());
    expect(form).toMatchObject({ layout: 'coefficients', scoring: 'scored', unit: '某区农业农村局', grade: '优' });
    expect(form.budget).toMatchObject({ weight: '20', score: '19.00' });
    expect(form.indicators.map((i) => [i.name, i.weight, i.coefficient, i.core, i.score])).toEqual([
      ['培训农民人次', '30', '1', true, '30.00'],
      ['高标准农田建设面积', '20', '0.9167', true, '18.33'],
      ['农产品质量安全抽检合格率', '20', '1', false, '20.00'],
      ['农户满意度', '10', '1', false, '10.00'],
    ]);
    expect(form.total).toMatchObject({ cell: 'F2', weightCell: null, score: '97.33', enteredScore: '97.33', complete: true });
    // 0.92 is the rule's 11/12 to two decimals: agreed, and written back in full.
    expect(at(form)).not.toContain('score.mismatch@D7');
    expect(form.writes.map((w) => [w.cell, w.text])).toEqual([['D7', '0.9167']]);
    expect(at(form)).toEqual(expect.arrayContaining(['form.unchecked@G5', 'indicator.unmet@C7']));
  });

  test('a coefficient the rule does not give is a mismatch; the score follows the rule', () => {
    const form = onlyForm(coefficientForm({ coefficient: 0.8, score: 16, total: 95 }));
    expect(at(form)).toEqual(expect.arrayContaining(['score.mismatch@D7', 'score.mismatch@G7']));
    expect(form.writes.map((w) => [w.cell, w.text])).toEqual(
      expect.arrayContaining([
        ['D7', '0.9167'],
        ['G7', '18.33'],
        ['F2', '97.33'],
      ]),
    );
  });
});

describe('family 3: special-fund targets without 分值 or 得分', () => {
  const form = onlyForm(targetsOnlyForm());
  test('is not scored: no scores, no total, no grade, said once', () => {
    expect(form).toMatchObject({ layout: 'targets-only', scoring: 'not-scored', total: null, grade: null, levels: [], writes: [] });
    expect(form.indicators.every((i) => i.score === null && i.scoreCell === null && i.weight === null)).toBe(true);
    expect(form.findings.filter((f) => f.code === 'form.not-scored')).toHaveLength(1);
  });
  test('checks the rate, each target, and that shortfalls carry a reason', () => {
    expect(form.budget).toMatchObject({ planned: '194.9', executed: '194.9', rate: '100.00%', score: null });
    expect(form.indicators.map((i) => i.met)).toEqual([true, true, false, false, false]);
    expect(at(form).filter((c) => c.startsWith('deviation.'))).toEqual(['deviation.missing@G15']);
    expect(form.goals.map((g) => g.label)).toEqual(['年初设定目标', '全年实际完成情况']);
  });
  test('with the reason written, nothing is left but information', () => {
    const explained = onlyForm(targetsOnlyForm({ reason: '问卷样本偏少，下年扩大调查范围。' }));
    expect(explained.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('family 4: figures written loosely', () => {
  const detail: IndicatorSpec = {
    l1: '产出',
    l2: '数量指标',
    name: '其中：线上培训',
    cmp: '≥',
    value: '40',
    unit: '人次',
    actual: '45人次',
    weight: null,
    score: null,
    why: '',
  };
  const rows = [CLEAN_ROWS[0], detail, ...CLEAN_ROWS.slice(1)];

  test("money with its unit converts to the form's unit: number.text, never number.invalid", () => {
    const form = onlyForm(
      variantSketch({
        money: { initial: '1,500,000元', planned: '150万', executed: '142.5万元' },
        rate: '0.95',
        rows: CLEAN_ROWS,
        total: [100, 99.5],
      }),
    );
    expect(form.budget).toMatchObject({ initial: '150', planned: '150', executed: '142.5', rate: '95.00%', score: '9.50' });
    expect(at(form)).toEqual(['number.text@C4', 'number.text@D4', 'number.text@E4', 'number.text@G4']);
    expect(form.findings.find((f) => f.cell === 'C4')?.message).toContain('150 万元');
  });

  test.each([
    ['万元', { initial: '150 万元', planned: '１５０万', executed: '142.50万元' }, ['150', '150', '142.5']],
    ['万元', { initial: '1,500,000.00元', planned: '150万元 ', executed: '￥1,425,000' }, ['150', '150', '142.5']],
    ['元', { initial: '150万', planned: '150万元', executed: '1,425,000元' }, ['1500000', '1500000', '1425000']],
  ])('money written loosely in a %s form: %o', (unit, money, read) => {
    const form = onlyForm(variantSketch({ blockLabel: `预算申请（${unit}）`, money, rate: 0.95, rows: CLEAN_ROWS, total: [100, 99.5] }));
    expect([form.budget?.initial, form.budget?.planned, form.budget?.executed]).toEqual(read);
    expect(form.budget?.rate).toBe('95.00%');
    expect(at(form)).toEqual(['number.text@C4', 'number.text@D4', 'number.text@E4']);
  });

  test('72,890元 in a 万元 form is 7.289 万元', () => {
    const form = onlyForm(
      variantSketch({
        money: { initial: 8, planned: 8, executed: '72,890元' },
        rate: null,
        budgetScore: null,
        rows: CLEAN_ROWS,
        total: [100, null],
      }),
    );
    expect(form.budget).toMatchObject({ executed: '7.289', rate: '91.11%', score: '9.11' });
  });

  test.each([
    ['0.958 as a decimal', 0.958, '95.80%'],
    ['a bare 20', 20, '20.00%'],
  ])('a rate printed as %s reads as %s', (_name, rate, shown) => {
    const form = onlyForm(variantSketch({ rate, rows: CLEAN_ROWS }));
    expect(form.budget?.enteredRate).toBe(shown);
  });

  test('其中 rows without a weight under a weighted indicator are details, not indicators', () => {
    const form = onlyForm(variantSketch({ rate: 0.95, rows, total: [100, 99.5] }));
    expect(form.indicators.map((i) => i.name)).not.toContain('其中：线上培训');
    expect(form.findings).toEqual([]);
  });
});

describe('family 5: truncated or not yet scored', () => {
  test('an empty 得分 column is not yet scored: said once, the recompute planned, no 0.00 and 差', () => {
    const form = onlyForm(
      variantSketch({ rate: 0.95, rows: CLEAN_ROWS.map((r) => ({ ...r, score: null })), budgetScore: null, total: [100, null] }),
    );
    expect(form.scoring).toBe('not-yet-scored');
    expect(form.findings.map((f) => f.code)).toEqual(['form.unscored']);
    expect(form.total).toMatchObject({ score: '99.50', enteredScore: null, complete: true });
    expect(form.writes.map((w) => [w.cell, w.text])).toEqual([
      ['H4', '9.50'],
      ['H8', '20.00'],
      ['H9', '15.00'],
      ['H10', '15.00'],
      ['H11', '30.00'],
      ['H12', '10.00'],
      ['H13', '99.50'],
    ]);
  });

  test('a form cut off before its 总分 row has no total and no grade', () => {
    const sketch = variantSketch({ rate: 0.95, rows: CLEAN_ROWS });
    const form = onlyForm({ ...sketch, rows: sketch.rows.slice(0, -1) });
    expect(form.total).toBeNull();
    expect(form.grade).toBeNull();
    expect(form.indicators).toHaveLength(5);
  });
});
