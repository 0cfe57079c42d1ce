// The engine's rules as a table, in the manner of ESLint's RuleTester: each row is a form (a
// variant of a clean one) and the findings it must give, code at cell. A clean control form gives
// none, and every code of the catalogue is named by at least one row (docs/rules.md).
import { analyzeSheet } from '../../src/core/engine';
import { SEVERITY, type FindingCode } from '../../src/core/findings';
import { NATIONAL, type Profile } from '../../src/core/profile';
import type { FormReport, SheetReport } from '../../src/core/report';
import { sketchToSnapshot, type SheetSketch, type SketchCell } from '../../src/core/sketch';
import type { Severity, Snapshot } from '../../src/core/types';
import { levelWeightForm, targetsOnlyForm } from '../fixtures/families';
import { seedSketch } from '../fixtures/seed';
import { CLEAN_ROWS, variantSketch, type IndicatorSpec, type VariantOptions } from '../fixtures/variants';

/** A clean variant (every target met, figures consistent) with some options changed. */
function form(options: VariantOptions = {}): SheetSketch {
  return variantSketch({ rate: 0.95, rows: CLEAN_ROWS, total: [100, 99.5], ...options });
}

/** The clean rows with the first (培训人次, ≥100 人次, weight 20) changed; the form's cells: B–I, rows 8–12. */
function firstRow(edit: Partial<IndicatorSpec>, options: VariantOptions = {}): SheetSketch {
  return form({ rows: CLEAN_ROWS.map((r, i) => (i === 0 ? { ...r, ...edit } : r)), ...options });
}

function row(name: string, edit: Partial<IndicatorSpec>, options: VariantOptions = {}): SheetSketch {
  return form({ rows: CLEAN_ROWS.map((r) => (r.name === name ? { ...r, ...edit } : r)), ...options });
}

function seedWith(edit: (text: string) => SketchCell): SheetSketch {
  return { ...seedSketch, rows: seedSketch.rows.map((r) => r.map((c) => (typeof c === 'string' ? edit(c) : c))) };
}

/** A snapshot whose cells fail when read: what a faulty door could hand over. */
function failingSnapshot(): Snapshot {
  const base = sketchToSnapshot(form());
  const cells = base.cells.map((r) => [...r]);
  cells[6][3] = new Proxy(cells[6][3], {
    get: () => {
      throw new Error('cell read failed');
    },
  });
  return { ...base, cells };
}

interface Expected {
  code: FindingCode;
  cell: string;
  /** When the rule itself decides the severity (the catalogue's otherwise). */
  severity?: Severity;
}

interface Case {
  name: string;
  sheet: SheetSketch | Snapshot;
  profile?: Profile;
  findings: Expected[];
  /** Codes that must not appear (the tempting wrong answer). */
  not?: FindingCode[];
}

