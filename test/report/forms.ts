// Forms for the report tests, built from the sample sketches in code.
import { analyzeSheet } from '../../src/core/engine';
import type { FormReport } from '../../src/core/report';
import { projectSketch } from '../fixtures/project';
import { seedRows, seedSketch } from '../fixtures/seed';
import { sketchToSnapshot, type SheetSketch } from '../../src/core/sketch';

export function formOf(sketch: SheetSketch): FormReport {
  const forms = analyzeSheet(sketchToSnapshot(sketch)).forms;
  if (forms.length !== 1) throw new Error(`expected one form on ${sketch.name}, found ${forms.length}`);
  return forms[0];
}

export const seedForm = (): FormReport => formOf(seedSketch);
export const projectForm = (): FormReport => formOf(projectSketch);

/** The seed with the explanations of the rows that lost points emptied (H19, H23, H27 → column I). */
export const SEED_LOST_ROWS = ['男性家族排查系统建设DNA数据采集数', '加强教育培训，民、辅警业务培训人次', '刑事案件发案率与上年比较'];

export function seedWithoutExplanations(): FormReport {
  const rows = seedSketch.rows.map((r, i) => {
    const row = i + 1;
    const lost = [19, 23, 27].includes(row) && row >= seedRows.firstIndicator;
    return lost ? r.map((c, k) => (k === 8 ? null : c)) : r;
  });
  return formOf({ ...seedSketch, rows });
}

/** The seed as a special-fund form reads: no 分值, no 得分, no total and no grade. */
export function unscoredForm(): FormReport {
  const seed = seedForm();
  return {
    ...seed,
    budget: seed.budget && { ...seed.budget, weight: null, score: null, enteredScore: null, scoreCell: null },
    indicators: seed.indicators.map((i) => ({ ...i, weight: null, score: null, enteredScore: null })),
    levels: [],
    total: null,
    grade: null,
    gradeCell: null,
    enteredGrade: null,
    writes: [],
    scoring: 'not-scored',
  };
}
