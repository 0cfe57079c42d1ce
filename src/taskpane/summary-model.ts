// The summary card of each form: each figure as the sheet holds it (表中) beside the figure by the
// rules (按规则), as the CLI shows them, and a bar per 一级指标. Pure: tested in Node.
import type { FormReport, SheetReport } from '../core/report';
import { t, type Locale } from './i18n';

export interface FigureRow {
  label: string;
  /** What the sheet holds now; null when the cell is empty. */
  sheet: string | null;
  /** What the rules give; null when it cannot be computed. */
  rules: string | null;
  /** The two differ (an empty cell beside a computed figure counts as a difference). */
  differs: boolean;
  /** The cell to show when the row is clicked. */
  cell: string | null;
}

export interface LevelBar {
  name: string;
  score: string;
  weight: string;
  /** Score over weight, 0 to 1, for the bar's width. */
  ratio: number;
  text: string;
}

export interface FormSummary {
  sheet: string;
  title: string;
  rows: FigureRow[];
  /** True when any row differs: the card then shows the two columns. */
  differs: boolean;
  /** 未评分 / 不评分, said plainly; null for a scored form. */
  scoring: string | null;
  /** Why there is no total (and so no grade) to show, or null. */
  noTotal: string | null;
  levels: LevelBar[];
}

/** Two figures are the same number as shown to two decimals ("96" and "96.00"; "100%" and "100.00%"). */
function same(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const n = (s: string): number => (s.endsWith('%') ? Number(s.slice(0, -1)) / 100 : Number(s));
  const x = n(a);
  const y = n(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return a.trim() === b.trim();
  return Math.abs(x - y) < (a.endsWith('%') || b.endsWith('%') ? 0.00005 : 0.005);
}

function row(label: string, sheet: string | null, rules: string | null, cell: string | null): FigureRow {
  return { label, sheet, rules, differs: rules !== null && !same(sheet, rules), cell };
}

function formSummary(f: FormReport, locale: Locale): FormSummary {
  const rows: FigureRow[] = [];
  if (f.budget) {
    rows.push(row(t(locale, 'rate'), f.budget.enteredRate, f.budget.rate, f.budget.cell));
    const weight = f.budget.weight ? t(locale, 'outOf', { weight: f.budget.weight }) : '';
    rows.push(row(`${t(locale, 'budgetScore')}${weight}`, f.budget.enteredScore, f.budget.score, f.budget.scoreCell));
  }
  let noTotal: string | null = null;
  if (f.total) {
    // An incomplete total is only a partial sum: no figure by the rules, and no grade.
    const rules = f.total.complete ? f.total.score : null;
    if (!f.total.complete) noTotal = t(locale, 'totalIncomplete', { partial: f.total.score });
    rows.push(row(`${t(locale, 'total')}${t(locale, 'outOf', { weight: f.total.weight })}`, f.total.enteredScore, rules, f.total.cell));
    // A grade only goes with a total: without one there is nothing it grades.
    if (f.grade !== null && f.gradeCell !== null) rows.push(row(t(locale, 'grade'), f.enteredGrade, f.grade, f.gradeCell));
    // A form without a grade cell: the grade by the rules, with nothing in the sheet to differ from.
    if (f.grade !== null && f.gradeCell === null)
      rows.push({ label: t(locale, 'grade'), sheet: t(locale, 'noGradeCell'), rules: f.grade, differs: false, cell: null });
  } else if (f.scoring !== 'not-scored') {
    noTotal = t(locale, 'noTotalRow');
  }
  return {
    sheet: f.sheet,
    title: f.unit ?? f.sheet,
    rows,
    differs: rows.some((r) => r.differs),
    scoring: f.scoring === 'scored' ? null : t(locale, `scoring.${f.scoring}`),
    noTotal,
    levels: f.levels.map((l) => {
      const score = Number(l.score);
      const weight = Number(l.weight);
      const ratio = weight > 0 && Number.isFinite(score) ? Math.min(1, Math.max(0, score / weight)) : 0;
      return { name: l.name, score: l.score, weight: l.weight, ratio, text: t(locale, 'levelScore', { score: l.score, weight: l.weight }) };
    }),
  };
}

export function summarize(reports: SheetReport[], locale: Locale): FormSummary[] {
  return reports.flatMap((r) => r.forms.map((f) => formSummary(f, locale)));
}
