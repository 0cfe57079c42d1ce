import { analyzeSheet, analyzeWorkbook } from '../../src/core/engine';
import { allFindings, countBySeverity, hasErrors, sheetFindings, type FormReport } from '../../src/core/report';
import { NATIONAL } from '../../src/core/profile';
import { seedSketch, seedSketchAt } from '../fixtures/seed';
import { sketchToSnapshot, type SheetSketch } from '../../src/core/sketch';
import { STANDARD_ROWS, variantSketch, type VariantOptions } from '../fixtures/variants';

function onlyForm(sketch: SheetSketch): FormReport {
  const r = analyzeSheet(sketchToSnapshot(sketch));
  expect(r.forms).toHaveLength(1);
  return r.forms[0];
}

const codes = (f: FormReport) => f.findings.map((x) => x.code);
const errorsOf = (f: FormReport) => f.findings.filter((x) => x.severity === 'error');

describe('the seed form (株洲市公安局渌口分局 2022)', () => {
  const form = onlyForm(seedSketch);
  const row = (name: string) => {
    const r = form.indicators.find((i) => i.name.includes(name));
    if (!r) throw new Error(`no row ${name}`);
    return r;
  };

  test('reads the header, the budget and 27 indicators', () => {
    expect(form.type).toBe('department');
    expect(form.unit).toBe('株洲市公安局渌口分局');
    expect(form.year).toBe('2022');
    expect(form.indicators).toHaveLength(27);
    expect(form.budget).toMatchObject({
      initial: '5685.44',
      planned: '8016.09',
      executed: '8016.09',
      rate: '100.00%',
      weight: '10',
      score: '10.00',
    });
  });

  test('income and expenditure breakdowns add up; the big adjustment is information', () => {
    expect(codes(form)).not.toContain('budget.breakdown-mismatch');
    const adjusted = form.findings.find((f) => f.code === 'budget.adjusted');
    expect(adjusted?.severity).toBe('info');
    expect(adjusted?.message).toContain('5685.44');
  });

  test('weights are 10 + 50 + 30 + 10 and each 一级 label matches its rows', () => {
    expect(form.levels.map((l) => [l.name, l.declaredWeight, l.weight])).toEqual([
      ['产出指标', '50', '50'],
      ['效益指标', '30', '30'],
      ['满意度指标', '10', '10'],
    ]);
    expect(codes(form)).not.toContain('weight.level-mismatch');
    expect(codes(form)).not.toContain('weight.total');
    expect(codes(form)).not.toContain('weight.nonstandard');
  });

  test('DNA sampling: positive, not met, 1.92 with score.mismatch and no deviation.missing', () => {
    const dna = row('DNA');
    expect(dna).toMatchObject({
      kind: 'positive',
      inferred: true,
      met: false,
      weight: '2',
      enteredScore: '1',
      score: '1.92',
      judgement: false,
    });
    const at = form.findings.filter((f) => f.cell === dna.scoreCell).map((f) => f.code);
    expect(at).toContain('score.mismatch');
    expect(form.findings.filter((f) => f.code === 'deviation.missing')).toEqual([]);
    expect(row('培训人次').score).toBe('1.95');
  });

  test('刑事案件发案率: wrong direction, a judgement, the entered 2 kept', () => {
    const r = row('刑事案件发案率');
    expect(r).toMatchObject({ kind: 'change', met: false, judgement: true, enteredScore: '2', score: '2.00' });
    expect(form.findings.find((f) => f.code === 'indicator.wrong-direction')?.cell).toBe(r.scoreCell);
    expect(form.writes.map((w) => w.cell)).not.toContain(r.scoreCell);
  });

  test('unit mismatch, over-achievement, reverse, bound and compound rows', () => {
    expect(form.findings.find((f) => f.code === 'indicator.unit-mismatch')?.message).toContain('户籍');
    expect(form.findings.find((f) => f.code === 'indicator.over-achieved')?.message).toContain('八大类');
    expect(row('违纪违法')).toMatchObject({ kind: 'reverse', met: true });
    expect(row('二代身份证')).toMatchObject({ kind: 'bound', met: true });
    expect(row('安保维稳')).toMatchObject({ kind: 'compound', met: true });
  });

  test('recompute plans 97.87, grade 优, and writes only what changes', () => {
    expect(form.total).toMatchObject({ weight: '100', score: '97.87', enteredScore: '96' });
    expect(form.grade).toBe('优');
    const writes = Object.fromEntries(form.writes.map((w) => [w.cell, w.text]));
    expect(writes[row('DNA').scoreCell ?? '']).toBe('1.92');
    expect(writes[row('培训人次').scoreCell ?? '']).toBe('1.95');
    expect(writes[form.total!.cell]).toBe('97.87');
    expect(writes[form.budget!.cell]).toBe('100.00%');
    expect(form.writes).toHaveLength(4);
    for (const w of form.writes) expect(typeof w.set.value).toBe('number');
  });

  test('the explained losses are marked, nothing needs an explanation', () => {
    expect(form.marks.filter((m) => m.kind === 'needs-explanation')).toEqual([]);
    expect(form.marks.filter((m) => m.kind === 'explained-loss')).toHaveLength(3);
  });

  test('the same form anywhere on the sheet reads the same', () => {
    const moved = onlyForm(seedSketchAt({ row: 7, col: 4 }));
    expect(moved.total?.score).toBe('97.87');
    expect(moved.indicators.map((i) => i.score)).toEqual(form.indicators.map((i) => i.score));
  });
});

