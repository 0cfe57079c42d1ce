import { sketchToSnapshot, moveSketch, parseRange, type SheetSketch } from '../../src/core/sketch';
import { seedSketch, seedSketchAt, seedRows } from '../fixtures/seed';
import { projectSketch } from '../fixtures/project';
import { labelKey } from '../../src/core/text';
import type { Snapshot } from '../../src/core/types';

function at(s: Snapshot, address: string) {
  const r = parseRange(address);
  return s.cells[r.top - s.top]?.[r.left - s.left];
}

describe('sketchToSnapshot', () => {
  const sketch: SheetSketch = {
    name: 'S',
    origin: { row: 3, col: 2 },
    rows: [
      ['标签', 1.5, null],
      [{ formula: 'C3*2', value: 3 }, { error: '#DIV/0!' }, { formula: '=SUM(C3:C3)' }],
    ],
    merges: ['B3:B4'],
    formats: { C3: '0.00' },
  };
  const snap = sketchToSnapshot(sketch);

  it('places cells at the origin with merges, formats, formulas and errors', () => {
    expect(snap).toMatchObject({ sheet: 'S', top: 3, left: 2, mergesKnown: true });
    expect(snap.merges).toEqual([{ top: 3, left: 2, bottom: 4, right: 2 }]);
    expect(at(snap, 'C3')).toEqual({ value: 1.5, numberFormat: '0.00' });
    expect(at(snap, 'B4')).toEqual({ value: 3, formula: '=C3*2' });
    expect(at(snap, 'C4')).toEqual({ value: '#DIV/0!', error: true });
    expect(at(snap, 'D4')).toEqual({ value: null, formula: '=SUM(C3:C3)' });
  });

  it('moves merges and formats with the sheet', () => {
    const moved = sketchToSnapshot(moveSketch(sketch, { row: 10, col: 5 }));
    expect(moved.merges).toEqual([{ top: 10, left: 5, bottom: 11, right: 5 }]);
    expect(at(moved, 'F10')).toEqual({ value: 1.5, numberFormat: '0.00' });
  });
});

describe('the seed sketch', () => {
  const snap = sketchToSnapshot(seedSketch);
  const indicatorRows = snap.cells.slice(seedRows.firstIndicator - 1, seedRows.lastIndicator);

  it('keeps the published weights and scores: 90 points of indicators, 86 scored, total 100 / 96', () => {
    const weights = indicatorRows.reduce((sum, row) => sum + Number(row[6].value), 0);
    const scores = indicatorRows.reduce((sum, row) => sum + Number(row[7].value), 0);
    expect(weights).toBe(90);
    expect(scores).toBe(86);
    expect(at(snap, `G${seedRows.total}`)?.value).toBe(100);
    expect(at(snap, `H${seedRows.total}`)?.value).toBe(96);
  });

  it('holds the published budget row with text where the form has text', () => {
    expect(snap.cells[4].map((c) => c.value)).toEqual([
      '预算申请\n（万元）',
      '年度资金总额',
      5685.44,
      8016.09,
      8016.09,
      '10分',
      '100%',
      10,
      null,
    ]);
  });

  it('has labels that normalise to the standard header', () => {
    expect(snap.cells[3].map((c) => labelKey(String(c.value ?? '')))).toEqual([
      '年度',
      '',
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '分值',
      '执行率',
      '得分',
      '',
    ]);
  });

  it('merges each 一级 and 二级 label down over its rows', () => {
    const merged = snap.merges.filter((m) => m.left === 2 && m.top >= seedRows.firstIndicator);
    expect(merged.map((m) => m.bottom - m.top + 1)).toEqual([20, 4, 3]);
  });

  it('can start anywhere', () => {
    const moved = sketchToSnapshot(seedSketchAt({ row: 5, col: 3 }));
    expect(at(moved, `J${seedRows.total + 4}`)?.value).toBe(96);
    expect(moved.merges).toHaveLength(snap.merges.length);
  });
});

describe('the project sketch', () => {
  const snap = sketchToSnapshot(projectSketch);
  it('breaks its budget down consistently in every amount column', () => {
    for (const col of [2, 3, 4]) {
      const total = Number(snap.cells[5][col].value);
      const parts = [6, 7, 8].reduce((sum, r) => sum + Number(snap.cells[r][col].value), 0);
      expect(parts).toBeCloseTo(total, 6);
    }
    expect(Number(snap.cells[5][4].value) / Number(snap.cells[5][3].value)).toBeLessThan(1);
  });
});
