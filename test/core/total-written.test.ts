// The total a recompute writes is the sum of the 得分 column as the recompute leaves it, so the
// sheet adds up and the next check agrees with what was written (one figure, from one place).
import { analyzeSheet } from '../../src/core/engine';
import { applyToSnapshot } from '../../src/core/patch';
import type { Snapshot } from '../../src/core/types';
import { seedRows, seedSketch } from '../fixtures/seed';
import { sketchToSnapshot } from '../../src/core/sketch';

const SCORE_COL = 8; // H
/** 男性家族排查系统建设DNA数据采集数: by the rules 1.92, the form says 1. */
const DNA_ROW = seedRows.firstIndicator + 5;

function seedWith(row: number, cell: Snapshot['cells'][number][number]): Snapshot {
  const snap = sketchToSnapshot(seedSketch);
  snap.cells[row - snap.top][SCORE_COL - snap.left] = cell;
  return snap;
}

function recomputeTwice(snap: Snapshot) {
  const first = analyzeSheet(snap).forms[0];
  const after = applyToSnapshot(snap, first.writes);
  return { first, second: analyzeSheet(after).forms[0] };
}

test.each([
  ['a score kept as a formula', { value: 1, formula: '=0.5+0.5' }],
  ['a note typed where a score goes', { value: '见说明' }],
])('with %s, the total written is what the column adds up to, and the next check agrees', (_what, cell) => {
  const { first, second } = recomputeTwice(seedWith(DNA_ROW, cell));
  const column = typeof cell.value === 'number' ? '96.95' : '95.95';
  expect(first.writes.find((w) => w.reason === 'total-score')?.text).toBe(column);
  // By the rules the total stays 97.87: the pane shows both, the finding on the kept cell explains.
  expect(second.total?.score).toBe('97.87');
  expect(second.total?.enteredScore).toBe(column);
  expect(second.findings.map((f) => f.code)).not.toContain('total.mismatch');
  expect(second.findings.map((f) => f.code)).not.toContain('grade.mismatch');
  expect(second.writes).toEqual([]);
});

test('when every cell is written, the total written is the total by the rules', () => {
  const { first, second } = recomputeTwice(sketchToSnapshot(seedSketch));
  expect(first.writes.find((w) => w.reason === 'total-score')?.text).toBe('97.87');
  expect(second.total).toMatchObject({ score: '97.87', enteredScore: '97.87' });
  expect(second.writes).toEqual([]);
});