describe('layout variants of docs/layouts.md read the same figures', () => {
  const variants: Array<[string, VariantOptions]> = [
    ['the reference layout', {}],
    ['starting at F12', { origin: { row: 12, col: 6 } }],
    ['年初预算数 missing, 执行率 before 分值, 分值 called 权重', { budgetHeader: ['全年预算数', '全年执行数', '执行率', '权重', '得分'] }],
    [
      'labels broken over lines and with (A)/(B)',
      { budgetHeader: ['年初\n预算数', '全年预 算数（A）', '全年\n执行数（B）', '分值', '执行率（B/A）', '得分'] },
    ],
    [
      '分值 before 年度指标值',
      { indicatorHeader: ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分', '偏差原因分析及改进措施'] },
    ],
    [
      'target split over 指标性质 | 指标值 | 度量单位',
      {
        indicatorHeader: [
          '一级指标',
          '二级指标',
          '三级指标',
          '指标性质',
          '指标值',
          '度量单位',
          '实际完成值',
          '分值',
          '得分',
          '偏差原因分析及改进措施',
        ],
      },
    ],
    [
      '指标值 / 完成值 names',
      { indicatorHeader: ['一级指标', '二级指标', '三级指标', '指标值（A）', '完成值（B）', '分值', '得分', '偏差原因分析'] },
    ],
    [
      '全年实际值 and 未完成原因分析',
      { indicatorHeader: ['一级指标', '二级指标', '三级指标', '年度指标值', '全年实际值', '分值', '得分', '未完成原因分析'] },
    ],
    [
      '未完成原因及拟采取的改进措施',
      { indicatorHeader: ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '未完成原因及拟采取的改进措施'] },
    ],
    ['一级 labels without weights', { level1: { 产出: '产出指标', 效益: '效益指标', 满意度: '满意度指标' } }],
    ['levels left blank instead of merged', { mergeLevels: false }],
    ['money in 元', { blockLabel: '预算申请（元）', money: { initial: 1000000, planned: 1000000, executed: 950000 } }],
  ];

  test.each(variants)('%s', (_name, options) => {
    const form = onlyForm(variantSketch(options));
    expect(form.budget?.rate).toBe('95.00%');
    expect(form.budget?.score).toBe('9.50');
    expect(form.indicators.map((i) => [i.level1, i.level2, i.name, i.score])).toEqual([
      ['产出指标', '数量指标', '培训人次', '19.00'],
      ['产出指标', '数量指标', '项目完成率', '15.00'],
      ['产出指标', '质量指标', '验收合格率', '15.00'],
      ['效益指标', '社会效益指标', '管理制度', '30.00'],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '10.00'],
    ]);
    expect(form.total?.score).toBe('98.50');
    expect(errorsOf(form)).toEqual([]);
    expect(form.writes.filter((w) => w.reason !== 'rate')).toEqual([]);
  });

  test('money in 元 is reported in 元', () => {
    expect(onlyForm(variantSketch({ blockLabel: '预算申请（元）' })).budget?.unit).toBe('元');
  });

  test('budget weight 20 is read from the sheet and reported as non-standard', () => {
    const rows = STANDARD_ROWS.map((r) => (r.name === '管理制度' ? { ...r, weight: 20, score: 20 } : r));
    const form = onlyForm(
      variantSketch({
        budgetWeight: 20,
        budgetScore: 19,
        rows,
        level1: { 产出: '产出指标（50分）', 效益: '效益指标（20分）', 满意度: '满意度指标（10分）' },
        total: [100, 98],
      }),
    );
    expect(form.budget).toMatchObject({ weight: '20', score: '19.00' });
    expect(form.total?.score).toBe('98.00');
    expect(codes(form)).toContain('weight.nonstandard');
    expect(errorsOf(form)).toEqual([]);
  });

  test('a grade cell near the total is read, checked and written', () => {
    const form = onlyForm(variantSketch({ grade: '良' }));
    expect(form.enteredGrade).toBe('良');
    expect(form.findings.find((f) => f.code === 'grade.mismatch')?.cell).toBe(form.gradeCell);
    expect(form.writes.find((w) => w.reason === 'grade')?.text).toBe('优');
  });

  test('an unknown column inside the table is named, not guessed', () => {
    const form = onlyForm(
      variantSketch({
        indicatorHeader: [
          '一级指标',
          '二级指标',
          '三级指标',
          '年度指标值',
          '备注说明',
          '实际完成值',
          '分值',
          '得分',
          '偏差原因分析及改进措施',
        ],
      }),
    );
    const f = form.findings.find((x) => x.code === 'form.unknown-column');
    expect(f?.message).toContain('备注说明');
  });

  test('two forms on one sheet are both read', () => {
    const a = variantSketch({});
    const b = variantSketch({
      origin: { row: a.rows.length + 4, col: 1 },
      money: { initial: 200, planned: 200, executed: 200 },
      rate: '100%',
      budgetScore: 10,
      total: [100, 99],
    });
    const snapshotA = sketchToSnapshot(a);
    const snapshotB = sketchToSnapshot(b);
    const cells = [...snapshotA.cells, [], [], [], ...snapshotB.cells];
    const r = analyzeSheet({ ...snapshotA, cells, merges: [...snapshotA.merges, ...snapshotB.merges] });
    expect(r.forms.map((f) => [f.budget?.rate, f.total?.score])).toEqual([
      ['95.00%', '98.50'],
      ['100.00%', '99.00'],
    ]);
  });

  test('a sheet with no form says so', () => {
    const r = analyzeSheet(sketchToSnapshot({ name: '说明', rows: [['填表说明'], ['请在第二张表填写。']] }));
    expect(r.forms).toEqual([]);
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['form.not-found', 'error']]);
  });

  test('without merge information (ExcelApi below 1.13) the levels are carried down', () => {
    const snapshot = sketchToSnapshot(variantSketch({}));
    const form = analyzeSheet({ ...snapshot, merges: [], mergesKnown: false }, NATIONAL).forms[0];
    expect(form.indicators.map((i) => i.level1)).toEqual(['产出指标', '产出指标', '产出指标', '效益指标', '满意度指标']);
  });
});

