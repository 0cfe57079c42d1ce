// The engine's entry points: a sheet's snapshot in, every form on it read, scored and planned;
// a workbook's snapshots in, each sheet so, with the one rule for sheets that hold no form.
import Decimal from 'decimal.js';
import { parseA1 } from './address';
import { evaluateBudget, type BudgetResult } from './budget';
import { finding, sortFindings } from './findings';
import { Grid } from './grid';
import { evaluateIndicator, isBoilerplate } from './indicators';
import { locateForms, type FormLocation } from './locate';
import { NATIONAL, type Profile } from './profile';
import { readForm, type CellRef, type FormEntries } from './read';
import type { FormReport, Mark, ScoringStatus, SheetReport, TotalReport } from './report';
import { evaluateLevels, evaluateTotal } from './totals';
import { short } from './text';
import type { CellPatch, Finding, Snapshot } from './types';

export function analyzeSheet(snapshot: Snapshot, profile: Profile = NATIONAL): SheetReport {
  try {
    return analyze(snapshot, profile);
  } catch (e) {
    // A defect must not cost the person the rest of the batch: say so on the sheet and go on.
    const reason = e instanceof Error ? e.message : String(e);
    return {
      sheet: snapshot.sheet,
      forms: [],
      findings: [
        finding(
          'form.unreadable',
          snapshot.sheet,
          'A1',
          `读取这张工作表时出错（${short(reason, 80)}），未做任何修改；请把文件发给维护人员。`,
        ),
      ],
    };
  }
}

/**
 * Every sheet of a workbook (or the sheets a door read), analysed by one rule: a sheet without a
 * form is an error (form.not-found) only when no sheet holds a form. Beside a form, a cover page or
 * a weights sheet is reported with no form and no finding, so check and recompute, the command
 * and the add-in, all say the same.
 */
export function analyzeWorkbook(snapshots: readonly Snapshot[], profile: Profile = NATIONAL): SheetReport[] {
  const reports = snapshots.map((s) => analyzeSheet(s, profile));
  if (!reports.some((r) => r.forms.length > 0)) return reports;
  return reports.map((r) => (r.forms.length > 0 ? r : { ...r, findings: r.findings.filter((f) => f.code !== 'form.not-found') }));
}

function analyze(snapshot: Snapshot, profile: Profile): SheetReport {
  const grid = new Grid(snapshot);
  const locations = locateForms(grid);
  if (locations.length === 0) {
    return {
      sheet: snapshot.sheet,
      forms: [],
      findings: [
        finding(
          'form.not-found',
          snapshot.sheet,
          'A1',
          '这张工作表上没有找到绩效自评表：需要一行含“三级指标”“年度指标值/实际完成值”“分值”“得分”的表头。',
        ),
      ],
    };
  }
  return { sheet: snapshot.sheet, forms: locations.map((loc) => analyzeForm(grid, loc, profile)), findings: [] };
}

function analyzeForm(grid: Grid, loc: FormLocation, profile: Profile): FormReport {
  const sheet = grid.sheet;
  const form = readForm(grid, loc);
  let findings: Finding[] = scanErrors(grid, form);
  for (const u of loc.indicators.unknown) {
    findings.push(
      finding(
        'form.unknown-column',
        sheet,
        grid.address(loc.indicators.row, u.col),
        `表头“${short(u.label)}”不是自评表的标准列，已忽略该列。`,
      ),
    );
  }
  for (const g of form.goals) {
    if (g.text === '')
      findings.push(finding('goal.missing', sheet, g.textCell.address, `${g.label}未填写；请填写年度总体目标的${g.label}。`));
  }
  const layout = form.layout;
  const header = grid.address(loc.indicators.row, loc.indicators.columns.score ?? loc.indicators.columns.name);
  const scoring = scoringOf(grid, form);
  const unscored = scoring === 'not-yet-scored';
  if (unscored) {
    findings.push(
      finding(
        'form.unscored',
        sheet,
        header,
        '得分栏全部为空：这张表尚未评分。重算会按规则填入各项得分和总分，定性指标填入建议分，请逐项核对。',
      ),
    );
  }
  if (scoring === 'not-scored') {
    findings.push(
      finding(
        'form.not-scored',
        sheet,
        header,
        '这张表没有分值和得分栏（不评分）：只核对执行率、各项目标的完成情况和未完成原因，不计算得分、总分和等级。',
      ),
    );
  }
  const budget: BudgetResult | null = form.budget ? evaluateBudget(grid, form.budget, profile) : null;
  const rows = form.indicators.map((e) => evaluateIndicator(grid, e, profile, { layout, unscored }));
  const levels = evaluateLevels(grid, rows, budget?.weight ?? null, budget?.report.scoreCell ?? null, profile, layout);
  const total =
    scoring === 'not-scored'
      ? { report: null, grade: null, enteredGrade: null, findings: [], writes: [] }
      : evaluateTotal(grid, form, rows, budget ?? { score: null, weight: null, enteredScore: null, writes: [], rate: null }, profile, {
          indicatorWeight: levels.indicatorWeight,
          unscored,
        });
  const unchecked = uncheckedByLayout(grid, form, header, total.report);

  // concat, not push(...): a form of many thousand rows would overflow the call stack.
  findings = findings.concat(
    budget?.findings ?? [],
    rows.flatMap((r) => r.findings),
    levels.findings,
    total.findings,
    unchecked,
  );
  const marks = markCells(
    grid,
    findings,
    rows.flatMap((r) => r.marks),
  );
  return {
    sheet,
    type: form.type,
    layout,
    scoring,
    anchor: form.anchor.address,
    unit: form.unit,
    year: form.year,
    goals: form.goals.map((g) => ({ label: g.label, text: g.text, cell: g.textCell.address })),
    budget: budget?.report ?? null,
    indicators: rows.map((r) => r.report),
    levels: levels.levels,
    total: total.report,
    grade: total.grade,
    gradeCell: form.grade?.valueCell.address ?? null,
    enteredGrade: total.enteredGrade,
    findings: sortFindings(findings),
    writes: oncePerCell(
      (budget?.writes ?? []).concat(
        rows.flatMap((r) => r.writes),
        total.writes,
      ),
    ),
    marks,
  };
}

