// The header labels the engine recognises, compared as label keys (text.ts labelKey):
// no white space, NFKC, () unified. Qualifiers like (A), (B), (B/A), (万元), (10分) are dropped first.

export type IndicatorColumn =
  | 'goal'
  | 'level1'
  | 'level2'
  | 'name'
  | 'target'
  | 'targetComparator'
  | 'targetUnit'
  | 'actual'
  | 'weight'
  | 'coefficient'
  | 'core'
  | 'score'
  | 'deviation';

export type BudgetColumn = 'initial' | 'planned' | 'executed' | 'weight' | 'rate' | 'score';

/** Drop bracketed qualifiers and trailing colons: "执行率(B/A)" → "执行率". */
export function bareLabel(key: string): string {
  return key.replace(/\([^)]*\)/g, '').replace(/[:：]+$/, '');
}

const INDICATOR_HEADERS: Array<[IndicatorColumn, RegExp]> = [
  // A goal block ("年度绩效目标1（40分）") groups rows under a weight, left of the 一级 column.
  ['goal', /^(年度)?绩效目标$/],
  ['level1', /^一级指标$/],
  ['level2', /^二级指标$/],
  ['name', /^三级指标(名称)?$|^指标名称$/],
  ['targetComparator', /^指标性质$/],
  ['targetUnit', /^(度量|计量)单位$/],
  ['target', /^(年度|年初)?(指标值|目标值)$|^预期指标值$/],
  ['actual', /^(实际|全年)?完成值$|^全年实际值$|^实际值$|^实际完成(值|情况)$/],
  ['weight', /^(分值|权重|指标权重)$/],
  ['coefficient', /^得分系数$/],
  ['core', /^是否核心指标$/],
  ['score', /^(自评)?得分$/],
  ['deviation', /^偏差原因分析(及改进措施)?$|^未完成原因|^偏差原因/],
];

export function indicatorColumn(key: string): IndicatorColumn | null {
  const bare = bareLabel(key);
  for (const [role, re] of INDICATOR_HEADERS) if (re.test(bare)) return role;
  return null;
}

const BUDGET_HEADERS: Array<[BudgetColumn, RegExp]> = [
  ['initial', /^年初预算(数|金额)?$/],
  ['planned', /^全年预算(数|金额)?$|^调整后预算(数)?$/],
  ['executed', /^全年执行(数|金额)?$|^(预算)?执行数$|^实际支出(数)?$/],
  ['weight', /^(分值|权重|执行率权重)$/],
  ['rate', /^(预算)?执行率$/],
  ['score', /^得分$/],
];

export function budgetColumn(key: string): BudgetColumn | null {
  const bare = bareLabel(key);
  for (const [role, re] of BUDGET_HEADERS) if (re.test(bare)) return role;
  return null;
}

/** Labels that belong in or around the tables and are not data columns. */
export function isFrameLabel(key: string): boolean {
  const bare = bareLabel(key);
  return /^(绩效指标|年度|预算申请|项目资金|资金情况|年度资金总额|序号)$/.test(bare);
}

/** The 一级指标 of the national form, in its order. */
export const LEVEL1_NAMES = ['产出指标', '效益指标', '满意度指标'] as const;
export type Level1 = (typeof LEVEL1_NAMES)[number];

/** "产出指标（50分）" → 产出指标 with declared weight 50. */
export function parseLevel1(text: string): { name: string; level: Level1 | null; declared: string | null } {
  const key = text.normalize('NFKC').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
  const m = /\((\d+(?:\.\d+)?)分?\)/.exec(key) ?? /(\d+(?:\.\d+)?)分/.exec(key);
  const name = key.replace(/\([^)]*\)/g, '').replace(/\d+(?:\.\d+)?分/, '');
  let level: Level1 | null = null;
  if (name.startsWith('产出')) level = '产出指标';
  else if (name.startsWith('效益')) level = '效益指标';
  else if (name.startsWith('满意')) level = '满意度指标';
  return { name: level ?? name, level, declared: m ? m[1] : null };
}

export function isTotalLabel(key: string): boolean {
  return /^(总分|合计|总计|得分合计|总得分)$/.test(bareLabel(key));
}

/** The total written above the table, beside the title ("自评总分：93.6"). */
export function isTopTotalLabel(key: string): boolean {
  return /^(自评总分|自评得分|综合得分)$/.test(bareLabel(key));
}

/** "年度绩效目标1（40分）" → 40; null when the label declares no weight. */
export function declaredPoints(text: string): string | null {
  const key = text.normalize('NFKC').replace(/\s+/g, '');
  return /(\d+(?:\.\d+)?)分/.exec(key)?.[1] ?? null;
}

export function isGradeLabel(key: string): boolean {
  return /^(自评|评价)?等级$|^(绩效)?评价结果$|^自评结果$/.test(bareLabel(key));
}

/** A row that only holds a placeholder for an indicator not yet written ("指标2", "……"). */
export function isPlaceholderName(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t === '' || /^(指标\d*|三级指标\d*|…+|\.{2,}|-+|—+|\/|无)$/.test(t);
}
