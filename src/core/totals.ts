// Weights, the 总分 row and the grade (docs/rules.md "Weights, totals, grades").
import Decimal from 'decimal.js';
import { finding } from './findings';
import { readFigure } from './cell-number';
import { fixed2, percent2, plain, round2, TOLERANCE, type Share } from './exact';
import type { Grid } from './grid';
import type { IndicatorResult } from './indicators';
import { LEVEL1_NAMES } from './labels';
import { WritePlan } from './patch';
import type { ExecutionCap, Profile } from './profile';
import type { FormEntries } from './read';
import type { LayoutFamily, LevelReport, TotalReport } from './report';
import type { CellPatch, Finding } from './types';

export function gradeOf(total: Decimal, profile: Profile): string {
  const t = round2(total);
  if (t.gte(profile.gradeBands.优)) return '优';
  if (t.gte(profile.gradeBands.良)) return '良';
  if (t.gte(profile.gradeBands.中)) return '中';
  return '差';
}

const sum = (xs: Array<Decimal | null>) => xs.reduce<Decimal>((s, x) => (x ? s.plus(x) : s), new Decimal(0));

export interface LevelsResult {
  levels: LevelReport[];
  /** Σ of the indicators' weights: the rows' 分值, or in a form weighted by level, the levels' declared points. */
  indicatorWeight: Decimal;
  findings: Finding[];
}

/**
 * The 一级 levels (or goal blocks) and the form's weights. In the standard layouts a level's rows
 * must add up to the points its label declares; in a form weighted by level, where a row's maximum
 * is unknown, the level's scores must stay within those points.
 */
export function evaluateLevels(
  grid: Grid,
  rows: IndicatorResult[],
  budgetWeight: Decimal | null,
  budgetCell: string | null,
  profile: Profile,
  layout: LayoutFamily = 'standard',
): LevelsResult {
  const sheet = grid.sheet;
  const findings: Finding[] = [];
  if (layout === 'targets-only') return { levels: [], indicatorWeight: new Decimal(0), findings };
  const byLevel = new Map<string, IndicatorResult[]>();
  for (const r of rows) {
    const key = (layout === 'level-weights' ? r.entry.group.name : r.entry.level1) || '未分级';
    const items = byLevel.get(key);
    if (items) items.push(r);
    else byLevel.set(key, [r]);
  }
  const levels: LevelReport[] = [];
  let indicatorWeight = new Decimal(0);
  for (const [name, items] of byLevel) {
    const first = items[0].entry;
    const score = sum(items.map((i) => i.settled));
    if (layout === 'level-weights') {
      const { declared, cell } = first.group;
      const at = (cell ?? first.nameCell).address;
      levels.push({ name, declaredWeight: declared, weight: declared ?? '0', score: fixed2(score) });
      if (declared === null) {
        findings.push(
          finding(
            'weight.missing',
            sheet,
            at,
            `${name}没有标明分值，表中也没有分值列：无法核对其下得分；请在标签中写明分值，如“产出指标（40分）”。`,
          ),
        );
        continue;
      }
      indicatorWeight = indicatorWeight.plus(declared);
      const entered = sum(items.map((i) => i.enteredScore));
      if (entered.gt(declared)) {
        findings.push(
          finding(
            'score.over-max',
            sheet,
            at,
            `${name}标明 ${declared} 分，其下各项得分合计 ${plain(entered)} 分，超过了该级分值；请核对得分。`,
          ),
        );
      }
      continue;
    }
    const weight = sum(items.map((i) => i.weight));
    indicatorWeight = indicatorWeight.plus(weight);
    const declared = first.level1Declared;
    levels.push({ name, declaredWeight: declared, weight: plain(weight), score: fixed2(score) });
    if (declared !== null && !weight.eq(declared) && first.level1Cell) {
      findings.push(
        finding(
          'weight.level-mismatch',
          sheet,
          first.level1Cell.address,
          `${name}标明 ${declared} 分，但其下三级指标分值合计 ${plain(weight)} 分；请调整分值使两者一致。`,
        ),
      );
    }
  }

  const all = indicatorWeight.plus(budgetWeight ?? 0);
  const anchor = budgetCell ?? (rows[0]?.entry.weightCell ?? rows[0]?.entry.nameCell)?.address ?? 'A1';
  if (rows.length > 0 && !all.eq(100)) {
    findings.push(
      finding(
        'weight.total',
        sheet,
        anchor,
        `预算执行率分值 ${budgetWeight ? plain(budgetWeight) : 0} 加各指标分值 ${plain(indicatorWeight)}，合计 ${plain(all)} 分，不是 100 分；请调整分值。`,
      ),
    );
  }

  const expected: Record<string, string | null> = { ...profile.levelWeights };
  const actual = levels.filter((l) => (LEVEL1_NAMES as readonly string[]).includes(l.name));
  const differs =
    actual.length > 0 &&
    (LEVEL1_NAMES.some((name) => {
      const l = actual.find((x) => x.name === name);
      const want = expected[name];
      return want === null ? l !== undefined : l === undefined || !new Decimal(l.declaredWeight ?? l.weight).eq(want);
    }) ||
      (budgetWeight !== null && !budgetWeight.eq(profile.budgetWeight)));
  if (differs) {
    const want = LEVEL1_NAMES.filter((n) => expected[n] !== null)
      .map((n) => `${n} ${expected[n]}`)
      .join('、');
    const have = actual.map((l) => `${l.name} ${l.declaredWeight ?? l.weight}`).join('、');
    const firstLevel = actual[0] ? byLevel.get(actual[0].name)?.[0].entry.level1Cell : null;
    findings.push(
      finding(
        'weight.nonstandard',
        sheet,
        firstLevel?.address ?? anchor,
        `分值结构为 预算执行率 ${budgetWeight ? plain(budgetWeight) : '-'}、${have}，与所用标准（预算执行率 ${profile.budgetWeight}、${want}）不同；如为本地规定可忽略。`,
      ),
    );
  }
  return { levels, indicatorWeight, findings };
}

