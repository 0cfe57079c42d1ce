// The blank standard form a person starts a new year from, laid out like the reference forms
// (seed.ts, project.ts) so that the engine's locator reads it: every label in place, every entry
// empty, one placeholder row ("指标1") under each 二级指标.
import { columnLetters } from './address';
import { NATIONAL, type Profile } from './profile';
import type { SheetSketch, SketchCell, SketchLook } from './sketch';

export type TemplateType = 'department' | 'project';

/** The sketch plus what the file and Excel doors need to make it a form to fill. */
export interface TemplateLayout {
  sketch: SheetSketch;
  /** Amounts of money (万元), ≥ 0. */
  money: string[];
  /** Weights and scores, 0 to 100. */
  points: string[];
  /** The 执行率 cell, a percentage ≥ 0. */
  rate: string;
  /** The 自评等级 cell: 优 / 良 / 中 / 差. */
  grade: string;
  /** Header rows (the budget block's and the indicator table's). */
  headerRows: number[];
  /** The rows with the long 预期目标 / 实际完成情况 texts. */
  goalRow: number;
  /** The whole form, for the print area. */
  area: string;
  /** Indicator rows, first and last. */
  indicators: { first: number; last: number };
}

const TITLE: Record<TemplateType, string> = {
  department: '部门整体支出绩效自评表',
  project: '项目支出绩效自评表',
};

