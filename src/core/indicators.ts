// The indicator rows (docs/rules.md "Indicators"): each row's verdict, its settled score, and the checks on it.
import Decimal from 'decimal.js';
import { finding } from './findings';
import { readFigure, readWeight } from './cell-number';
import { fixed2, fractionOf, percent2, plain, round2, scoreOf, share, sharePercent, TOLERANCE } from './exact';
import type { Grid } from './grid';
import { assessIndicator, type IndicatorVerdict } from './verdict';
import { WritePlan } from './patch';
import type { Profile } from './profile';
import type { IndicatorEntry } from './read';
import type { IndicatorReport, LayoutFamily, Mark } from './report';
import { short } from './text';
import type { CellPatch, Finding } from './types';

export interface IndicatorResult {
  report: IndicatorReport;
  entry: IndicatorEntry;
  weight: Decimal | null;
  enteredScore: Decimal | null;
  /** The score the total counts. */
  settled: Decimal | null;
  /** The row's score is part of the total: it has a weight, or it sits in a form weighted by level. */
  counts: boolean;
  findings: Finding[];
  writes: CellPatch[];
  marks: Mark[];
}

/** Texts that explain nothing (docs/rules.md, deviation.boilerplate). */
const BOILERPLATE = /^(完成绩效目标|已完成|完成|达到目标|已达成|达成|无|\/|-+|—+|0|无偏差|正常)[。.]?$/;
/** A 10,000-character explanation is kept as typed but flagged: forms print on one page. */
const LONG_TEXT = 2000;
/** A printed 得分系数 agrees with the rule's when it is the rule's rounded to two decimals. */
const COEFFICIENT_TOLERANCE = new Decimal('0.005');
const ONE = new Decimal(1);

/** An explanation that says nothing about a shortfall ("完成绩效目标", "无", "/"). */
export function isBoilerplate(text: string): boolean {
  return BOILERPLATE.test(text.replace(/\s+/g, ''));
}

export interface RowContext {
  layout: LayoutFamily;
  /** The whole form is not yet scored: an empty 得分 is expected, said once for the form. */
  unscored: boolean;
}

