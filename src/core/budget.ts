// The budget block (docs/rules.md "Budget block"): 执行率, the budget score, breakdowns and adjustments.
import Decimal from 'decimal.js';
import { finding } from './findings';
import { readFigure, readWeight } from './cell-number';
import {
  asPrintedRate,
  atMostFull,
  fixed2,
  fractionOf,
  percent2,
  plain,
  scoreOf,
  share,
  sharePercent,
  TOLERANCE,
  type Share,
} from './exact';
import type { Grid } from './grid';
import { WritePlan } from './patch';
import type { Profile } from './profile';
import type { BudgetEntries, BreakdownGroup } from './read';
import type { BudgetReport, SourceGroupReport } from './report';
import type { CellPatch, Finding } from './types';

export interface BudgetResult {
  report: BudgetReport;
  findings: Finding[];
  writes: CellPatch[];
  /** The settled budget score and weight, for the total. */
  score: Decimal | null;
  /** 执行率 as 全年执行数 ÷ its denominator, unrounded; null when it cannot be computed. */
  rate: Share | null;
  weight: Decimal | null;
  enteredScore: Decimal | null;
}

/** One hundredth of a percentage point: a printed rate this far off is a rounding slip (info). */
const RATE_SLIP = new Decimal('0.0001');

export function evaluateBudget(grid: Grid, b: BudgetEntries, profile: Profile): BudgetResult {
  const sheet = grid.sheet;
  const findings: Finding[] = [];
  const plan = new WritePlan(grid, findings);
  const money = (what: string, key: 'initial' | 'planned' | 'executed') =>
    readFigure(grid, b.cells[key] ?? null, findings, { what, money: b.unit });
  const initial = money('年初预算数', 'initial');
  const planned = money('全年预算数', 'planned');
  const executed = money('全年执行数', 'executed');
  // The weight from its 分值 column, or from a label that names it ("得分（20分×执行率）").
  const weight =
    readWeight(grid, b.cells.weight ?? null, findings, { what: '预算执行率分值', points: true }) ??
    (b.declaredWeight ? new Decimal(b.declaredWeight.points) : null);
  const enteredRate = readFigure(grid, b.cells.rate ?? null, findings, { what: '执行率', rate: true });
  const enteredScore = readFigure(grid, b.cells.score ?? null, findings, { what: '预算执行率得分' });

  // Forms without a 全年预算数 column divide by 年初预算数, whatever the profile says.
  const byInitial = profile.budgetDenominator === 'initial' || b.cells.planned === undefined;
  const denominator = byInitial ? initial : planned;
  const denominatorName = byInitial ? '年初预算数' : '全年预算数';
  const rateCell = b.cells.rate ?? b.cells.executed;
  /** 执行率 as the fraction 全年执行数 ÷ denominator, kept unrounded. */
  let rate: Share | null = null;
  let score: Decimal | null = null;

  if (denominator === null || denominator.isZero()) {
    const where = (b.cells.planned ?? b.cells.initial ?? rateCell).address;
    // Money spent against no budget is an error; an empty block is only a warning.
    if (executed !== null && executed.gt(0)) {
      findings.push(
        finding(
          'budget.no-budget',
          sheet,
          where,
          `${denominatorName}为空或为 0，但全年执行数为 ${plain(executed)}：无法计算执行率，请填写${denominatorName}。`,
          'error',
        ),
      );
    } else {
      findings.push(
        finding('budget.no-budget', sheet, where, `${denominatorName}为空或为 0：无法计算执行率和得分，请填写${denominatorName}。`),
      );
    }
  } else if (executed !== null) {
    rate = share(executed, denominator);
    // weight × 执行数 ÷ 预算数: multiplied before it is divided, so 3 × 5 ÷ 24 = 0.625 → 0.63.
    if (weight !== null) score = scoreOf(weight, atMostFull(rate));
    if (executed.gt(denominator)) {
      findings.push(
        finding(
          'budget.over-executed',
          sheet,
          rateCell.address,
          `执行数超过预算（执行率 ${sharePercent(rate)}），得分按满分 ${weight ? plain(weight) : ''} 封顶；请说明结转或追加资金的来由。`,
        ),
      );
    }
    if (executed.lt(denominator.times(profile.lowExecutionRate)) && !b.explained) {
      findings.push(
        finding(
          'budget.low-execution',
          sheet,
          rateCell.address,
          `执行率 ${sharePercent(rate)} 低于 ${percent2(new Decimal(profile.lowExecutionRate))}，预算栏内没有说明；请写明执行偏低的原因。`,
        ),
      );
    }
  }

  if (rate && b.cells.rate) {
    // The rate as printed with two decimals of a percent, the way the form shows it.
    const computed = fractionOf(rate, 4);
    if (enteredRate === null) {
      if (grid.raw(b.cells.rate.row, b.cells.rate.col).value === null) {
        findings.push(finding('budget.rate-missing', sheet, b.cells.rate.address, `执行率未填写；应为 ${sharePercent(rate)}。`));
      }
    } else {
      const printed = asPrintedRate(enteredRate);
      const slip = printed.minus(computed).abs();
      if (!slip.isZero()) {
        // A slip of one hundredth of a point is a rounding difference: said, as information.
        findings.push(
          finding(
            'budget.rate-mismatch',
            sheet,
            b.cells.rate.address,
            `执行率填的是 ${percent2(enteredRate)}，按 全年执行数 ÷ ${denominatorName} 四舍五入应为 ${sharePercent(rate)}。`,
            slip.lte(RATE_SLIP) ? 'info' : 'warning',
          ),
        );
      }
    }
    plan.number(b.cells.rate, computed, { format: '0.00%', reason: 'rate', text: sharePercent(rate) });
  }

  if (score !== null && b.cells.score) {
    if (enteredScore !== null && enteredScore.minus(score).abs().gt(TOLERANCE)) {
      findings.push(
        finding(
          'score.mismatch',
          sheet,
          b.cells.score.address,
          `预算执行率得分填的是 ${plain(enteredScore)}，按执行率 ${rate ? sharePercent(rate) : ''} × 分值 ${weight ? plain(weight) : ''} 应为 ${fixed2(score)}。`,
        ),
      );
    }
    plan.number(b.cells.score, score, { format: '0.00', reason: 'budget-score', text: fixed2(score) });
  }

  if (initial !== null && planned !== null && b.cells.planned && !initial.isZero()) {
    const change = planned.minus(initial).abs();
    if (change.gt(initial.abs().times(profile.adjustmentWarnRatio))) {
      findings.push(
        finding(
          'budget.adjusted',
          sheet,
          b.cells.planned.address,
          `全年预算数由年初的 ${plain(initial)} 调整为 ${plain(planned)}（变动 ${sharePercent(share(change, initial.abs()))}），调整较大，请在说明中交代原因。`,
        ),
      );
    }
  }

  const sources = checkBreakdowns(grid, b, { initial, planned, executed }, findings);

  return {
    report: {
      cell: rateCell.address,
      unit: b.unit,
      initial: initial ? plain(initial) : null,
      planned: planned ? plain(planned) : null,
      executed: executed ? plain(executed) : null,
      rate: rate ? sharePercent(rate) : null,
      weight: weight ? plain(weight) : null,
      score: score ? fixed2(score) : null,
      enteredRate: enteredRate ? percent2(enteredRate) : null,
      enteredScore: enteredScore ? plain(enteredScore) : null,
      scoreCell: b.cells.score?.address ?? null,
      sources,
    },
    findings,
    writes: plan.patches,
    score,
    rate,
    weight,
    enteredScore,
  };
}