const CASES: Case[] = [
  // Budget block
  {
    name: 'no budget, nothing spent',
    sheet: form({ money: { initial: null, planned: 0, executed: 0 }, rate: null, budgetScore: null }),
    findings: [{ code: 'budget.no-budget', cell: 'D4' }],
  },
  {
    name: 'no budget but money spent',
    sheet: form({ money: { initial: null, planned: 0, executed: 50 }, rate: null, budgetScore: null }),
    findings: [{ code: 'budget.no-budget', cell: 'D4', severity: 'error' }],
  },
  {
    name: 'over-executed',
    sheet: form({ money: { initial: 100, planned: 100, executed: 102.59 }, rate: 1.0259, budgetScore: 10, total: [100, 100] }),
    findings: [{ code: 'budget.over-executed', cell: 'G4' }],
  },
  {
    name: 'breakdown does not add up',
    sheet: seedWith((t) => (t === '其他资金：118.34' ? '其他资金：128.34' : t)),
    findings: [{ code: 'budget.breakdown-mismatch', cell: 'B7' }],
  },
  {
    name: 'low execution, no reason',
    sheet: form({ money: { initial: 100, planned: 100, executed: 80 }, rate: 0.8, budgetScore: 8, total: [100, 98] }),
    findings: [{ code: 'budget.low-execution', cell: 'G4' }],
  },
  { name: 'rate printed wrong', sheet: form({ rate: 0.9 }), findings: [{ code: 'budget.rate-mismatch', cell: 'G4', severity: 'warning' }] },
  {
    name: 'rate printed 97.80% where half-up gives 97.81%: a slip, said as information',
    sheet: form({ money: { initial: 1000, planned: 1000, executed: 978.05 }, rate: 0.978, budgetScore: 9.78, total: [100, 99.78] }),
    findings: [{ code: 'budget.rate-mismatch', cell: 'G4', severity: 'info' }],
  },
  {
    name: 'rate printed 97.79% where half-up gives 97.81%: two hundredths is more than a slip',
    sheet: form({ money: { initial: 1000, planned: 1000, executed: 978.05 }, rate: 0.9779, budgetScore: 9.78, total: [100, 99.78] }),
    findings: [{ code: 'budget.rate-mismatch', cell: 'G4', severity: 'warning' }],
  },
  { name: 'rate left empty', sheet: form({ rate: null }), findings: [{ code: 'budget.rate-missing', cell: 'G4' }] },
  {
    name: 'big adjustment',
    sheet: form({ money: { initial: 50, planned: 100, executed: 95 } }),
    findings: [{ code: 'budget.adjusted', cell: 'D4' }],
  },
  // Indicator rows
  {
    name: 'score above weight',
    sheet: firstRow({ score: 25 }, { total: [100, 104.5] }),
    findings: [
      { code: 'score.over-max', cell: 'H8' },
      { code: 'score.mismatch', cell: 'H8' },
    ],
  },
  {
    name: 'negative score',
    sheet: firstRow({ score: -1, why: '未开展。' }, { total: [100, 78.5] }),
    findings: [{ code: 'score.negative', cell: 'H8' }],
  },
  { name: 'score left empty', sheet: firstRow({ score: null }, { total: [100, 79.5] }), findings: [{ code: 'score.missing', cell: 'H8' }] },
  {
    name: 'a met row scored 18 of 20: full marks by the rule, and the lost points need a reason',
    sheet: firstRow({ score: 18 }, { total: [100, 97.5] }),
    findings: [
      { code: 'score.mismatch', cell: 'H8' },
      { code: 'deviation.missing', cell: 'I8' },
    ],
  },
  {
    name: 'qualitative score outside its band',
    sheet: row('管理制度', { score: 10, why: '制度尚待完善。' }, { total: [100, 79.5] }),
    findings: [{ code: 'score.out-of-band', cell: 'H11' }],
  },
  { name: 'target without actual', sheet: firstRow({ actual: null }), findings: [{ code: 'indicator.missing-actual', cell: 'F8' }] },
  {
    name: 'actual without target',
    sheet: firstRow({ cmp: '', value: '', unit: '' }),
    findings: [{ code: 'indicator.missing-target', cell: 'E8' }],
  },
  {
    name: 'target missed, points lost, reason given',
    sheet: firstRow({ actual: '95人次', score: 19, why: '疫情影响，部分培训推迟。' }, { total: [100, 98.5] }),
    findings: [{ code: 'indicator.unmet', cell: 'F8' }],
    not: ['deviation.missing', 'score.mismatch'],
  },
  {
    name: 'units disagree',
    sheet: firstRow({ cmp: '≥', value: '95', unit: '分', actual: '99.65%' }),
    findings: [{ code: 'indicator.unit-mismatch', cell: 'F8' }],
  },
  { name: 'far over the target', sheet: firstRow({ actual: '130人次' }), findings: [{ code: 'indicator.over-achieved', cell: 'F8' }] },
  {
    name: 'change the wrong way',
    sheet: firstRow({ cmp: '', value: '下降', unit: '', actual: '上升 9.11%', why: '案件增多。' }),
    findings: [{ code: 'indicator.wrong-direction', cell: 'H8' }],
  },
  { name: 'actual that cannot be read', sheet: firstRow({ actual: '很好' }), findings: [{ code: 'indicator.unparsed', cell: 'F8' }] },
  {
    name: 'equal target missed',
    sheet: row('项目完成率', { actual: '98%', score: 14.7, why: '一项未验收。' }, { total: [100, 99.2] }),
    findings: [{ code: 'indicator.equal-missed', cell: 'H9' }],
  },
  {
    name: 'points lost, no reason',
    sheet: firstRow({ actual: '95人次', score: 19 }, { total: [100, 98.5] }),
    findings: [{ code: 'deviation.missing', cell: 'I8' }],
  },
  {
    name: 'reason that says nothing',
    sheet: firstRow({ actual: '95人次', score: 19, why: '完成绩效目标' }, { total: [100, 98.5] }),
    findings: [{ code: 'deviation.boilerplate', cell: 'I8' }],
  },
  {
    name: 'target missed with full marks',
    sheet: firstRow({ actual: '95人次', why: '疫情影响。' }),
    findings: [
      { code: 'deviation.contradiction', cell: 'H8' },
      { code: 'score.mismatch', cell: 'H8' },
    ],
  },
  {
    name: 'explanation of 10,000 characters',
    sheet: firstRow({ actual: '95人次', score: 19, why: '说明'.repeat(5000) }, { total: [100, 98.5] }),
    findings: [{ code: 'text.too-long', cell: 'I8' }],
  },
  // Weights and totals
  {
    name: 'weight left empty',
    sheet: firstRow({ weight: null, score: null }, { total: [100, 79.5] }),
    findings: [{ code: 'weight.missing', cell: 'G8' }],
  },
  {
    name: 'a negative weight',
    sheet: firstRow({ weight: -20, score: 19 }, { total: [60, 98.5] }),
    findings: [{ code: 'weight.negative', cell: 'G8' }],
  },
  {
    name: 'weights that do not match the level or make 100',
    sheet: firstRow({ weight: 25, score: 25 }, { total: [105, 104.5] }),
    findings: [
      { code: 'weight.level-mismatch', cell: 'B8' },
      { code: 'weight.total', cell: 'H4' },
    ],
  },
  {
    name: 'a budget weighted 20 is not the national structure',
    sheet: row(
      '管理制度',
      { weight: 20, score: 20 },
      {
        budgetWeight: 20,
        budgetScore: 19,
        level1: { 产出: '产出指标（50分）', 效益: '效益指标（20分）', 满意度: '满意度指标（10分）' },
        total: [100, 99],
      },
    ),
    findings: [{ code: 'weight.nonstandard', cell: 'B8' }],
  },
  {
    name: 'total that does not add up',
    sheet: form({ total: [90, 97] }),
    findings: [
      { code: 'total.mismatch', cell: 'H13' },
      { code: 'total.mismatch', cell: 'G13' },
    ],
  },
  { name: 'total left empty', sheet: form({ total: [100, null] }), findings: [{ code: 'total.missing', cell: 'H13' }] },
  { name: 'grade that does not match', sheet: form({ grade: '良' }), findings: [{ code: 'grade.mismatch', cell: 'H14' }] },
  // Entries
  { name: 'weight typed as text', sheet: firstRow({ weight: '20分' }), findings: [{ code: 'number.text', cell: 'G8' }] },
  { name: 'weight that is no number', sheet: firstRow({ weight: '二十' }), findings: [{ code: 'number.invalid', cell: 'G8' }] },
  { name: 'score showing an error', sheet: firstRow({ score: { error: '#DIV/0!' } }), findings: [{ code: 'formula.error', cell: 'H8' }] },
  {
    name: 'score as a formula giving another figure',
    sheet: firstRow({ score: { formula: 'G8*0.9', value: 18 } }),
    findings: [{ code: 'formula.kept', cell: 'H8' }],
  },
  { name: 'goals left empty', sheet: form({ goals: [null, '完成。'] }), findings: [{ code: 'goal.missing', cell: 'B6' }] },
  {
    name: 'unknown column',
    sheet: form({
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
    findings: [{ code: 'form.unknown-column', cell: 'F7' }],
  },
  {
    name: 'a form not yet scored: said once, no empty cell reported',
    sheet: form({ rows: CLEAN_ROWS.map((r) => ({ ...r, score: null })), budgetScore: null, total: [100, null] }),
    findings: [{ code: 'form.unscored', cell: 'H7' }],
    not: ['score.missing', 'total.missing', 'total.mismatch'],
  },
  // Provincial rules, off in the national profile
  {
    name: "execution below 80% caps the total at 80 (a province's tiers)",
    sheet: form({
      money: { initial: 100, planned: 100, executed: 75 },
      rate: 0.75,
      budgetScore: 7.5,
      total: [100, 97.5],
      goals: ['完成任务。', '资金拨付滞后，执行率偏低的原因已说明。'],
    }),
    profile: {
      ...NATIONAL,
      name: 'caps',
      executionCaps: [
        { below: '0.6', maxTotal: '60' },
        { below: '0.8', maxTotal: '80' },
      ],
    },
    findings: [
      { code: 'total.capped', cell: 'H13' },
      { code: 'total.mismatch', cell: 'H13' },
    ],
  },
  {
    name: "an actual 35% over its target with no reason loses a fifth of its weight (a province's rule)",
    sheet: firstRow({ actual: '135人次' }),
    profile: { ...NATIONAL, name: 'deduct', overAchievementDeduction: { ratio: '1.3', share: '0.2' } },
    findings: [
      { code: 'score.deducted', cell: 'H8' },
      { code: 'score.mismatch', cell: 'H8' },
      { code: 'deviation.missing', cell: 'I8' },
    ],
  },
  {
    name: 'the same actual under the national profile keeps full marks',
    sheet: firstRow({ actual: '135人次' }),
    findings: [{ code: 'indicator.over-achieved', cell: 'F8' }],
    not: ['score.deducted', 'score.mismatch', 'deviation.missing'],
  },
  {
    name: 'a budget worth 20 with 40 / 40 levels is not the national structure',
    sheet: levelWeightForm({ goalBlocks: false }),
    findings: [
      { code: 'weight.nonstandard', cell: 'B9' },
      { code: 'form.unchecked', cell: 'G8' },
    ],
  },
  {
    name: 'the same form under a profile of 20 / 40 / 40 (满意度 within 效益) is standard',
    sheet: levelWeightForm({ goalBlocks: false }),
    profile: { ...NATIONAL, name: '20-40-40', budgetWeight: '20', levelWeights: { 产出指标: '40', 效益指标: '40', 满意度指标: null } },
    findings: [{ code: 'form.unchecked', cell: 'G8' }],
    not: ['weight.nonstandard', 'weight.total', 'weight.level-mismatch'],
  },
  {
    name: 'a special-fund form: not scored, said once',
    sheet: targetsOnlyForm(),
    findings: [
      { code: 'form.not-scored', cell: 'D10' },
      { code: 'deviation.missing', cell: 'G15' },
    ],
  },
  {
    name: 'a form without 分值 column: what cannot be checked is said',
    sheet: levelWeightForm(),
    findings: [{ code: 'form.unchecked', cell: 'G8' }],
  },
  {
    name: 'no form on the sheet',
    sheet: { name: '说明', rows: [['填表说明'], ['请在第二张表填写。']] },
    findings: [{ code: 'form.not-found', cell: 'A1' }],
  },
  { name: 'a sheet the engine fails on', sheet: failingSnapshot(), findings: [{ code: 'form.unreadable', cell: 'A1' }] },
];

function analyze(sheet: SheetSketch | Snapshot, profile: Profile = NATIONAL): SheetReport {
  return analyzeSheet('rows' in sheet ? sketchToSnapshot(sheet) : sheet, profile);
}

function allOf(report: SheetReport) {
  return [...report.findings, ...report.forms.flatMap((f: FormReport) => f.findings)];
}

describe('the control form', () => {
  const report = analyze(form());
  test('has nothing to say and nothing to write', () => {
    expect(allOf(report)).toEqual([]);
    expect(report.forms[0].writes).toEqual([]);
    expect(report.forms[0].total?.score).toBe('99.50');
  });
});

describe.each(CASES)('$name', ({ sheet, profile, findings, not }) => {
  const found = allOf(analyze(sheet, profile));
  test.each(findings)('$code at $cell', ({ code, cell, severity }) => {
    const hit = found.filter((f) => f.code === code && f.cell === cell);
    expect(hit.map((f) => `${f.code}@${f.cell}`)).toEqual([`${code}@${cell}`]);
    expect(hit[0].severity).toBe(severity ?? SEVERITY[code]);
    expect(hit[0].message.length).toBeGreaterThan(8);
  });
  if (not) {
    test.each(not)('no %s', (code) => expect(found.map((f) => f.code)).not.toContain(code));
  }
});

test('every code of the catalogue is named by a row of the table', () => {
  const named = new Set(CASES.flatMap((c) => c.findings.map((f) => f.code)));
  expect(Object.keys(SEVERITY).filter((code) => !named.has(code as FindingCode))).toEqual([]);
});

describe('scores are exact: multiplied before divided, half-up once', () => {
  // [全年预算数, 全年执行数, 分值, 执行率 as written back, 得分]
  const budget: Array<[number, number, number, string, string]> = [
    [24, 5, 3, '20.83%', '0.63'],
    [8, 5, 1, '62.50%', '0.63'],
    [16, 3, 10, '18.75%', '1.88'],
    [80, 1, 10, '1.25%', '0.13'],
    [3, 1, 10, '33.33%', '3.33'],
    [7, 2, 20, '28.57%', '5.71'],
    [1000, 978.05, 10, '97.81%', '9.78'],
    [8016.09, 8016.09, 10, '100.00%', '10.00'],
  ];
  test.each(budget)('budget %d, executed %d, weight %d: rate %s, score %s', (planned, executed, weight, rate, score) => {
    const report = analyze(
      form({ money: { initial: planned, planned, executed }, budgetWeight: weight, rate: null, budgetScore: null, total: [null, null] }),
    );
    expect(report.forms[0].budget).toMatchObject({ rate, score });
    expect(report.forms[0].writes.find((w) => w.reason === 'budget-score')?.text).toBe(score);
  });
});

describe('provincial rules change the figures only when the profile asks', () => {
  const caps: Profile = {
    ...NATIONAL,
    name: 'caps',
    executionCaps: [
      { below: '0.6', maxTotal: '60' },
      { below: '0.8', maxTotal: '80' },
    ],
  };
  const low = (executed: number) =>
    form({
      money: { initial: 100, planned: 100, executed },
      rate: executed / 100,
      budgetScore: executed / 10,
      total: [100, 90 + executed / 10],
    });

  test.each([
    [75, '80.00', '良'],
    [55, '60.00', '中'],
    [85, '98.50', '优'],
  ])('executed %d%%: total %s, grade %s', (executed, total, grade) => {
    const f = analyze(low(executed), caps).forms[0];
    expect(f.total?.score).toBe(total);
    expect(f.grade).toBe(grade);
    const written = f.writes.find((w) => w.reason === 'total-score')?.text ?? f.total?.enteredScore;
    expect(Number(written)).toBe(Number(total));
  });

  test('a total entered above the cap is told the capped figure, not a wrong sum', () => {
    const mismatch = analyze(low(75), caps).forms[0].findings.find((f) => f.code === 'total.mismatch');
    expect(mismatch?.message).toContain('相加为 97.50');
    expect(mismatch?.message).toContain('封顶应为 80.00');
  });

  test('the national profile leaves the same form uncapped', () => {
    expect(analyze(low(75)).forms[0].total?.score).toBe('97.50');
  });

  test('the deduction keeps four fifths of the weight and is written', () => {
    const f = analyze(firstRow({ actual: '135人次' }), { ...NATIONAL, overAchievementDeduction: { ratio: '1.3', share: '0.2' } }).forms[0];
    expect(f.indicators[0].score).toBe('16.00');
    expect(f.writes.find((w) => w.cell === 'H8')?.text).toBe('16.00');
    // With a reason in the row, nothing is deducted.
    const explained = analyze(firstRow({ actual: '135人次', why: '上级追加培训任务。' }), {
      ...NATIONAL,
      overAchievementDeduction: { ratio: '1.3', share: '0.2' },
    }).forms[0];
    expect(explained.indicators[0].score).toBe('20.00');
  });
});
