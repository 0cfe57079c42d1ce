// 二、预算执行情况: the budget figures as recomputed, the breakdowns the form gives, the adjustment.
import Decimal from 'decimal.js';
import { percent2 } from '../exact';
import type { BudgetReport, FormReport, SourceGroupReport } from '../report';
import { gap, paragraph, text, type Block, type Inline } from './outline';

const COLUMNS = { initial: '年初预算数', planned: '全年预算数', executed: '全年执行数' } as const;

export function budgetSection(form: FormReport, scored: boolean): Block[] {
  const b = form.budget;
  if (!b) return [paragraph(gap('预算执行情况（表中未找到预算执行栏）：年初预算数、全年预算数、全年执行数和执行率'))];
  const blocks: Block[] = [paragraph(...figures(b, scored))];
  const adjustment = adjustmentSentence(b);
  if (adjustment) blocks.push(paragraph(...adjustment));
  const codes = new Set(form.findings.map((f) => f.code));
  if (codes.has('budget.low-execution')) {
    blocks.push(paragraph(text(`预算执行率为${b.rate}，执行偏低，原因是：`), gap('预算执行偏低的原因'), text('。')));
  }
  if (codes.has('budget.over-executed')) {
    blocks.push(
      paragraph(text(`全年执行数超过预算（执行率${b.rate}），原因是：`), gap('超预算执行的原因（结转或追加资金等）'), text('。')),
    );
  }
  for (const group of b.sources) blocks.push(...sourceBlocks(group, b.unit));
  return blocks;
}

function money(value: string | null, unit: string): string | null {
  return value === null ? null : `${value}${unit}`;
}

function figures(b: BudgetReport, scored: boolean): Inline[] {
  const parts: string[] = [];
  const named = (name: string, value: string | null) => (value === null ? null : `${name}${value}`);
  for (const p of [
    named('年初预算数', money(b.initial, b.unit)),
    named('全年预算数', money(b.planned, b.unit)),
    named('全年执行数', money(b.executed, b.unit)),
  ]) {
    if (p !== null) parts.push(p);
  }
  const out: Inline[] = [text(`本年度${parts.join('，')}`)];
  if (b.rate !== null) {
    out.push(text(`，预算执行率${b.rate}`));
    if (scored && b.score !== null && b.weight !== null) out.push(text(`（该项分值${b.weight}分，得${b.score}分）`));
  } else {
    out.push(text('，预算执行率无法计算（'), gap('缺少的预算数'), text('）'));
  }
  out.push(text('。'));
  return out;
}

/** One sentence when 全年预算数 differs from 年初预算数: by how much, and a gap for why. */
function adjustmentSentence(b: BudgetReport): Inline[] | null {
  if (b.initial === null || b.planned === null) return null;
  const initial = new Decimal(b.initial);
  const change = new Decimal(b.planned).minus(initial);
  if (change.isZero()) return null;
  const direction = change.gt(0) ? '增加' : '减少';
  const ratio = initial.isZero() ? '' : `（${direction === '增加' ? '增长' : '下降'}${percent2(change.abs().div(initial))}）`;
  return [
    text(`全年预算数比年初预算数${direction}${change.abs().toString()}${b.unit}${ratio}，主要原因是：`),
    gap('年中预算调整的原因'),
    text('。'),
  ];
}

function sourceBlocks(group: SourceGroupReport, unit: string): Block[] {
  const byColumns = group.items.some((i) => Object.keys(i.amounts).some((k) => k !== 'amount'));
  if (!byColumns) {
    const items = group.items.map((i) => `${i.label}${i.amounts.amount !== undefined ? `${i.amounts.amount}${unit}` : '（未填金额）'}`);
    return [paragraph(text(`${group.name}：${items.join('，')}。`))];
  }
  const keys = (['initial', 'planned', 'executed'] as const).filter((k) => group.items.some((i) => i.amounts[k] !== undefined));
  return [
    {
      kind: 'table',
      caption: `${group.name}（${unit}）`,
      head: [group.name, ...keys.map((k) => COLUMNS[k])],
      rows: group.items.map((i) => [i.label, ...keys.map((k) => i.amounts[k] ?? '')]),
    },
  ];
}
