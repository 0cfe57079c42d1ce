// The indicator rows (docs/rules.md "Indicators"): each row's verdict, its settled score, and the checks on it.
import Decimal from 'decimal.js';
import { finding } from './findings';
import { readFigure } from './cell-number';
import { fixed2, plain, round2, TOLERANCE } from './exact';
import type { Grid } from './grid';
import { assessIndicator, type IndicatorVerdict } from './verdict';
import { WritePlan } from './patch';
import type { Profile } from './profile';
import type { IndicatorEntry } from './read';
import type { IndicatorReport, Mark } from './report';
import { short } from './text';
import type { CellPatch, Finding } from './types';

export interface IndicatorResult {
  report: IndicatorReport;
  entry: IndicatorEntry;
  weight: Decimal | null;
  enteredScore: Decimal | null;
  /** The score the total counts. */
  settled: Decimal | null;
  findings: Finding[];
  writes: CellPatch[];
  marks: Mark[];
}

/** Texts that explain nothing (docs/rules.md, deviation.boilerplate). */
const BOILERPLATE = /^(完成绩效目标|已完成|完成|达到目标|已达成|达成|无|\/|-+|—+|0|无偏差|正常)[。.]?$/;
/** A 10,000-character explanation is kept as typed but flagged: forms print on one page. */
const LONG_TEXT = 2000;

/** An explanation that says nothing about a shortfall ("完成绩效目标", "无", "/"). */
export function isBoilerplate(text: string): boolean {
  return BOILERPLATE.test(text.replace(/\s+/g, ''));
}

export interface RowContext {
  /** The whole form is not yet scored: an empty 得分 is expected, said once for the form. */
  unscored: boolean;
}