export function evaluateIndicator(
  grid: Grid,
  e: IndicatorEntry,
  profile: Profile,
  context: RowContext = { layout: 'standard', unscored: false },
): IndicatorResult {
  const sheet = grid.sheet;
  const findings: Finding[] = [];
  const plan = new WritePlan(grid, findings);
  const marks: Mark[] = [];
  const label = short(e.name || `第 ${e.row} 行`, 24);
  const weight = readWeight(grid, e.weightCell, findings, { what: `“${label}”的分值`, points: true });
  const enteredScore = readFigure(grid, e.scoreCell, findings, { what: `“${label}”的得分` });
  const enteredCoefficient = readFigure(grid, e.coefficientCell, findings, { what: `“${label}”的得分系数`, rate: true });
  const scoreEmpty = e.scoreCell !== null && isEmpty(grid, e.scoreCell);

  if (e.weightCell && weight === null && isEmpty(grid, e.weightCell)) {
    findings.push(finding('weight.missing', sheet, e.weightCell.address, `“${label}”没有分值；请填写该指标的分值。`));
  }
  if (e.target === '' && e.targetCell) {
    findings.push(finding('indicator.missing-target', sheet, e.targetCell.address, `“${label}”没有年度指标值；请填写目标。`));
  }
  if (e.target !== '' && e.actual === '' && e.actualCell) {
    findings.push(
      finding(
        'indicator.missing-actual',
        sheet,
        e.actualCell.address,
        `“${label}”有目标“${short(e.target)}”，但实际完成值为空；请填写实际完成值。`,
      ),
    );
  }

  // Without a row weight (a form weighted by level, or not scored) the verdict still says whether
  // the target was met; its score, a share of an unknown maximum, is not used.
  let verdict: IndicatorVerdict | null = null;
  if ((weight !== null || e.weightCell === null) && e.target !== '' && e.actual !== '') {
    verdict = assessIndicator({ target: e.target, actual: e.actual, weight: weight ?? ONE, level2: e.level2 }, profile);
  }
  const scored = deducted(weight !== null && verdict !== null && verdict.score !== null ? verdict : null, weight, e, profile);
  if (scored?.deduction)
    findings.push(finding('score.deducted', sheet, (e.scoreCell ?? e.nameCell).address, `“${label}”${scored.deduction}`));

  // The score the total counts: rule-determined, or the person's judgement kept inside its band.
  let settled: Decimal | null = enteredScore;
  let suggested = false;
  if (scored && scored.score !== null) {
    if (!scored.judgement) {
      settled = scored.score;
    } else if (enteredScore !== null && scored.band && enteredScore.gte(scored.band.low) && enteredScore.lte(scored.band.high)) {
      settled = enteredScore;
    } else {
      if (enteredScore !== null && scored.band && scored.kind === 'qualitative' && e.scoreCell) {
        findings.push(
          finding(
            'score.out-of-band',
            sheet,
            e.scoreCell.address,
            `“${label}”评为“${scored.grade ?? ''}”，得分应在 ${fixed2(scored.band.low)}–${fixed2(scored.band.high)} 之间，填的是 ${plain(enteredScore)}；重算将改为 ${fixed2(scored.score)}。`,
          ),
        );
      }
      settled = scored.score;
      suggested = enteredScore === null;
    }
  }
  if (verdict) {
    for (const note of verdict.notes)
      findings.push(finding(note.code, sheet, noteCell(note.code, e).address, `“${label}”：${sentence(note.detail)}`));
  }

  const scoreCell = e.scoreCell;
  if (scoreCell && weight !== null && enteredScore !== null && enteredScore.gt(weight)) {
    findings.push(
      finding(
        'score.over-max',
        sheet,
        scoreCell.address,
        `“${label}”得分 ${plain(enteredScore)} 超过分值 ${plain(weight)}；得分不能高于分值。`,
      ),
    );
  }
  if (scoreCell && enteredScore !== null && enteredScore.lt(0)) {
    findings.push(finding('score.negative', sheet, scoreCell.address, `“${label}”得分为负数 ${plain(enteredScore)}；请改正。`));
  }
  // A form weighted by level still needs every row's score, though the row's maximum is unknown.
  if (scoreCell && scoreEmpty && !context.unscored && (weight !== null || context.layout === 'level-weights')) {
    findings.push(
      finding(
        'score.missing',
        sheet,
        scoreCell.address,
        settled !== null ? `“${label}”得分未填写；按规则应为 ${fixed2(settled)}，重算会填入。` : `“${label}”得分未填写；请按评分标准填写。`,
      ),
    );
  }
  if (
    scoreCell &&
    scored &&
    !scored.judgement &&
    scored.score !== null &&
    enteredScore !== null &&
    enteredScore.minus(scored.score).abs().gt(TOLERANCE)
  ) {
    findings.push(
      finding(
        'score.mismatch',
        sheet,
        scoreCell.address,
        `“${label}”得分填的是 ${plain(enteredScore)}，按规则应为 ${fixed2(scored.score)}（${scoreBasis(scored, e)}）。`,
      ),
    );
  }
  const coefficient = checkCoefficient(grid, e, label, { weight, enteredScore, enteredCoefficient, scored, settled }, findings, plan);
  if (verdict?.met === false) {
    const at = e.actualCell ?? scoreCell ?? e.nameCell;
    findings.push(
      finding('indicator.unmet', sheet, at.address, `“${label}”未达到年度指标值（目标 ${short(e.target)}，实际 ${short(e.actual)}）。`),
    );
  }

  explainRow(e, label, { weight, settled, enteredScore, met: verdict?.met ?? null }, profile, context, findings, marks, sheet);
  if (verdict?.met === false && weight !== null && enteredScore !== null && enteredScore.eq(weight) && scoreCell) {
    findings.push(
      finding(
        'deviation.contradiction',
        sheet,
        scoreCell.address,
        `“${label}”未达到目标却得满分 ${plain(weight)}；请核对得分或实际完成值。`,
      ),
    );
  }
  const explanation = e.deviation.trim();
  if (explanation.length > LONG_TEXT && e.deviationCell) {
    findings.push(
      finding(
        'text.too-long',
        sheet,
        e.deviationCell.address,
        `“${label}”的偏差原因有 ${explanation.length} 个字，打印时放不下；请精简到 ${LONG_TEXT} 字以内。`,
      ),
    );
  }

  if (scoreCell && settled !== null && scored) {
    plan.number(scoreCell, round2(settled), { format: '0.00', reason: 'score', text: fixed2(settled), suggested });
  }

  return {
    report: {
      row: e.row,
      level1: e.level1,
      level2: e.level2,
      name: e.name,
      target: e.target,
      actual: e.actual,
      kind: verdict?.kind ?? 'unknown',
      inferred: verdict?.inferred ?? false,
      met: verdict?.met ?? null,
      weight: weight ? plain(weight) : null,
      enteredScore: enteredScore ? plain(enteredScore) : null,
      score: settled ? fixed2(settled) : null,
      scoreCell: scoreCell?.address ?? null,
      coefficient: coefficient ? plain(coefficient) : null,
      core: e.core,
      judgement: scored?.judgement ?? false,
      deviationCell: e.deviationCell?.address ?? null,
      deviation: explanation,
    },
    entry: e,
    weight,
    enteredScore,
    settled,
    counts: weight !== null || context.layout === 'level-weights',
    findings,
    writes: plan.patches,
    marks,
  };
}