export interface TotalResult {
  report: TotalReport | null;
  grade: string | null;
  enteredGrade: string | null;
  findings: Finding[];
  writes: CellPatch[];
}

export function evaluateTotal(
  grid: Grid,
  form: FormEntries,
  rows: IndicatorResult[],
  budget: { score: Decimal | null; weight: Decimal | null; enteredScore: Decimal | null; writes: CellPatch[]; rate: Share | null },
  profile: Profile,
  context: { indicatorWeight: Decimal; unscored: boolean },
): TotalResult {
  const sheet = grid.sheet;
  const findings: Finding[] = [];
  const plan = new WritePlan(grid, findings);
  const unscored = context.unscored;
  const weight = context.indicatorWeight.plus(budget.weight ?? 0);
  let score = sum(rows.map((r) => r.settled)).plus(budget.score ?? budget.enteredScore ?? 0);
  // Every row's score known (entered or given by a rule): only then is the sum a total with a grade.
  const complete =
    rows.every((r) => !r.counts || r.settled !== null) && (budget.weight === null || (budget.score ?? budget.enteredScore) !== null);
  // The 得分 column, now and once the recompute is written. A cell the recompute does not write (a
  // kept formula, a note typed in place of a score) counts as it stands in both; an empty one it
  // fills counts its settled score. The total written is the column after, so the sheet adds up
  // and the next check agrees with what was written.
  const cells = rows
    // Only a write into the row's 得分 cell counts: a coefficient rewritten beside a kept formula does not fill it.
    .map((r) =>
      column(
        r.enteredScore,
        r.settled,
        r.writes.some((p) => p.reason === 'score' && p.cell === r.entry.scoreCell?.address),
      ),
    )
    .concat(
      column(
        budget.enteredScore,
        budget.score,
        budget.writes.some((p) => p.reason === 'budget-score'),
      ),
    );
  // A provincial tier may cap the total by the execution rate (docs/profiles.md executionCaps).
  const cap = capOf(budget.rate, profile);
  const capped = (d: Decimal) => (cap && d.gt(cap.maxTotal) ? new Decimal(cap.maxTotal) : d);
  const addedNow = sum(cells.map((c) => c.now));
  const columnNow = capped(addedNow);
  const columnAfter = capped(sum(cells.map((c) => c.after)));
  const uncapped = score;
  score = capped(score);
  const t = form.total;
  let report: TotalReport | null = null;
  if (cap && uncapped.gt(cap.maxTotal)) {
    const at = t?.scoreCell ?? t?.labelCell;
    findings.push(
      finding(
        'total.capped',
        sheet,
        at?.address ?? 'A1',
        `执行率低于 ${percent2(new Decimal(cap.below))}，按所用配置总分不得高于 ${cap.maxTotal} 分：各项合计 ${fixed2(uncapped)}，总分按 ${fixed2(score)} 计。`,
      ),
    );
  }
  if (t && t.scoreCell) {
    const grade = complete && rows.length > 0 ? gradeOf(score, profile) : null;
    const enteredWeight = readFigure(grid, t.weightCell, findings, { what: '总分的分值' });
    const enteredScore = readFigure(grid, t.scoreCell, findings, { what: '总分' });
    // The arithmetic check adds the column as it stands, as a person adding it would.
    if (enteredScore !== null && enteredScore.minus(columnNow).abs().gt(TOLERANCE)) {
      findings.push(
        finding(
          'total.mismatch',
          sheet,
          t.scoreCell.address,
          columnNow.eq(addedNow)
            ? `总分填的是 ${plain(enteredScore)}，但表中各项得分相加为 ${fixed2(columnNow)}；请核对合计。`
            : `总分填的是 ${plain(enteredScore)}；表中各项得分相加为 ${fixed2(addedNow)}，按所用配置的执行率封顶应为 ${fixed2(columnNow)}。`,
        ),
      );
    }
    if (enteredWeight !== null && t.weightCell && !enteredWeight.eq(weight)) {
      findings.push(
        finding(
          'total.mismatch',
          sheet,
          t.weightCell.address,
          `总分的分值填的是 ${plain(enteredWeight)}，各项分值相加为 ${plain(weight)}。`,
        ),
      );
    }
    if (enteredScore === null && !unscored && complete && grid.raw(t.scoreCell.row, t.scoreCell.col).formula === undefined) {
      findings.push(finding('total.missing', sheet, t.scoreCell.address, `总分未填写；应为 ${fixed2(columnAfter)}，重算会填入。`));
    }
    if (t.weightCell) plan.number(t.weightCell, weight, { format: 'General', reason: 'total-weight', text: plain(weight) });
    // A partial sum is no total: nothing is written until every row has its score.
    if (complete) plan.number(t.scoreCell, columnAfter, { format: '0.00', reason: 'total-score', text: fixed2(columnAfter) });
    report = {
      cell: t.scoreCell.address,
      weightCell: t.weightCell?.address ?? null,
      weight: plain(weight),
      score: fixed2(score),
      complete,
      enteredWeight: enteredWeight ? plain(enteredWeight) : null,
      enteredScore: enteredScore ? plain(enteredScore) : null,
    };
    let enteredGrade: string | null = null;
    if (form.grade && grade) {
      const cell = form.grade.valueCell;
      enteredGrade = grid.text(cell.row, cell.col) || null;
      const basis = enteredScore ?? score;
      const expected = gradeOf(basis, profile);
      if (enteredGrade !== null && normaliseGrade(enteredGrade) !== expected) {
        findings.push(
          finding('grade.mismatch', sheet, cell.address, `等级填的是“${enteredGrade}”，总分 ${plain(basis)} 对应的等级是“${expected}”。`),
        );
      }
      // Only an empty cell or one holding a grade is the grade's place; anything else is the person's text.
      const gradeLike = enteredGrade === null || ['优', '良', '中', '差'].includes(normaliseGrade(enteredGrade));
      // The grade written goes with the total written.
      const gradeWritten = gradeOf(columnAfter, profile);
      if (gradeLike && normaliseGrade(enteredGrade ?? '') !== gradeWritten) plan.text(cell, gradeWritten, 'grade');
    }
    return { report, grade, enteredGrade, findings, writes: plan.patches };
  }
  return { report, grade: null, enteredGrade: null, findings, writes: plan.patches };
}

/** The tightest execution-rate tier the rate falls below, or null. */
function capOf(rate: Share | null, profile: Profile): ExecutionCap | null {
  if (!rate) return null;
  const applying = profile.executionCaps.filter((c) => rate.num.lt(rate.den.times(c.below)));
  return applying.reduce<ExecutionCap | null>((low, c) => (low === null || new Decimal(c.maxTotal).lt(low.maxTotal) ? c : low), null);
}

/** One 得分 cell: its figure now, and after a recompute that writes `settled` there when `writes`. */
function column(entered: Decimal | null, settled: Decimal | null, writes: boolean): { now: Decimal | null; after: Decimal | null } {
  return { now: entered ?? (writes ? settled : null), after: writes ? settled : entered };
}

/** "优秀" → 优, "良好" → 良, "中等" → 中, "较差" → 差. */
export function normaliseGrade(text: string): string {
  const t = text.replace(/\s+/g, '');
  if (t.startsWith('优')) return '优';
  if (t.startsWith('良')) return '良';
  if (t.startsWith('中') || t === '合格' || t === '一般') return '中';
  if (t.includes('差') || t === '不合格') return '差';
  return t;
}
