import Decimal from 'decimal.js';
import { parseMeasure } from '../../src/core/measure';
import { assessIndicator, type VerdictNoteCode } from '../../src/core/verdict';
import { NATIONAL, type Profile } from '../../src/core/profile';
import type { IndicatorKind } from '../../src/core/report';

const LINEAR: Profile = { ...NATIONAL, name: 'linear', reverseMiss: 'linear' };
const HALF: Profile = { ...NATIONAL, name: 'half', qualitativeBands: { achieved: '0.8', partial: '0.5' } };
const RATIO_15: Profile = { ...NATIONAL, name: 'ratio-1.5', overAchievementRatio: '1.5' };

interface Want {
  kind: IndicatorKind;
  met: boolean | null;
  /** 2-decimal score, or null. */
  score: string | null;
  notes?: VerdictNoteCode[];
  inferred?: boolean;
  grade?: '达成' | '部分达成' | '未达成';
  /** [low, high]; when absent a judgement row expects [0, w] and any other row no band. */
  band?: [string, string];
}

type Row = [target: string, actual: string, weight: string, want: Want, options?: { level2?: string; profile?: Profile }];

const SEED: Row[] = [
  ['10000 份', '9580', '2', { kind: 'positive', inferred: true, met: false, score: '1.92' }],
  ['1500', '1466', '2', { kind: 'positive', inferred: true, met: false, score: '1.95' }],
  ['下降', '上升 9.11%', '4', { kind: 'change', met: false, score: '0.00', notes: ['indicator.wrong-direction'] }],
  ['下降 15%', '下降 18.94%', '2', { kind: 'change', met: true, score: '2.00' }],
  ['≥95 分', '99.65%', '2', { kind: 'positive', met: true, score: '2.00', notes: ['indicator.unit-mismatch'] }],
  ['≥95 分', '96 分', '2', { kind: 'positive', met: true, score: '2.00' }],
  ['≥80%', '100%', '4', { kind: 'positive', met: true, score: '4.00', notes: ['indicator.over-achieved'] }],
  ['≥85%', '85.53%', '3', { kind: 'positive', met: true, score: '3.00' }],
  ['< 1%', '0.9%', '3', { kind: 'reverse', met: true, score: '3.00' }],
  ['少于 30 天', '少于 30 天', '1', { kind: 'bound', met: true, score: '1.00' }],
  ['少于 7 个工作 日', '少于 7 个 工作日', '1', { kind: 'bound', met: true, score: '1.00' }],
  [
    '重要节点 5 个，一般节点任务 30 个',
    '完成重要节点 5 个，一般节点任务 31 个安保维稳',
    '10',
    { kind: 'compound', met: true, score: '10.00' },
  ],
  ['0', '0', '2', { kind: 'reverse', inferred: true, met: true, score: '2.00' }],
  ['300 万 元', '311 万元', '5', { kind: 'positive', inferred: true, met: true, score: '5.00' }],
  ['1 个', '1 个', '1', { kind: 'positive', inferred: true, met: true, score: '1.00' }],
  ['100%', '100%', '5', { kind: 'positive', inferred: true, met: true, score: '5.00' }],
  ['40%', '40%', '1', { kind: 'positive', inferred: true, met: true, score: '1.00' }],
  ['10', '11', '2', { kind: 'positive', inferred: true, met: true, score: '2.00' }],
  ['8737', '9087', '1', { kind: 'positive', inferred: true, met: true, score: '1.00' }],
  ['健全', '健全', '1', { kind: 'qualitative', met: true, score: '1.00', grade: '达成', band: ['0.80', '1.00'] }],
  ['是否及 时', '是', '1', { kind: 'qualitative', met: true, score: '1.00', grade: '达成', band: ['0.80', '1.00'] }],
  ['保持', '连续 17 年保持', '12', { kind: 'qualitative', met: true, score: '12.00', grade: '达成', band: ['9.60', '12.00'] }],
  ['全市第 一', '连续 7 年全市第 一', '6', { kind: 'qualitative', met: true, score: '6.00', grade: '达成', band: ['4.80', '6.00'] }],
  ['保持', '保持', '10', { kind: 'qualitative', met: true, score: '10.00', grade: '达成', band: ['8.00', '10.00'] }],
];

