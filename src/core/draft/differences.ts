// Where the sheet's own figures differ from the recomputed ones: the draft says so at its top, and
// the pane offers to recompute before drafting.
import { parseNumberText } from '../cell-number';
import type { FormReport } from '../report';
import { normaliseGrade } from '../totals';

export interface FigureDifference {
  cell: string;
  /** What the figure is: 总分, 预算执行率, “移送起诉率”得分… */
  what: string;
  /** As the sheet holds it ('' when the cell is empty). */
  entered: string;
  computed: string;
}

function sameFigure(entered: string, computed: string): boolean {
  const a = parseNumberText(entered);
  const b = parseNumberText(computed);
  return a.kind === 'number' && b.kind === 'number' && a.value.eq(b.value);
}

/** Every figure the sheet shows otherwise than the rules give it, in form order. */
export function figureDifferences(form: FormReport): FigureDifference[] {
  const out: FigureDifference[] = [];
  const add = (cell: string | null, what: string, entered: string | null, computed: string | null) => {
    if (cell === null || computed === null) return;
    if (entered !== null && sameFigure(entered, computed)) return;
    out.push({ cell, what, entered: entered ?? '', computed });
  };
  const b = form.budget;
  if (b) {
    add(b.cell, '预算执行率', b.enteredRate, b.rate);
    add(b.scoreCell, '预算执行得分', b.enteredScore, b.score);
  }
  for (const i of form.indicators) add(i.scoreCell, `“${i.name}”得分`, i.enteredScore, i.score);
  if (form.total) add(form.total.cell, '总分', form.total.enteredScore, form.total.score);
  if (form.grade !== null && form.gradeCell !== null && (form.enteredGrade === null || normaliseGrade(form.enteredGrade) !== form.grade)) {
    out.push({ cell: form.gradeCell, what: '自评等级', entered: form.enteredGrade ?? '', computed: form.grade });
  }
  return out;
}