type Totals = Record<'initial' | 'planned' | 'executed', Decimal | null>;

const COLUMN_NAMES = { initial: '年初预算数', planned: '全年预算数', executed: '全年执行数' } as const;

/** Checks each breakdown against the totals and returns the amounts read, for the report. */
function checkBreakdowns(grid: Grid, b: BudgetEntries, totals: Totals, findings: Finding[]): SourceGroupReport[] {
  return b.groups.map((group) => {
    const items: SourceGroupReport['items'] = group.items.map((i) => ({ label: i.label, amounts: {} }));
    if (group.items.some((i) => i.amounts.amount !== undefined || i.inlineAmount !== null)) {
      checkListGroup(grid, b, group, totals, findings).forEach((v, k) => {
        if (v !== null) items[k].amounts.amount = plain(v);
      });
    } else {
      for (const key of ['initial', 'planned', 'executed'] as const) {
        checkRowGroupColumn(grid, b, group, key, totals[key], findings).forEach((v, k) => {
          if (v !== null) items[k].amounts[key] = plain(v);
        });
      }
    }
    return { name: group.name, items };
  });
}

function sumOf(values: Array<Decimal | null>): Decimal {
  return values.reduce<Decimal>((s, v) => (v ? s.plus(v) : s), new Decimal(0));
}