describe('budget block checks', () => {
  const seedWith = (edit: (text: string) => string): FormReport =>
    onlyForm({ ...seedSketch, rows: seedSketch.rows.map((r) => r.map((c) => (typeof c === 'string' ? edit(c) : c))) });

  test('an income list that does not add up is an error naming the difference', () => {
    const form = seedWith((t) => (t === '其他资金：118.34' ? '其他资金：128.34' : t));
    const f = form.findings.find((x) => x.code === 'budget.breakdown-mismatch');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('8026.09');
    expect(f?.message).toContain('差 10');
  });

  test('an amount with a space inside cannot be read and is flagged', () => {
    const form = seedWith((t) => (t === '其他资金：118.34' ? '其他资金：118.3 4' : t));
    expect(form.findings.some((x) => x.code === 'number.invalid' && x.message.includes('118.3 4'))).toBe(true);
  });

  test('execution below 90% with no explanation is a warning; over 100% is capped', () => {
    const low = onlyForm(
      variantSketch({ money: { initial: 100, planned: 100, executed: 80 }, rate: '80%', budgetScore: 8, total: [100, 97] }),
    );
    expect(low.budget).toMatchObject({ rate: '80.00%', score: '8.00' });
    expect(low.findings.map((f) => f.code)).toContain('budget.low-execution');
    const over = onlyForm(
      variantSketch({ money: { initial: 100, planned: 100, executed: 102.59 }, rate: '102.59%', budgetScore: 10, total: [100, 99] }),
    );
    expect(over.budget).toMatchObject({ rate: '102.59%', score: '10.00' });
    expect(over.findings.find((f) => f.code === 'budget.over-executed')?.severity).toBe('warning');
  });

  test('no budget: no rate, no score, and the finding says which figure is missing', () => {
    const form = onlyForm(variantSketch({ money: { initial: null, planned: 0, executed: 50 }, rate: null, budgetScore: null }));
    expect(form.budget).toMatchObject({ rate: null, score: null });
    const f = form.findings.find((x) => x.code === 'budget.no-budget');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('全年预算数');
  });

  test('a miscomputed 执行率 is reported and rewritten as a number with a percent format', () => {
    const form = onlyForm(variantSketch({ rate: '90%' }));
    expect(form.findings.find((f) => f.code === 'budget.rate-mismatch')?.message).toContain('95.00%');
    const w = form.writes.find((x) => x.reason === 'rate');
    expect(w).toMatchObject({ set: { value: 0.95, numberFormat: '0.00%' }, text: '95.00%' });
  });
});