const COMPARATORS: Row[] = [
  ['≧90%', '92%', '2', { kind: 'positive', met: true, score: '2.00' }],
  ['>=90%', '89%', '4', { kind: 'positive', met: false, score: '3.96' }],
  ['不低于90%', '95%', '2', { kind: 'positive', met: true, score: '2.00' }],
  ['不少于 20 次', '18 次', '2', { kind: 'positive', met: false, score: '1.80' }],
  ['达到 95%', '96%', '2', { kind: 'positive', met: true, score: '2.00' }],
  ['90%以上', '91%', '2', { kind: 'positive', met: true, score: '2.00' }],
  ['90%及以上', '89%', '3', { kind: 'positive', met: false, score: '2.97' }],
  ['大于等于 80%', '80%', '2', { kind: 'positive', met: true, score: '2.00' }],
  ['≤ 5 天', '4 天', '2', { kind: 'reverse', met: true, score: '2.00' }],
  ['≦5', '6', '3', { kind: 'reverse', met: false, score: '2.50' }],
  ['<=5', '5', '3', { kind: 'reverse', met: true, score: '3.00' }],
  ['不高于 3%', '4%', '2', { kind: 'reverse', met: false, score: '1.50' }],
  ['不超过 100 万元', '120 万元', '3', { kind: 'reverse', met: false, score: '2.50' }],
  ['不大于 10 个', '10 个', '1', { kind: 'reverse', met: true, score: '1.00' }],
  ['5%以内', '5%', '1', { kind: 'reverse', met: true, score: '1.00' }],
  ['控制在 5% 以内', '6%', '6', { kind: 'reverse', met: false, score: '5.00' }],
  ['3 起以下', '2 起', '2', { kind: 'reverse', met: true, score: '2.00' }],
  ['30 天内', '25 天', '1', { kind: 'reverse', met: true, score: '1.00' }],
  ['少于 10 天', '9 天', '1', { kind: 'reverse', met: true, score: '1.00' }],
  ['≤4', '3', '2', { kind: 'reverse', met: true, score: '2.00' }],
  ['少于 7 个工作日', '5 个工作日', '1', { kind: 'reverse', met: true, score: '1.00' }],
  ['完成率≥90%', '完成率 92%', '2', { kind: 'positive', met: true, score: '2.00' }],
  ['≥95 分', '96分以上', '2', { kind: 'bound', met: true, score: '2.00' }],
  // Strict and missed at the boundary: the rule's A/B × w still gives w; the evaluator's contradiction check flags the row.
  ['低于 2%', '2%', '2', { kind: 'reverse', met: false, score: '2.00' }],
  ['小于 1%', '0.5%', '2', { kind: 'reverse', met: true, score: '2.00' }],
  ['高于 90%', '90%', '2', { kind: 'positive', met: false, score: '2.00' }],
  ['大于 10 个', '11 个', '2', { kind: 'positive', met: true, score: '2.00' }],
  ['> 90%', '91%', '2', { kind: 'positive', met: true, score: '2.00' }],
  ['＞90％', '90%', '2', { kind: 'positive', met: false, score: '2.00' }],
  ['超过 50 人', '40 人', '5', { kind: 'positive', met: false, score: '4.00' }],
  ['= 100%', '100%', '5', { kind: 'equal', met: true, score: '5.00' }],
  ['═ 100%', '98%', '5', { kind: 'equal', met: false, score: '4.90', notes: ['indicator.equal-missed'] }],
  ['等于 10 个', '12 个', '3', { kind: 'equal', met: false, score: '2.50', notes: ['indicator.equal-missed'] }],
  ['等于 10 个', '12 个', '3', { kind: 'equal', met: false, score: '2.40', notes: ['indicator.equal-missed'] }, { profile: LINEAR }],
];

