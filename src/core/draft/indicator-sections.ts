// 三、绩效指标完成情况 (a table and a sentence per level) and 四、偏差原因分析及改进措施 (row by row).
import Decimal from 'decimal.js';
import { fixed2 } from '../exact';
import { isBoilerplate } from '../indicators';
import type { FormReport, IndicatorReport } from '../report';
import { gap, heading2, heading3, paragraph, text, type Block, type Inline } from './outline';
import { rowLost } from './scoring';

interface Group {
  name: string;
  rows: IndicatorReport[];
}

function groupBy(rows: IndicatorReport[], key: (r: IndicatorReport) => string): Group[] {
  const groups: Group[] = [];
  for (const r of rows) {
    const name = key(r);
    const last = groups.find((g) => g.name === name);
    if (last) last.rows.push(r);
    else groups.push({ name, rows: [r] });
  }
  return groups;
}

const level1Of = (r: IndicatorReport) => r.level1 || '未分级指标';
const level2Of = (r: IndicatorReport) => r.level2 || '其他指标';

function sum(values: Array<string | null>): Decimal {
  return values.reduce<Decimal>((s, v) => (v === null ? s : s.plus(v)), new Decimal(0));
}

function metText(met: boolean | null): string {
  if (met === null) return '待核实';
  return met ? '是' : '否';
}

/** “名称”（目标 …，实际 …） */
function rowWithFigures(r: IndicatorReport): string {
  return `“${r.name}”（年度指标值：${r.target || '未填'}，实际完成值：${r.actual || '未填'}）`;
}

/** One sentence for a level: how many rows, how many met, which were missed or cannot be judged. */
function levelSentence(name: string, rows: IndicatorReport[], scored: boolean, detail: boolean): Inline[] {
  const met = rows.filter((r) => r.met === true);
  const missed = rows.filter((r) => r.met === false);
  const unknown = rows.filter((r) => r.met === null);
  let s = `${name}共${rows.length}项`;
  if (scored) {
    const weights = rows.map((r) => r.weight);
    if (weights.every((w) => w !== null)) s += `，分值${sum(weights).toString()}分，得${fixed2(sum(rows.map((r) => r.score)))}分`;
  }
  s += missed.length === 0 && unknown.length === 0 ? '，全部完成' : `，完成${met.length}项`;
  if (missed.length > 0) {
    s += `，未完成${missed.length}项`;
    if (detail) s += `：${missed.map(rowWithFigures).join('；')}`;
  }
  if (unknown.length > 0) {
    s += `；另有${unknown.length}项无法按规则判断是否完成（${unknown.map((r) => `“${r.name}”`).join('、')}），请核实`;
  }
  return [text(`${s}。`)];
}

function table(caption: string, rows: IndicatorReport[], scored: boolean): Block {
  const head = scored ? ['指标', '年度指标值', '实际完成值', '分值', '得分', '是否完成'] : ['指标', '年度指标值', '实际完成值', '是否完成'];
  return {
    kind: 'table',
    caption,
    head,
    rows: rows.map((r) =>
      scored ? [r.name, r.target, r.actual, r.weight ?? '', r.score ?? '', metText(r.met)] : [r.name, r.target, r.actual, metText(r.met)],
    ),
  };
}

export function indicatorSection(form: FormReport, scored: boolean): Block[] {
  const rows = form.indicators;
  if (rows.length === 0) return [paragraph(gap('绩效指标完成情况（表中未读到三级指标）'))];
  const blocks: Block[] = [paragraph(...levelSentence('本表三级指标', rows, scored, false))];
  // A layout without 一级/二级 columns (score coefficients): one table of all rows.
  if (rows.every((r) => r.level1 === '' && r.level2 === '')) return [...blocks, table('表1  绩效指标', rows, scored)];
  let tableNo = 0;
  groupBy(rows, level1Of).forEach((l1, i) => {
    blocks.push(heading2(i + 1, l1.name));
    blocks.push(paragraph(...levelSentence(l1.name, l1.rows, scored, false)));
    groupBy(l1.rows, level2Of).forEach((l2, k) => {
      blocks.push(heading3(k + 1, l2.name));
      blocks.push(paragraph(...levelSentence(l2.name, l2.rows, scored, true)));
      tableNo++;
      blocks.push(table(`表${tableNo}  ${l1.name} · ${l2.name}`, l2.rows, scored));
    });
  });
  return blocks;
}

/** Rows that must be explained: those that lost points or missed their target. */
function needsExplanation(r: IndicatorReport): boolean {
  return rowLost(r) !== null || r.met === false;
}

function shortfall(r: IndicatorReport, scored: boolean): string {
  const lost = rowLost(r);
  const parts = [`年度指标值为${r.target || '（未填）'}`, `实际完成值为${r.actual || '（未填）'}`];
  if (scored && lost !== null) parts.push(`得${r.score}分（分值${r.weight}分，扣${fixed2(lost)}分）`);
  return parts.join('，');
}

export function deviationSection(form: FormReport, scored: boolean): Block[] {
  const rows = form.indicators.filter((r) => needsExplanation(r) || (r.deviation !== '' && !isBoilerplate(r.deviation)));
  if (rows.length === 0) return [paragraph(text('各项指标均已完成，未扣分，无需进行偏差分析。'))];
  const blocks: Block[] = [];
  rows.forEach((r, i) => {
    const head = text(`（${i + 1}）“${r.name}”：${shortfall(r, scored)}。`);
    if (r.deviation !== '' && !isBoilerplate(r.deviation)) {
      blocks.push(paragraph(head, text(`偏差原因及改进措施：${withStop(r.deviation)}`)));
    } else if (needsExplanation(r)) {
      const said = r.deviation === '' ? '表中未填写偏差原因' : `表中只写了“${r.deviation}”`;
      blocks.push(paragraph(head, text(`${said}。`), gap(`“${r.name}”的偏差原因及改进措施`)));
    }
  });
  return blocks;
}

function withStop(t: string): string {
  const one = t.replace(/\s*\n\s*/g, '');
  return /[。！？.!?]$/.test(one) ? one : `${one}。`;
}