describe('indicator row checks', () => {
  const rows = (edit: Partial<(typeof STANDARD_ROWS)[number]>) => STANDARD_ROWS.map((r, i) => (i === 0 ? { ...r, ...edit } : r));

  test('a lost point without an explanation is an error and marked', () => {
    const form = onlyForm(variantSketch({ rows: rows({ why: '' }) }));
    const f = form.findings.find((x) => x.code === 'deviation.missing');
    expect(f?.severity).toBe('error');
    expect(form.marks.find((m) => m.cell === f?.cell)?.kind).toBe('needs-explanation');
  });

  test('a boilerplate explanation does not count', () => {
    const form = onlyForm(variantSketch({ rows: rows({ why: '完成绩效目标' }) }));
    expect(form.findings.map((x) => x.code)).toContain('deviation.boilerplate');
  });

  test('a score above its weight, a negative score, a missing score', () => {
    expect(onlyForm(variantSketch({ rows: rows({ score: 25, actual: '100人次' }) })).findings.map((x) => x.code)).toContain(
      'score.over-max',
    );
    expect(onlyForm(variantSketch({ rows: rows({ score: -1 }) })).findings.map((x) => x.code)).toContain('score.negative');
    const missing = onlyForm(variantSketch({ rows: rows({ score: null }) }));
    expect(missing.findings.map((x) => x.code)).toContain('score.missing');
    expect(missing.writes.find((w) => w.reason === 'score')?.text).toBe('19.00');
  });

  test('a target with no actual is an error and nothing is guessed', () => {
    const form = onlyForm(variantSketch({ rows: rows({ actual: null }) }));
    expect(form.findings.map((x) => x.code)).toContain('indicator.missing-actual');
    expect(form.indicators[0].score).toBe('19.00');
    expect(form.writes.filter((w) => w.reason === 'score')).toEqual([]);
  });

  test('a total that does not add up and a weight total that is not 100', () => {
    const form = onlyForm(variantSketch({ total: [90, 97] }));
    expect(form.findings.filter((x) => x.code === 'total.mismatch')).toHaveLength(2);
    const heavy = onlyForm(variantSketch({ rows: rows({ weight: 25, score: 23.75 }), total: [105, 103.25] }));
    expect(heavy.findings.map((x) => x.code)).toEqual(expect.arrayContaining(['weight.total', 'weight.level-mismatch']));
  });

  test('an error value in a score cell is reported as formula.error and marked', () => {
    const form = onlyForm(variantSketch({ rows: rows({ score: { error: '#DIV/0!' } }) }));
    const f = form.findings.find((x) => x.code === 'formula.error');
    expect(f?.message).toContain('#DIV/0!');
    expect(form.marks.find((m) => m.cell === f?.cell)?.kind).toBe('error');
  });

  test('a score written as a formula is kept, with a note when its result differs', () => {
    const form = onlyForm(variantSketch({ rows: rows({ score: { formula: '=G8', value: 18 } }) }));
    expect(form.writes.filter((w) => w.reason === 'score')).toEqual([]);
    expect(form.findings.find((x) => x.code === 'formula.kept')?.message).toContain('19.00');
  });

  test('a 10,000-character explanation is kept and flagged, not a failure', () => {
    const form = onlyForm(variantSketch({ rows: rows({ why: '说明'.repeat(5000) }) }));
    expect(form.findings.map((x) => x.code)).toContain('text.too-long');
    expect(form.marks[0].kind).toBe('explained-loss');
  });
});