/**
 * What a layout without a column cannot check, said once for the form; and the one footer
 * explanation of a form weighted by level, which must account for the points lost.
 */
function uncheckedByLayout(grid: Grid, form: FormEntries, header: string, total: TotalReport | null): Finding[] {
  const out: Finding[] = [];
  const sheet = grid.sheet;
  if (form.layout === 'level-weights') {
    out.push(
      finding(
        'form.unchecked',
        sheet,
        header,
        '本表没有分值列：各指标的满分未知，只核对各级得分合计不超过该级分值，不按规则重算单项得分。',
      ),
    );
  }
  if (form.layout === 'targets-only' || form.indicators.some((e) => e.deviationCell !== null)) return out;
  const lost = total !== null && total.complete && new Decimal(total.score).lt(total.weight);
  const footer = form.explanation;
  if (footer && lost) {
    const text = footer.text.trim();
    const why = `总分 ${total.score} 低于 ${total.weight} 分`;
    if (text === '')
      out.push(
        finding(
          'deviation.missing',
          sheet,
          footer.textCell.address,
          `${why}，但偏差原因分析及改进措施未填写；请说明失分的原因和改进办法。`,
        ),
      );
    else if (isBoilerplate(text))
      out.push(
        finding(
          'deviation.boilerplate',
          sheet,
          footer.textCell.address,
          `${why}，偏差原因只写了“${short(text)}”；请写明失分的原因和改进措施。`,
        ),
      );
  } else if (!footer && form.layout !== 'standard') {
    out.push(finding('form.unchecked', sheet, header, '本表没有偏差原因栏：无法核对失分或未达标的指标是否写明了原因。'));
  }
  return out;
}

/** 'not-scored' for a layout without 得分; 'not-yet-scored' when every 得分 cell of the form (rows, budget, total) is empty. */
function scoringOf(grid: Grid, form: FormEntries): ScoringStatus {
  if (form.layout === 'targets-only') return 'not-scored';
  const cells = form.indicators.map((e) => e.scoreCell).concat(form.budget?.cells.score ?? null, form.total?.scoreCell ?? null);
  const empty = (at: CellRef | null) => {
    if (!at) return true;
    const c = grid.raw(at.row, at.col);
    return c.formula === undefined && (c.value === null || (typeof c.value === 'string' && c.value.trim() === ''));
  };
  return form.indicators.length > 0 && cells.every(empty) ? 'not-yet-scored' : 'scored';
}

/**
 * The plan without any cell planned twice: two rules aiming at one cell means the form was read
 * wrong there (a merged cell taken for several rows' own), so neither figure is written.
 */
function oncePerCell(writes: CellPatch[]): CellPatch[] {
  const count = new Map<string, number>();
  for (const w of writes) count.set(w.cell, (count.get(w.cell) ?? 0) + 1);
  return writes.filter((w) => count.get(w.cell) === 1);
}

/** Every cell of the form that shows an Excel error, reported once. */
function scanErrors(grid: Grid, form: FormEntries): Finding[] {
  const out: Finding[] = [];
  const { top, bottom, left, right } = form.rows;
  for (let row = top; row <= bottom; row++) {
    for (let col = Math.max(grid.left, left - 2); col <= right + 3; col++) {
      const c = grid.raw(row, col);
      if (!c.error) continue;
      out.push(
        finding(
          'formula.error',
          grid.sheet,
          grid.address(row, col),
          `该格显示错误 ${String(c.value)}${c.formula ? `（公式 ${c.formula}）` : ''}；请修正公式或改填数值。`,
        ),
      );
    }
  }
  return out;
}

/** Explanation marks from the rows, plus an error mark on every other cell with an error finding. */
function markCells(grid: Grid, findings: Finding[], rowMarks: Mark[]): Mark[] {
  const marks = new Map<string, Mark>();
  for (const m of rowMarks) marks.set(m.cell, m);
  for (const f of findings) {
    if (f.severity !== 'error' || marks.has(f.cell)) continue;
    const at = parseA1(f.cell);
    if (at) marks.set(f.cell, { sheet: grid.sheet, cell: f.cell, row: at.row, col: at.col, kind: 'error' });
  }
  return [...marks.values()];
}