const WIDTH_AND_UNITS: Row[] = [
  ['≥９０％', '９５％', '2', { kind: 'positive', met: true, score: '2.00' }],
  ['＜１％', '０．５％', '3', { kind: 'reverse', met: true, score: '3.00' }],
  // 5 / 24 × 3 = 0.625 exactly, so half-up gives 0.63 although the quotient 5/24 never terminates.
  ['24', '5', '3', { kind: 'positive', inferred: true, met: false, score: '0.63' }],
  // Its cousins: 5/8 × 1 = 0.625, 3/16 × 10 = 1.875, a reverse 24/40 × 1.25 = 0.75, a linear miss.
  ['8', '5', '1', { kind: 'positive', inferred: true, met: false, score: '0.63' }],
  ['16', '3', '10', { kind: 'positive', inferred: true, met: false, score: '1.88' }],
  ['≤24', '40', '1.25', { kind: 'reverse', met: false, score: '0.75' }],
  ['≤ 8', '11', '5', { kind: 'reverse', met: false, score: '3.13' }, { profile: LINEAR }],
  // A compound miss scores the mean share, kept as one fraction: (1/3 + 2/3) / 2 × 1.25 = 0.625.
  ['甲 3 个，乙 3 个', '甲 1 个，乙 2 个', '1.25', { kind: 'compound', met: false, score: '0.63' }],
  ['１０００　份', '９００份', '2', { kind: 'positive', inferred: true, met: false, score: '1.80' }],
  // 79.5 / 80 × 4 = 3.975: half-up, once, at the end.
  ['不低于８０％', '７９．５％', '4', { kind: 'positive', met: false, score: '3.98' }],
  ['1,000 份', '1,100 份', '2', { kind: 'positive', inferred: true, met: true, score: '2.00' }],
  ['1,000 份', '1,200 份', '2', { kind: 'positive', inferred: true, met: true, score: '2.00', notes: ['indicator.over-achieved'] }],
  ['300 万元', '3000000 元', '5', { kind: 'positive', inferred: true, met: true, score: '5.00' }],
  ['300 万元', '2400000 元', '5', { kind: 'positive', inferred: true, met: false, score: '4.00' }],
  ['5000 元', '0.6 万元', '2', { kind: 'positive', inferred: true, met: true, score: '2.00', notes: ['indicator.over-achieved'] }],
  ['≤ 30 天', '25 日', '1', { kind: 'reverse', met: true, score: '1.00' }],
  ['≤ 7 个工作日', '8 天', '1', { kind: 'reverse', met: false, score: '0.88', notes: ['indicator.unit-mismatch'] }],
  ['≥ 0.5%', '6‰', '2', { kind: 'positive', met: true, score: '2.00', notes: ['indicator.over-achieved'] }],
  ['1.2 万人次', '15000 人次', '3', { kind: 'positive', inferred: true, met: true, score: '3.00', notes: ['indicator.over-achieved'] }],
  ['≥90%', '95 分', '2', { kind: 'positive', met: true, score: '2.00', notes: ['indicator.unit-mismatch'] }],
  // An actual without a unit is read in the target's unit.
  ['100 人', '90', '2', { kind: 'positive', inferred: true, met: false, score: '1.80' }],
  ['10000 份', '9580 份（完成率 95.8%）', '2', { kind: 'positive', inferred: true, met: false, score: '1.92' }],
  ['≥ 90%', '完成 95%，节约 3 万元', '2', { kind: 'positive', met: true, score: '2.00' }],
  ['≥ 90%', '95%，96%', '2', { kind: 'positive', met: null, score: null, notes: ['indicator.unparsed'] }],
  // The full-width comma separates items; only an ASCII comma groups thousands.
  ['5，300 个', '5，300 个', '2', { kind: 'compound', met: true, score: '2.00' }],
  ['完成 3 个内容', '完成 2 个内容', '3', { kind: 'positive', inferred: true, met: false, score: '2.00' }],
  ['≥80%', '100%', '4', { kind: 'positive', met: true, score: '4.00' }, { profile: RATIO_15 }],
];