describe('a workbook: which sheets hold a form', () => {
  const cover = sketchToSnapshot({ name: '封面', rows: [['2024 年度绩效自评材料'], ['某市某局']] });
  const form = sketchToSnapshot(variantSketch({ name: '自评表' }));

  test('a cover sheet beside a form says nothing; the form is read as on its own', () => {
    const [c, f] = analyzeWorkbook([cover, form]);
    expect(c).toEqual({ sheet: '封面', forms: [], findings: [] });
    expect(f).toEqual(analyzeSheet(form));
    expect(hasErrors(allFindings([c, f]))).toBe(false);
  });

  test('when no sheet holds a form, each sheet says so as an error', () => {
    const reports = analyzeWorkbook([cover, { ...cover, sheet: '说明' }]);
    expect(allFindings(reports).map((f) => [f.sheet, f.code, f.severity])).toEqual([
      ['封面', 'form.not-found', 'error'],
      ['说明', 'form.not-found', 'error'],
    ]);
  });

  test('the queries count what the sheets and their forms found', () => {
    const reports = analyzeWorkbook([cover, sketchToSnapshot(seedSketch)]);
    const all = allFindings(reports);
    expect(all).toEqual(sheetFindings(reports[1]));
    const counts = countBySeverity(all);
    expect(counts.error + counts.warning + counts.info).toBe(all.length);
    expect(counts).toEqual({
      error: all.filter((f) => f.severity === 'error').length,
      warning: all.filter((f) => f.severity === 'warning').length,
      info: all.filter((f) => f.severity === 'info').length,
    });
    expect(counts.info).toBeGreaterThan(0);
    expect(hasErrors(all)).toBe(counts.error > 0);
  });
});