export function evaluateIndicator(grid: Grid, e: IndicatorEntry, profile: Profile, context: RowContext = { unscored: false }): IndicatorResult {
  const sheet = grid.sheet;
  const findings: Finding[] = [];
  const plan = new WritePlan(grid, findings);
  const marks: Mark[] = [];
  const label = short(e.name || `第 ${e.row} 行`, 24);
  const weight = readFigure(grid, e.weightCell, findings, { what: `“${label}”的分值` });
  const enteredScore = readFigure(grid, e.scoreCell, findings, { what: `“${label}”的得分` });
  const scoreEmpty = isEmpty(grid, e.scoreCell);

  if (weight === null && isEmpty(grid, e.weightCell)) {
    findings.push(finding('weight.missing', sheet, e.weightCell.address, `“${label}”没有分值；请填写该指标的分值。`));
  }
  if (e.target === '' && e.targetCell) {
    findings.push(finding('indicator.missing-target', sheet, e.targetCell.address, `“${label}”没有年度指标值；请填写目标。`));
  }
  if (e.target !== '' && e.actual === '' && e.actualCell) {
    findings.push(finding('indicator.missing-actual', sheet, e.actualCell.address, `“${label}”有目标“${short(e.target)}”，但实际完成值为空；请填写实际完成值。`));
  }

  let verdict: IndicatorVerdict | null = null;
  if (weight !== null && e.target !== '' && e.actual !== '') {
    verdict = assessIndicator({ target: e.target, actual: e.actual, weight, level2: e.level2 }, profile);
  }

  // The score the total counts: rule-determined, or the person's judgement kept inside its band.
  let settled: Decimal | null = enteredScore;
  let suggested = false;
  if (verdict && verdict.score !== null) {
    if (!verdict.judgement) {
      settled = verdict.score;
    } else if (enteredScore !== null && verdict.band && enteredScore.gte(verdict.band.low) && enteredScore.lte(verdict.band.high)) {
      settled = enteredScore;
    } else {
      if (enteredScore !== null && verdict.band && verdict.kind === 'qualitative') {
        findings.push(
          finding('score.out-of-band', sheet, e.scoreCell.address,
            `“${label}”评为“${verdict.grade ?? ''}”，得分应在 ${fixed2(verdict.band.low)}–${fixed2(verdict.band.high)} 之间，填的是 ${plain(enteredScore)}；重算将改为 ${fixed2(verdict.score)}。`),
        );
      }
      settled = verdict.score;
      suggested = enteredScore === null;
    }
  }
  if (verdict) {
    for (const note of verdict.notes) findings.push(finding(note.code, sheet, noteCell(note.code, e).address, `“${label}”：${sentence(note.detail)}`));
  }

  if (weight !== null && enteredScore !== null) {
    if (enteredScore.gt(weight)) {
      findings.push(finding('score.over-max', sheet, e.scoreCell.address, `“${label}”得分 ${plain(enteredScore)} 超过分值 ${plain(weight)}；得分不能高于分值。`));
    }
    if (enteredScore.lt(0)) {
      findings.push(finding('score.negative', sheet, e.scoreCell.address, `“${label}”得分为负数 ${plain(enteredScore)}；请改正。`));
    }
  }
  if (weight !== null && scoreEmpty && !context.unscored) {
    findings.push(
      finding('score.missing', sheet, e.scoreCell.address,
        settled !== null ? `“${label}”得分未填写；按规则应为 ${fixed2(settled)}，重算会填入。` : `“${label}”得分未填写；请按评分标准填写。`),
    );
  }
  if (verdict && !verdict.judgement && verdict.score !== null && enteredScore !== null && enteredScore.minus(verdict.score).abs().gt(TOLERANCE)) {
    findings.push(
      finding('score.mismatch', sheet, e.scoreCell.address,
        `“${label}”得分填的是 ${plain(enteredScore)}，按规则应为 ${fixed2(verdict.score)}（${scoreBasis(verdict, e)}）。`),
    );
  }
  if (verdict?.met === false) {
    findings.push(finding('indicator.unmet', sheet, (e.actualCell ?? e.scoreCell).address, `“${label}”未达到年度指标值（目标 ${short(e.target)}，实际 ${short(e.actual)}）。`));
  }

  // A row lost points when the rule or the person gave it less than its weight: a met row scored
  // below its weight by hand needs the reason as much as a missed one.
  const given = [settled, enteredScore].filter((x): x is Decimal => x !== null);
  const lowest = given.length > 0 ? Decimal.min(...given) : null;
  const lostPoints = weight !== null && lowest !== null && lowest.lt(weight);
  const needsExplanation = lostPoints || (profile.deviationRequiredWhen === 'unmet' && verdict?.met === false);
  const explanation = e.deviation.trim();
  const where = e.deviationCell ?? e.scoreCell;
  if (needsExplanation) {
    const why = lostPoints && weight !== null && lowest !== null ? `得分 ${fixed2(lowest)} 低于分值 ${plain(weight)}` : '实际完成值未达到目标';
    if (explanation === '') {
      findings.push(finding('deviation.missing', sheet, where.address, `“${label}”${why}，但没有填写偏差原因分析及改进措施；请说明原因和改进办法。`));
      marks.push({ sheet, cell: where.address, row: where.row, col: where.col, kind: 'needs-explanation' });
    } else if (isBoilerplate(explanation)) {
      findings.push(finding('deviation.boilerplate', sheet, where.address, `“${label}”${why}，偏差原因只写了“${short(explanation)}”；请写明未达标的原因和改进措施。`));
      marks.push({ sheet, cell: where.address, row: where.row, col: where.col, kind: 'needs-explanation' });
    } else {
      marks.push({ sheet, cell: where.address, row: where.row, col: where.col, kind: 'explained-loss' });
    }
  }
  if (verdict?.met === false && weight !== null && enteredScore !== null && enteredScore.eq(weight)) {
    findings.push(finding('deviation.contradiction', sheet, e.scoreCell.address, `“${label}”未达到目标却得满分 ${plain(weight)}；请核对得分或实际完成值。`));
  }
  if (explanation.length > LONG_TEXT && e.deviationCell) {
    findings.push(finding('text.too-long', sheet, e.deviationCell.address, `“${label}”的偏差原因有 ${explanation.length} 个字，打印时放不下；请精简到 ${LONG_TEXT} 字以内。`));
  }

  if (settled !== null && verdict && verdict.score !== null) {
    plan.number(e.scoreCell, round2(settled), { format: '0.00', reason: 'score', text: fixed2(settled), suggested });
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
      scoreCell: e.scoreCell.address,
      coefficient: null,
      core: null,
      judgement: verdict?.judgement ?? false,
      deviationCell: e.deviationCell?.address ?? null,
      deviation: e.deviation.trim(),
    },
    entry: e,
    weight,
    enteredScore,
    settled,
    findings,
    writes: plan.patches,
    marks,
  };
}

function sentence(text: string): string {
  return /[。！？.!?]$/.test(text) ? text : `${text}。`;
}

function isEmpty(grid: Grid, at: { row: number; col: number }): boolean {
  const v = grid.raw(at.row, at.col).value;
  return v === null || (typeof v === 'string' && v.trim() === '');
}

function noteCell(code: string, e: IndicatorEntry) {
  if (code === 'indicator.wrong-direction' || code === 'indicator.equal-missed') return e.scoreCell;
  return e.actualCell ?? e.scoreCell;
}

function scoreBasis(v: IndicatorVerdict, e: IndicatorEntry): string {
  if (v.met) return '已达到目标，得满分';
  return `目标 ${short(e.target)}，实际 ${short(e.actual)}`;
}