const INFERRED: Row[] = [
  ['50 万元', '45 万元', '5', { kind: 'reverse', inferred: true, met: true, score: '5.00' }, { level2: '成本指标' }],
  ['50 万元', '60 万元', '5', { kind: 'reverse', inferred: true, met: false, score: '4.17' }, { level2: '经济成本指标' }],
  ['50 万元', '60 万元', '5', { kind: 'reverse', inferred: true, met: false, score: '4.00' }, { level2: '成本指标', profile: LINEAR }],
  ['≤ 10', '25', '2', { kind: 'reverse', met: false, score: '0.00' }, { profile: LINEAR }],
  ['0', '2', '2', { kind: 'reverse', inferred: true, met: false, score: '0.00' }],
  ['≤0', '1', '2', { kind: 'reverse', met: false, score: '0.00' }],
  ['0 起', '无', '2', { kind: 'reverse', inferred: true, met: true, score: '2.00' }],
  ['10', '-5', '2', { kind: 'positive', inferred: true, met: false, score: '0.00' }],
  ['连续 10 年保持', '连续 11 年保持', '2', { kind: 'positive', inferred: true, met: true, score: '2.00' }],
];

const CHANGES: Row[] = [
  ['下降 15%', '下降 10%', '2', { kind: 'change', met: false, score: '1.33' }],
  ['下降 15%', '-18%', '2', { kind: 'change', met: true, score: '2.00' }],
  // An unsigned figure under a 下降 target is read as the size of the fall, as the form's own rows do.
  ['下降 15%', '16%', '2', { kind: 'change', met: true, score: '2.00' }],
  ['下降 15%', '+3%', '2', { kind: 'change', met: false, score: '0.00', notes: ['indicator.wrong-direction'] }],
  ['增长 10%', '上升 12%', '3', { kind: 'change', met: true, score: '3.00' }],
  ['提高 5%', '下降 2%', '3', { kind: 'change', met: false, score: '0.00', notes: ['indicator.wrong-direction'] }],
  ['下降', '下降 3%', '2', { kind: 'change', met: true, score: '2.00' }],
  ['下降', '持平', '2', { kind: 'change', met: false, score: '0.00', notes: ['indicator.wrong-direction'] }],
  ['降低 5%', '降低', '2', { kind: 'change', met: null, score: null, notes: ['indicator.unparsed'] }],
  ['增长不超过 5%', '增长 6%', '3', { kind: 'change', met: false, score: '2.50' }],
  ['增长不超过 5%', '下降 1%', '3', { kind: 'change', met: true, score: '3.00' }],
  ['下降 15%', '下降 15 个百分点', '2', { kind: 'change', met: true, score: '2.00', notes: ['indicator.unit-mismatch'] }],
  ['较 2021 年下降 10%', '较上年下降 12%', '2', { kind: 'change', met: true, score: '2.00' }],
  ['提高至 95%', '96%', '2', { kind: 'positive', met: true, score: '2.00' }],
  ['降至 5%', '6%', '3', { kind: 'reverse', met: false, score: '2.50' }],
  ['增长率≥10%', '11%', '2', { kind: 'positive', met: true, score: '2.00' }],
  ['逐步提高', '达成预期指标', '2', { kind: 'qualitative', met: true, score: '2.00', grade: '达成', band: ['1.60', '2.00'] }],
];

const BOUNDS: Row[] = [
  ['≥ 90%', '95%以上', '2', { kind: 'bound', met: true, score: '2.00' }],
  ['≥ 90%', '85%以上', '2', { kind: 'bound', met: null, score: null, notes: ['indicator.unparsed'] }],
  ['≤ 30 天', '少于 30 天', '1', { kind: 'bound', met: true, score: '1.00' }],
  ['< 30 天', '≤ 30 天', '1', { kind: 'bound', met: null, score: null, notes: ['indicator.unparsed'] }],
  ['≥ 90%', '≤ 95%', '2', { kind: 'bound', met: null, score: null, notes: ['indicator.unparsed'] }],
  ['≥ 90%', '达到 95%', '2', { kind: 'positive', met: true, score: '2.00' }],
];