/** 二级指标 of each 一级, in the national order. */
const LEVELS: { level: keyof Profile['levelWeights']; subs: string[] }[] = [
  { level: '产出指标', subs: ['数量指标', '质量指标', '时效指标', '成本指标'] },
  { level: '效益指标', subs: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'] },
  { level: '满意度指标', subs: ['服务对象满意度指标'] },
];

const WIDTHS = { A: 6, B: 16, C: 16, D: 24, E: 16, F: 16, G: 10, H: 10, I: 30 };
const COLUMNS = 9;

const row = (...cells: SketchCell[]): SketchCell[] => {
  const out = [...cells];
  while (out.length < COLUMNS) out.push(null);
  return out;
};

function yearText(year: string | undefined, spaced: boolean): string {
  // "2025", "2025年" and "2025年度" all mean the same year.
  const given = (year ?? '')
    .trim()
    .replace(/年度?$/, '')
    .trim();
  const y = given !== '' ? given : '      ';
  return spaced ? `（${y} 年度）` : `（${y}年度）`;
}

/**
 * The published form's look: the title bold and centred above an unframed line, then one framed table
 * whose labels sit in the middle of their (often tall, merged) cells; long texts read from the top left.
 */
function looksOf(
  type: TemplateType,
  at: { headerRows: number[]; goalRow: number; indicators: { first: number; last: number }; bottom: number },
): SketchLook[] {
  const last = columnLetters(COLUMNS);
  const looks: SketchLook[] = [{ range: `A1:${last}1`, horizontal: 'center', vertical: 'middle', bold: true, size: 16 }];
  // Department: 预算单位 on the left, the year on the right; project: the year centred under the title.
  if (type === 'department')
    looks.push({ range: 'A2', horizontal: 'left', vertical: 'middle' }, { range: 'G2', horizontal: 'right', vertical: 'middle' });
  else looks.push({ range: `A2:${last}2`, horizontal: 'center', vertical: 'middle' });
  looks.push({ range: `A3:${last}${at.bottom}`, grid: true, horizontal: 'center', vertical: 'middle', wrap: true });
  for (const r of at.headerRows) looks.push({ range: `A${r}:${last}${r}`, bold: true });
  looks.push({ range: `B${at.goalRow}:${last}${at.goalRow}`, horizontal: 'left', vertical: 'top' });
  looks.push({ range: `${last}${at.indicators.first}:${last}${at.indicators.last}`, horizontal: 'left' });
  return looks;
}

/** The blank form and where its entries are. `profile` sets the 一级 weights and the budget weight. */
export function templateLayout(type: TemplateType, year?: string, profile: Profile = NATIONAL): TemplateLayout {
  const rows: SketchCell[][] = [];
  const merges: string[] = [];
  const formats: Record<string, string> = {};
  const money: string[] = [];
  const points: string[] = [];
  const headerRows: number[] = [];
  const next = () => rows.length + 1;
  const budgetWeight = Number(profile.budgetWeight);

  rows.push(row(TITLE[type]));
  merges.push('A1:I1');

  let budgetRow: number;
  if (type === 'department') {
    rows.push(row('预算单位：（盖章）', null, null, null, null, null, yearText(year, true)));
    merges.push('A2:F2', 'G2:I2');
    rows.push(row('预算部门名称'));
    merges.push('A3:B3', 'C3:I3');

    const top = next();
    headerRows.push(top);
    rows.push(row('年度', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'));
    merges.push(`A${top}:B${top}`, `H${top}:I${top}`);
    budgetRow = next();
    rows.push(row('预算申请\n（万元）', '年度资金总额', null, null, null, budgetWeight));
    // Side by side as in the reference, each amount in its own cell so it can be a real number.
    // The spending list starts right of the money columns (C–E): a label under 全年执行数 would
    // read as that column's figure.
    rows.push(row(null, '按收入性质分：', null, null, null, '按支出性质分：'));
    merges.push(`B${budgetRow + 1}:E${budgetRow + 1}`, `F${budgetRow + 1}:I${budgetRow + 1}`);
    const income = ['其中：一般公共预算', '政府性基金拨款', '纳入专户管理的非税收入拨款', '其他资金'];
    const spending = ['其中：基本支出', '项目支出'];
    income.forEach((label, i) => {
      const r = next();
      const out = spending[i];
      rows.push(row(null, label, null, null, null, out ?? null));
      merges.push(`B${r}:C${r}`);
      money.push(`D${r}`);
      if (out) {
        merges.push(`F${r}:G${r}`, `H${r}:I${r}`);
        money.push(`H${r}`);
      }
    });
    merges.push(`A${budgetRow}:A${next() - 1}`);
  } else {
    rows.push(row(yearText(year, false)));
    merges.push('A2:I2');
    rows.push(row('项目名称'));
    merges.push('A3:B3', 'C3:I3');
    rows.push(row('主管部门', null, null, null, null, '实施单位'));
    merges.push('A4:B4', 'C4:E4', 'F4:G4', 'H4:I4');

    const top = next();
    headerRows.push(top);
    rows.push(row('项目资金\n（万元）', null, '年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分'));
    merges.push(`H${top}:I${top}`);
    budgetRow = next();
    rows.push(row(null, '年度资金总额', null, null, null, budgetWeight));
    for (const label of ['其中：本年财政拨款', '上年结转资金', '其他资金']) {
      const r = next();
      // Breakdown rows carry no 分值 / 执行率 / 得分 (docs/rules.md "Budget block"): the dash says so, as in the national form.
      rows.push(row(null, label, null, null, null, '—', '—', '—'));
      merges.push(`H${r}:I${r}`);
      money.push(`C${r}`, `D${r}`, `E${r}`);
    }
    merges.push(`A${top}:A${next() - 1}`);
  }
  money.push(`C${budgetRow}`, `D${budgetRow}`, `E${budgetRow}`);
  points.push(`F${budgetRow}`, `H${budgetRow}`);
  merges.push(`H${budgetRow}:I${budgetRow}`);
  const rate = `G${budgetRow}`;
  formats[rate] = '0.00%';
  formats[`H${budgetRow}`] = '0.00';
  for (const cell of money) formats[cell] = '#,##0.00';

  const goalTop = next();
  rows.push(row('年度总体目标', '预期目标', null, null, null, '实际完成情况'));
  rows.push(row());
  const goalRow = goalTop + 1;
  merges.push(
    `A${goalTop}:A${goalRow}`,
    `B${goalTop}:E${goalTop}`,
    `F${goalTop}:I${goalTop}`,
    `B${goalRow}:E${goalRow}`,
    `F${goalRow}:I${goalRow}`,
  );

  const tableTop = next();
  headerRows.push(tableTop);
  rows.push(row('绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'));
  const first = next();
  for (const { level, subs } of LEVELS) {
    const weight = profile.levelWeights[level];
    if (weight === null) continue;
    const start = next();
    subs.forEach((sub, i) => rows.push(row(null, i === 0 ? `${level}（${weight}分）` : null, sub, '指标1')));
    if (subs.length > 1) merges.push(`B${start}:B${next() - 1}`);
  }
  const last = next() - 1;
  merges.push(`A${tableTop}:A${last}`);
  for (let r = first; r <= last; r++) {
    points.push(`G${r}`, `H${r}`);
    formats[`H${r}`] = '0.00';
  }

  const totalRow = next();
  rows.push(row('总分'));
  merges.push(`A${totalRow}:F${totalRow}`);
  points.push(`G${totalRow}`, `H${totalRow}`);
  formats[`H${totalRow}`] = '0.00';
  const gradeRow = next();
  rows.push(row('自评等级'));
  merges.push(`A${gradeRow}:F${gradeRow}`, `G${gradeRow}:I${gradeRow}`);

  return {
    sketch: {
      name: TITLE[type],
      rows,
      merges,
      formats,
      widths: { ...WIDTHS },
      looks: looksOf(type, { headerRows, goalRow, indicators: { first, last }, bottom: gradeRow }),
    },
    money,
    points,
    rate,
    grade: `G${gradeRow}`,
    headerRows,
    goalRow,
    area: `A1:I${gradeRow}`,
    indicators: { first, last },
  };
}

/** The blank standard form as a sketch (a new sheet for the pane, a new file for the command). */
export function templateSketch(type: TemplateType, year?: string, profile: Profile = NATIONAL): SheetSketch {
  return templateLayout(type, year, profile).sketch;
}
