// Units written after an indicator's number, and which of them convert (docs/rules.md "Reading a target and an actual").
import Decimal from 'decimal.js';

/** Written unit → [base unit, factor]. Units not listed compare by their own name. */
const CONVERSIONS: Record<string, readonly [string, number]> = {
  元: ['元', 1],
  千元: ['元', 1000],
  万元: ['元', 10000],
  亿元: ['元', 100000000],
  天: ['天', 1],
  日: ['天', 1],
  个工作日: ['工作日', 1],
  工作日: ['工作日', 1],
  个月: ['月', 1],
  月: ['月', 1],
  人: ['人', 1],
  万人: ['人', 10000],
  人次: ['人次', 1],
  万人次: ['人次', 10000],
  吨: ['吨', 1],
  万吨: ['吨', 10000],
  公里: ['公里', 1],
  千米: ['公里', 1],
  个百分点: ['百分点', 1],
  百分点: ['百分点', 1],
  '%': ['%', 1],
  '‰': ['%', 0.1],
};

const OTHER_UNITS = [
  '小时',
  '分钟',
  '年',
  '周',
  '分',
  '个',
  '份',
  '次',
  '项',
  '件',
  '户',
  '起',
  '家',
  '所',
  '名',
  '台',
  '套',
  '辆',
  '场',
  '期',
  '篇',
  '条',
  '座',
  '处',
  '批',
  '平方米',
  '平方公里',
  '米',
  '亩',
  '公顷',
  '株',
  '棵',
  '只',
  '头',
  '张',
  '本',
  '册',
  '门',
  '类',
  '盏',
  '块',
  '宗',
  '例',
  '床',
  '间',
  '栋',
  '所学校',
  '支',
  '队',
  '组',
  '轮',
  '课时',
  '学时',
  '元/人',
  '万元/人',
];

/** Longest first, so "万元" is read before "万" could be and "个工作日" before "个". */
const UNITS = [...Object.keys(CONVERSIONS), ...OTHER_UNITS].sort((x, y) => y.length - x.length);

/** The unit that opens the text after a number ('' when none). */
export function unitAt(text: string): string {
  return UNITS.find((unit) => text.startsWith(unit)) ?? '';
}

/** The unit a value can be compared in, and the factor that takes a value there. */
function base(unit: string): readonly [string, Decimal] {
  const entry = CONVERSIONS[unit];
  return entry ? [entry[0], new Decimal(entry[1])] : [unit, new Decimal(1)];
}

export type UnitMatch =
  /** `value` is the actual expressed in the target's unit. */
  | { same: true; value: Decimal }
  /** Different units (分 and %): the numbers are compared as written. */
  | { same: false; value: Decimal };

/** Bring an actual's value into the target's unit. A missing unit on either side agrees with the other. */
export function matchUnit(value: Decimal, actualUnit: string, targetUnit: string): UnitMatch {
  if (actualUnit === '' || targetUnit === '') return { same: true, value };
  const [fromBase, fromFactor] = base(actualUnit);
  const [toBase, toFactor] = base(targetUnit);
  if (fromBase !== toBase) return { same: false, value };
  return { same: true, value: value.times(fromFactor).div(toFactor) };
}