const COMPOUNDS: Row[] = [
  ['重要节点 5 个，一般节点 30 个', '重要节点 4 个，一般节点 30 个', '10', { kind: 'compound', met: false, score: '9.00' }],
  ['培训 10 次，覆盖 500 人', '覆盖 600 人；培训 10 次', '4', { kind: 'compound', met: true, score: '4.00' }],
  ['A 类 3 个；B 类 2 个', '3 个；2 个', '2', { kind: 'compound', met: true, score: '2.00' }],
  ['培训 10 次，覆盖 500 人', '培训 10 次', '4', { kind: 'compound', met: null, score: null, notes: ['indicator.unparsed'] }],
  ['资金 50 万元，项目 2 个', '资金 500000 元，项目 2 个', '3', { kind: 'compound', met: true, score: '3.00' }],
  ['事故 0 起，投诉不超过 3 件', '事故 1 起，投诉 2 件', '4', { kind: 'compound', met: false, score: '2.00' }],
];

const QUALITATIVE: Row[] = [
  ['效果明显', '达成预期指标', '3', { kind: 'qualitative', met: true, score: '3.00', grade: '达成', band: ['2.40', '3.00'] }],
  ['健全', '部分健全', '1', { kind: 'qualitative', met: false, score: '0.60', grade: '部分达成', band: ['0.60', '0.79'] }],
  ['健全', '未建立', '1', { kind: 'qualitative', met: false, score: '0.00', grade: '未达成', band: ['0.00', '0.59'] }],
  ['是否及时', '否', '1', { kind: 'qualitative', met: false, score: '0.00', grade: '未达成', band: ['0.00', '0.59'] }],
  ['无重大安全事故', '未发生重大安全事故', '2', { kind: 'qualitative', met: true, score: '2.00', grade: '达成', band: ['1.60', '2.00'] }],
  ['保持', '未能保持', '5', { kind: 'qualitative', met: false, score: '0.00', grade: '未达成', band: ['0.00', '2.99'] }],
  ['机制健全', '不断完善，运行良好', '2', { kind: 'qualitative', met: true, score: '2.00', grade: '达成', band: ['1.60', '2.00'] }],
  ['规范', '有待加强', '2', { kind: 'qualitative', met: null, score: null, notes: ['indicator.unparsed'] }],
  [
    '健全',
    '部分健全',
    '10',
    { kind: 'qualitative', met: false, score: '5.00', grade: '部分达成', band: ['5.00', '7.99'] },
    { profile: HALF },
  ],
  ['健全', '未健全', '3', { kind: 'qualitative', met: false, score: '0.00', grade: '未达成', band: ['0.00', '1.79'] }],
  // A deadline is read as text: "11月完成" says it was done.
  ['12月底前完成', '11月完成', '2', { kind: 'qualitative', met: true, score: '2.00', grade: '达成', band: ['1.60', '2.00'] }],
  ['满意度较高', '较好', '2', { kind: 'qualitative', met: null, score: null, notes: ['indicator.unparsed'] }],
];

const BAD_TEXT: Row[] = [
  ['8016.0 9', '8016.09', '10', { kind: 'unknown', met: null, score: null, notes: ['indicator.unparsed'] }],
  ['≥ 90%', '9 5%', '2', { kind: 'positive', met: null, score: null, notes: ['indicator.unparsed'] }],
  [
    '≥ 90%',
    Array.from({ length: 30 }, (_, i) => `第${i + 1}项 95%`).join('，'),
    '2',
    { kind: 'positive', met: null, score: null, notes: ['indicator.unparsed'] },
  ],
  ['8016.09', '8016.0 9', '2', { kind: 'positive', inferred: true, met: null, score: null, notes: ['indicator.unparsed'] }],
  ['≥ 90%', '完成', '2', { kind: 'positive', met: null, score: null, notes: ['indicator.unparsed'] }],
  ['90%-100%', '95%', '2', { kind: 'unknown', met: null, score: null, notes: ['indicator.unparsed'] }],
  ['', '95%', '2', { kind: 'unknown', met: null, score: null, notes: ['indicator.unparsed'] }],
  ['10 个', '较好', '2', { kind: 'positive', inferred: true, met: null, score: null, notes: ['indicator.unparsed'] }],
  ['下降 15%', '有所好转', '2', { kind: 'change', met: null, score: null, notes: ['indicator.unparsed'] }],
];

const JUDGEMENT_NOTES: VerdictNoteCode[] = ['indicator.unit-mismatch', 'indicator.wrong-direction', 'indicator.unparsed'];