/**
 * The profile's over-achievement deduction (docs/profiles.md): a positive actual at or above
 * `ratio` × its target with no reason given keeps (1 − share) of the weight. Off nationally.
 */
function deducted(
  verdict: IndicatorVerdict | null,
  weight: Decimal | null,
  e: IndicatorEntry,
  profile: Profile,
): (IndicatorVerdict & { deduction?: string }) | null {
  const rule = profile.overAchievementDeduction;
  if (!verdict || !rule || weight === null || verdict.judgement || !verdict.met || !verdict.reached || e.deviation.trim() !== '')
    return verdict;
  if (verdict.reached.num.lt(verdict.reached.den.times(rule.ratio))) return verdict;
  const kept = share(new Decimal(1).minus(rule.share), new Decimal(1));
  const score = scoreOf(weight, kept);
  const deduction =
    `实际完成值是目标的 ${sharePercent(verdict.reached)}，达到 ${percent2(new Decimal(rule.ratio))} 以上且未说明原因；` +
    `按所用配置扣去分值的 ${percent2(new Decimal(rule.share))}，得 ${fixed2(score)} 分。请说明超额原因，或核实目标是否定得偏低。`;
  return { ...verdict, score, fraction: kept, deduction };
}

interface RowFigures {
  weight: Decimal | null;
  settled: Decimal | null;
  enteredScore: Decimal | null;
  met: boolean | null;
}

/**
 * The row's 偏差原因: needed when it lost points (the rule or the person gave less than its weight,
 * a met row scored down by hand included), or when its actual misses its target (the national rule;
 * always in a form that is not scored). A layout without an explanation column says so once for
 * the form instead (engine.ts); the standard form without one marks the score cell.
 */
function explainRow(
  e: IndicatorEntry,
  label: string,
  f: RowFigures,
  profile: Profile,
  context: RowContext,
  findings: Finding[],
  marks: Mark[],
  sheet: string,
): void {
  const where = e.deviationCell ?? (context.layout === 'standard' ? e.scoreCell : null);
  if (!where) return;
  const given = [f.settled, f.enteredScore].filter((x): x is Decimal => x !== null);
  const lowest = given.length > 0 ? Decimal.min(...given) : null;
  const lostPoints = f.weight !== null && lowest !== null && lowest.lt(f.weight);
  const unmetNeedsReason = profile.deviationRequiredWhen === 'unmet' || context.layout === 'targets-only';
  if (!lostPoints && !(unmetNeedsReason && f.met === false)) return;
  const why =
    lostPoints && f.weight !== null && lowest !== null ? `得分 ${fixed2(lowest)} 低于分值 ${plain(f.weight)}` : '实际完成值未达到目标';
  const explanation = e.deviation.trim();
  const mark = (kind: Mark['kind']) => marks.push({ sheet, cell: where.address, row: where.row, col: where.col, kind });
  if (explanation === '') {
    findings.push(
      finding('deviation.missing', sheet, where.address, `“${label}”${why}，但没有填写偏差原因分析及改进措施；请说明原因和改进办法。`),
    );
    mark('needs-explanation');
  } else if (isBoilerplate(explanation)) {
    findings.push(
      finding(
        'deviation.boilerplate',
        sheet,
        where.address,
        `“${label}”${why}，偏差原因只写了“${short(explanation)}”；请写明未达标的原因和改进措施。`,
      ),
    );
    mark('needs-explanation');
  } else {
    mark('explained-loss');
  }
}

