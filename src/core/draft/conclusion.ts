// 五、自评结论 and 六、存在的问题及下一步措施: the total and grade with the points lost and where; the
// problems the findings point at, each a sentence to edit.
import Decimal from 'decimal.js';
import { fixed2 } from '../exact';
import { parseA1 } from '../address';
import type { FormReport, IndicatorReport } from '../report';
import { gap, paragraph, text, type Block, type Inline } from './outline';
import { pointsLost, rowLost } from './scoring';

export function conclusionSection(form: FormReport, scored: boolean, subject: string): Block[] {
  const done = form.indicators.filter((r) => r.met === true).length;
  const missed = form.indicators.filter((r) => r.met === false).length;
  const completion = `三级指标${form.indicators.length}项，完成${done}项，未完成${missed}项`;
  if (!scored) {
    return [paragraph(text(`本表为不评分的自评表（表中没有分值和得分），不计算总分和等级。${subject}${completion}。`))];
  }
  if (form.total === null) {
    return [
      paragraph(text(`表中没有总分行，自评总分为`), gap('自评总分'), text('，自评等级为'), gap('自评等级'), text(`。${completion}。`)),
    ];
  }
  const t = form.total;
  const blocks: Block[] = [
    paragraph(text(`经自评，${subject}绩效自评总分为${t.score}分（满分${t.weight}分），自评等级为“${form.grade ?? '—'}”。${completion}。`)),
  ];
  const lost = new Decimal(t.weight).minus(t.score);
  if (lost.lte(0)) {
    blocks.push(paragraph(text('各项均得满分，未扣分。')));
    return blocks;
  }
  blocks.push(paragraph(text(`共扣${fixed2(lost)}分：${lossPlaces(form).join('；')}。`)));
  return blocks;
}

/** "预算执行扣 0.50 分", "产出指标扣 2.13 分（“甲”扣 0.08 分、…）". */
function lossPlaces(form: FormReport): string[] {
  const out: string[] = [];
  const b = form.budget;
  const budgetLost = b ? pointsLost(b.weight, b.score) : null;
  if (budgetLost !== null && budgetLost.gt(0)) out.push(`预算执行扣${fixed2(budgetLost)}分（执行率${b!.rate}）`);
  for (const level of form.levels) {
    const lost = new Decimal(level.weight).minus(level.score);
    if (lost.lte(0)) continue;
    const rows = form.indicators.filter((r) => (r.level1 || '未分级') === level.name && rowLost(r) !== null);
    const detail = rows.map((r) => `“${r.name}”扣${fixed2(rowLost(r)!)}分`).join('、');
    const name = level.name === '未分级' ? '绩效指标' : level.name;
    out.push(`${name}扣${fixed2(lost)}分${detail ? `（${detail}）` : ''}`);
  }
  return out;
}

function rowAt(form: FormReport, cell: string): IndicatorReport | null {
  const at = parseA1(cell);
  return at ? (form.indicators.find((r) => r.row === at.row) ?? null) : null;
}

/** Each problem the findings show, once, in form order. */
export function problemsSection(form: FormReport): Block[] {
  const items: Inline[][] = [];
  const b = form.budget;
  const codes = new Set(form.findings.map((f) => f.code));
  if (b && codes.has('budget.low-execution')) {
    items.push([text(`预算执行率为${b.rate}，资金执行进度偏慢。下一步将`), gap('加快预算执行的具体措施'), text('。')]);
  }
  const byCode = (code: string): IndicatorReport[] => {
    const rows = new Map<number, IndicatorReport>();
    for (const f of form.findings) {
      const r = f.code === code ? rowAt(form, f.cell) : null;
      if (r) rows.set(r.row, r);
    }
    return [...rows.values()].sort((x, y) => x.row - y.row);
  };
  for (const r of byCode('indicator.unmet')) {
    items.push([
      text(`“${r.name}”未达到年度指标值（年度指标值：${r.target}，实际完成值：${r.actual}）。下一步将`),
      gap(`针对“${r.name}”的改进措施`),
      text('。'),
    ]);
  }
  for (const r of byCode('indicator.over-achieved')) {
    items.push([
      text(`“${r.name}”实际完成值（${r.actual}）远超年度指标值（${r.target}），指标值可能设定偏低。下一年度将`),
      gap('是否调高该指标值及理由'),
      text('。'),
    ]);
  }
  const boilerplate = byCode('deviation.boilerplate');
  if (boilerplate.length > 0) {
    items.push([
      text(`部分指标的偏差原因分析流于形式（${boilerplate.map((r) => `“${r.name}”只写了“${r.deviation}”`).join('；')}）。今后填报时将`),
      gap('如何写明偏差原因和改进措施'),
      text('。'),
    ]);
  }
  if (items.length === 0) {
    return [paragraph(text('自评表未反映出突出问题。'), gap('存在的问题及下一步措施'))];
  }
  return items.map((parts, i) => paragraph(text(`${i + 1}.`), ...parts));
}