const groups: Array<[string, Row[]]> = [
  ['the seed form', SEED],
  ['comparator words', COMPARATORS],
  ['full width and units', WIDTH_AND_UNITS],
  ['inferred kinds', INFERRED],
  ['changes', CHANGES],
  ['bounds', BOUNDS],
  ['compounds', COMPOUNDS],
  ['qualitative grades', QUALITATIVE],
  ['text that cannot be read', BAD_TEXT],
];

function check([target, actual, weight, want, options]: Row): void {
  const profile = options?.profile ?? NATIONAL;
  const v = assessIndicator({ target, actual, weight: new Decimal(weight), level2: options?.level2 ?? '数量指标' }, profile);
  const notes = want.notes ?? [];
  const judgement = want.kind === 'qualitative' || notes.some((code) => JUDGEMENT_NOTES.includes(code));
  const band = want.band ?? (judgement ? ['0.00', new Decimal(weight).toFixed(2)] : null);
  expect({
    kind: v.kind,
    inferred: v.inferred,
    met: v.met,
    score: v.score?.toFixed(2) ?? null,
    notes: v.notes.map((n) => n.code),
    judgement: v.judgement,
    band: v.band ? [v.band.low.toFixed(2), v.band.high.toFixed(2)] : null,
    grade: v.grade,
  }).toEqual({
    kind: want.kind,
    inferred: want.inferred ?? false,
    met: want.met,
    score: want.score,
    notes,
    judgement,
    band,
    grade: want.grade,
  });
}

for (const [name, rows] of groups) {
  describe(`assessIndicator: ${name}`, () => {
    for (const row of rows) {
      const [target, actual, weight, , options] = row;
      const variant = options?.profile ? ` [${options.profile.name}]` : options?.level2 ? ` [${options.level2}]` : '';
      it(`${target} → ${actual} (w ${weight})${variant}`, () => check(row));
    }
  });
}

describe('assessIndicator: what the notes say', () => {
  const assess = (target: string, actual: string) =>
    assessIndicator({ target, actual, weight: new Decimal(2), level2: '数量指标' }, NATIONAL);

  it('names both units when they differ', () => {
    const [note] = assess('≥95 分', '99.65%').notes;
    expect(note.detail).toContain('“分”');
    expect(note.detail).toContain('“%”');
  });

  it('says by how much the target was exceeded', () => {
    expect(assess('≥80%', '100%').notes[0].detail).toContain('125.00%');
  });

  it('says which way the change went', () => {
    expect(assess('下降', '上升 9.11%').notes[0].detail).toContain('上升 9.11%');
  });

  it('points at the space inside a number', () => {
    expect(assess('≥ 90%', '9 5%').notes[0].detail).toContain('空格');
  });
});

describe('assessIndicator: an empty actual', () => {
  it('leaves met and score open for the evaluator to report', () => {
    const v = assessIndicator({ target: '≥ 90%', actual: '  ', weight: new Decimal(2), level2: '' }, NATIONAL);
    expect(v).toMatchObject({ kind: 'positive', met: null, score: null, notes: [] });
  });

  it('still names an inferred kind', () => {
    const v = assessIndicator({ target: '0', actual: '', weight: new Decimal(2), level2: '' }, NATIONAL);
    expect(v).toMatchObject({ kind: 'reverse', inferred: true, met: null, score: null });
  });
});

describe('parseMeasure', () => {
  it('reads the labelled numbers of a compound target', () => {
    const m = parseMeasure('重要节点 5 个，一般节点任务 30 个');
    expect(m.type).toBe('compound');
    if (m.type !== 'compound') return;
    expect(m.parts.map((p) => [p.label, p.value.toString(), p.unit])).toEqual([
      ['重要节点', '5', '个'],
      ['一般节点任务', '30', '个'],
    ]);
  });

  it('reads a comparator written after the number', () => {
    const m = parseMeasure('90%以上');
    expect(m.type === 'number' && [m.part.comparator, m.part.value.toString(), m.part.unit]).toEqual(['ge', '90', '%']);
  });

  it('keeps 工作日 apart from 天', () => {
    const m = parseMeasure('少于 7 个 工作日');
    expect(m.type === 'number' && [m.part.comparator, m.part.unit]).toEqual(['lt', '个工作日']);
  });
});