function checkRowGroupColumn(
  grid: Grid,
  b: BudgetEntries,
  group: BreakdownGroup,
  key: keyof Totals,
  total: Decimal | null,
  findings: Finding[],
): Array<Decimal | null> {
  const parts = group.items.map((i) =>
    readFigure(grid, i.amounts[key] ?? null, findings, { what: `${i.label}${COLUMN_NAMES[key]}`, money: b.unit }),
  );
  if (parts.every((p) => p === null)) return parts;
  const sum = sumOf(parts);
  const totalCell = b.cells[key];
  if (!totalCell) return parts;
  if ((total === null || total.isZero()) && !sum.isZero()) {
    findings.push(
      finding(
        'budget.breakdown-mismatch',
        grid.sheet,
        totalCell.address,
        `${COLUMN_NAMES[key]}合计为空或为 0，但其下各项合计 ${plain(sum)}；请填写 ${plain(sum)}。`,
      ),
    );
  } else if (total !== null && sum.minus(total).abs().gt(TOLERANCE)) {
    findings.push(
      finding(
        'budget.breakdown-mismatch',
        grid.sheet,
        totalCell.address,
        `${COLUMN_NAMES[key]}：${group.items.map((i) => i.label).join('、')}合计 ${plain(sum)}，与年度资金总额 ${plain(total)} 不符（差 ${plain(sum.minus(total))}）。`,
      ),
    );
  }
  return parts;
}

// A single-figure list (按收入性质分 / 按支出性质分) breaks down the year's funds: it should add up to
// 全年预算数; forms that list what was spent add up to 全年执行数 instead, which is accepted too.
function checkListGroup(grid: Grid, b: BudgetEntries, group: BreakdownGroup, totals: Totals, findings: Finding[]): Array<Decimal | null> {
  const parts = group.items.map((i) => {
    if (i.inlineAmount !== null) {
      const compact = i.inlineAmount.replace(/[,，]/g, '');
      if (/\s/.test(compact)) {
        findings.push(
          finding('number.invalid', grid.sheet, i.at.address, `“${i.label}”的金额“${i.inlineAmount}”中间有空格，无法确定是多少，请改正。`),
        );
        return null;
      }
      return new Decimal(compact);
    }
    return readFigure(grid, i.amounts.amount ?? null, findings, { what: `${i.label}金额`, money: b.unit });
  });
  const sum = sumOf(parts);
  const planned = totals.planned ?? totals.initial;
  const executed = totals.executed;
  const matches = (t: Decimal | null) => t !== null && sum.minus(t).abs().lte(TOLERANCE);
  if (matches(planned) || matches(executed)) return parts;
  const target = planned ?? executed;
  const cell = b.cells.planned ?? b.cells.initial ?? b.cells.executed;
  if (target === null || target.isZero()) {
    if (!sum.isZero()) {
      findings.push(
        finding(
          'budget.breakdown-mismatch',
          grid.sheet,
          cell.address,
          `年度资金总额为空或为 0，但${group.name}各项合计 ${plain(sum)}；请填写 ${plain(sum)}。`,
        ),
      );
    }
    return parts;
  }
  findings.push(
    finding(
      'budget.breakdown-mismatch',
      grid.sheet,
      group.items[0].at.address,
      `${group.name}：${group.items.map((i) => i.label).join('、')}合计 ${plain(sum)}，与年度资金总额 ${plain(target)} 不符（差 ${plain(sum.minus(target))}）。`,
    ),
  );
  return parts;
}