interface CoefficientFigures {
  weight: Decimal | null;
  enteredScore: Decimal | null;
  enteredCoefficient: Decimal | null;
  scored: IndicatorVerdict | null;
  settled: Decimal | null;
}

/**
 * 得分系数 (the coefficients layout): the rule's coefficient is the share of the weight the rule
 * gives; a printed one that is not the rule's rounded is a mismatch, and 得分 must be 得分系数 ×
 * 指标权重. Returns the coefficient the row settles on.
 */
function checkCoefficient(
  grid: Grid,
  e: IndicatorEntry,
  label: string,
  f: CoefficientFigures,
  findings: Finding[],
  plan: WritePlan,
): Decimal | null {
  const cell = e.coefficientCell;
  if (!cell) return null;
  const rule = f.scored && !f.scored.judgement && f.scored.fraction ? fractionOf(f.scored.fraction, 4) : null;
  if (rule !== null) {
    if (f.enteredCoefficient !== null && f.enteredCoefficient.minus(rule).abs().gt(COEFFICIENT_TOLERANCE)) {
      findings.push(
        finding(
          'score.mismatch',
          grid.sheet,
          cell.address,
          `“${label}”得分系数填的是 ${plain(f.enteredCoefficient)}，按规则应为 ${plain(rule)}（${scoreBasis(f.scored as IndicatorVerdict, e)}）。`,
        ),
      );
    }
    if (f.enteredCoefficient === null || !f.enteredCoefficient.eq(rule))
      plan.number(cell, rule, { format: 'General', reason: 'score', text: plain(rule) });
    return rule;
  }
  // A judgement row keeps the person's coefficient: its 得分 must still be 得分系数 × 指标权重.
  if (f.enteredCoefficient !== null && f.weight !== null && f.enteredScore !== null && e.scoreCell) {
    const product = round2(f.enteredCoefficient.times(f.weight));
    if (product.minus(f.enteredScore).abs().gt(TOLERANCE)) {
      findings.push(
        finding(
          'score.mismatch',
          grid.sheet,
          e.scoreCell.address,
          `“${label}”得分填的是 ${plain(f.enteredScore)}，得分系数 ${plain(f.enteredCoefficient)} × 指标权重 ${plain(f.weight)} 应为 ${fixed2(product)}。`,
        ),
      );
    }
  }
  return f.enteredCoefficient;
}

function sentence(text: string): string {
  return /[。！？.!?]$/.test(text) ? text : `${text}。`;
}

function isEmpty(grid: Grid, at: { row: number; col: number }): boolean {
  const v = grid.raw(at.row, at.col).value;
  return v === null || (typeof v === 'string' && v.trim() === '');
}

function noteCell(code: string, e: IndicatorEntry) {
  if ((code === 'indicator.wrong-direction' || code === 'indicator.equal-missed') && e.scoreCell) return e.scoreCell;
  return e.actualCell ?? e.scoreCell ?? e.nameCell;
}

function scoreBasis(v: IndicatorVerdict & { deduction?: string }, e: IndicatorEntry): string {
  if (v.deduction) return '超额完成而未说明原因，按所用配置扣分';
  if (v.met) return '已达到目标，得满分';
  return `目标 ${short(e.target)}，实际 ${short(e.actual)}`;
}
