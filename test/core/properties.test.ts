import fc from 'fast-check';
import { analyzeSheet } from '../../src/core/engine';
import { applyToSnapshot, inversePatches } from '../../src/core/patch';
import type { Cell, CellRange, Snapshot } from '../../src/core/types';
import { seedSketch } from '../fixtures/seed';
import { projectSketch } from '../fixtures/project';
import { sketchToSnapshot } from '../../src/core/sketch';
import { CLEAN_ROWS, variantSketch } from '../fixtures/variants';
import { coefficientForm, levelWeightForm, targetsOnlyForm } from '../fixtures/families';
import { parseNumberText } from '../../src/core/cell-number';
import type { CellPatch } from '../../src/core/types';

const texts = fc.constantFrom(
  '',
  ' ',
  '10分',
  '100 %',
  '１２３',
  '８５％',
  '≥95%',
  '≤4',
  '< 1%',
  '少于 30 天',
  '下降 15%',
  '上升 9.11%',
  '健全',
  '是',
  '否',
  '部分完成',
  '8016.0 9',
  '1,234.5',
  '300 万元',
  '#N/A',
  '完成绩效目标',
  '总分',
  '得分',
  '分值',
  '三级指标',
  '年度指标值',
  '实际完成值',
  '一级指标',
  '产出指标（50分）',
  '年度资金总额',
  '全年执行数',
  '全年预算数',
  '执行率',
  '其中：一般公共预算：12',
  '自评等级',
  '<img src=x onerror=alert(1)>',
  '=SUM(A1:A3)',
  '—',
  '……',
  '指标1',
  'x'.repeat(3000),
);

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant<Cell>({ value: null }),
  texts.map<Cell>((t) => ({ value: t })),
  fc.double({ noNaN: false, min: -1e12, max: 1e12 }).map<Cell>((n) => ({ value: n })),
  fc
    .integer({ min: -5, max: 200 })
    .map<Cell>((n) => ({ value: n, numberFormat: fc.sample(fc.constantFrom('General', '0.00%', '0.00', '@'), 1)[0] })),
  fc.constantFrom('#DIV/0!', '#REF!', '#VALUE!').map<Cell>((e) => ({ value: e, error: true, formula: '=1/0' })),
  fc.boolean().map<Cell>((b) => ({ value: b })),
);

const mergeArb = (rows: number, cols: number): fc.Arbitrary<CellRange> =>
  fc
    .tuple(
      fc.integer({ min: 1, max: rows }),
      fc.integer({ min: 1, max: cols }),
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 0, max: 5 }),
    )
    .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));

const gridArb: fc.Arbitrary<Snapshot> = fc.tuple(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 12 })).chain(([rows, cols]) =>
  fc.record({
    sheet: fc.constant('随机'),
    top: fc.integer({ min: 1, max: 50 }),
    left: fc.integer({ min: 1, max: 10 }),
    cells: fc.array(fc.array(cellArb, { minLength: 0, maxLength: cols }), { minLength: 0, maxLength: rows }),
    merges: fc.array(mergeArb(rows + 10, cols + 5), { maxLength: 8 }),
    mergesKnown: fc.boolean(),
  }),
);

/** The seed form with some cells replaced by arbitrary content. */
const mutatedSeed: fc.Arbitrary<Snapshot> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 45 }), fc.integer({ min: 0, max: 9 }), cellArb), { minLength: 1, maxLength: 12 })
  .map((edits) => {
    const base = sketchToSnapshot(seedSketch);
    const cells = base.cells.map((r) => r.map((c) => ({ ...c })));
    for (const [r, c, cell] of edits) {
      if (cells[r] && c < cells[r].length) cells[r][c] = cell;
    }
    return { ...base, cells };
  });

/** "General" is Excel's default number format: a cell with it and one without are the same cell. */
const plainCells = (s: Snapshot) =>
  s.cells.map((row) =>
    row.map(({ numberFormat, ...rest }) => (numberFormat && numberFormat !== 'General' ? { ...rest, numberFormat } : rest)),
  );

/** Every layout family of docs/layouts.md, as a clean form: the bases the damaged forms start from. */
const FAMILIES: [string, Snapshot][] = [
  ['the seed form (standard)', sketchToSnapshot(seedSketch)],
  ['the project sample', sketchToSnapshot(projectSketch)],
  ['no per-row 分值, goal blocks', sketchToSnapshot(levelWeightForm())],
  ['no per-row 分值, weights in the 一级 labels', sketchToSnapshot(levelWeightForm({ goalBlocks: false }))],
  ['score coefficients', sketchToSnapshot(coefficientForm())],
  ['special-fund targets, not scored', sketchToSnapshot(targetsOnlyForm())],
  [
    'figures written loosely',
    sketchToSnapshot(
      variantSketch({ money: { initial: '150万', planned: '125.25万元', executed: '72,890元' }, rate: 20, rows: CLEAN_ROWS }),
    ),
  ],
  [
    'not yet scored',
    sketchToSnapshot(
      variantSketch({ rate: null, rows: CLEAN_ROWS.map((r) => ({ ...r, score: null })), budgetScore: null, total: [null, null] }),
    ),
  ],
];

/** One of the families with up to a dozen cells replaced by arbitrary content. */
const damagedFamily: fc.Arbitrary<Snapshot> = fc
  .tuple(fc.integer({ min: 0, max: FAMILIES.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat(), cellArb), { minLength: 1, maxLength: 12 }))
  .map(([which, edits]) => {
    const base = FAMILIES[which][1];
    const cells = base.cells.map((r) => r.map((c) => ({ ...c })));
    for (const [r, c, cell] of edits) {
      const row = cells[r % cells.length];
      row[c % row.length] = cell;
    }
    return { ...base, cells };
  });

/** A cell a figure may replace: empty, a number, an error, or a number typed as text ("10分"). */
function holdsFigure(before: CellPatch['before']): boolean {
  if (before.formula !== undefined) return false;
  if (typeof before.value !== 'string') return true;
  return parseNumberText(before.value).kind !== 'invalid';
}

/** The promises of docs/rules.md §5 about where a recompute writes. */
function writesOnlyFigures(writes: CellPatch[]): void {
  expect(new Set(writes.map((w) => w.cell)).size).toBe(writes.length);
  for (const w of writes) {
    if (w.reason === 'grade') expect(w.before.formula).toBeUndefined();
    else expect({ cell: w.cell, before: w.before, figure: holdsFigure(w.before) }).toMatchObject({ figure: true });
  }
}

const unreadable = (s: Snapshot) => analyzeSheet(s).findings.some((f) => f.code === 'form.unreadable');

describe('nothing a sheet holds makes the engine fail', () => {
  test('random grids give a result, never an internal error', () => {
    fc.assert(
      fc.property(gridArb, (s) => {
        const r = analyzeSheet(s);
        expect(r.forms.length + r.findings.length).toBeGreaterThan(0);
        expect(r.findings.map((f) => f.code)).not.toContain('form.unreadable');
      }),
      { numRuns: 300 },
    );
  });

  test('the seed form with random cells replaced still reads', () => {
    fc.assert(
      fc.property(mutatedSeed, (s) => !unreadable(s)),
      { numRuns: 300 },
    );
  });
});

describe('recompute', () => {
  const recomputeTwice = (s: Snapshot) => {
    const first = analyzeSheet(s);
    const writes = first.forms.flatMap((f) => f.writes);
    const after = applyToSnapshot(s, writes);
    return analyzeSheet(after).forms.flatMap((f) => f.writes);
  };

  test.each([
    ['the seed form', sketchToSnapshot(seedSketch)],
    ['the project sample', sketchToSnapshot(projectSketch)],
    ['a variant with a grade cell', sketchToSnapshot(variantSketch({ grade: '良', total: [100, 90] }))],
    ['a coefficient form with a coefficient to write', sketchToSnapshot(coefficientForm())],
    ['figures written loosely', FAMILIES[6][1]],
    ['a form not yet scored', FAMILIES[7][1]],
  ])('is idempotent on %s: a second run plans no write', (_name, snapshot) => {
    expect(analyzeSheet(snapshot).forms.flatMap((f) => f.writes).length).toBeGreaterThan(0);
    expect(recomputeTwice(snapshot)).toEqual([]);
  });

  test('is idempotent on every layout family, damaged at random, and writes each cell at most once, never over a label or a formula', () => {
    fc.assert(
      fc.property(damagedFamily, (s) => {
        writesOnlyFigures(analyzeSheet(s).forms.flatMap((f) => f.writes));
        expect(recomputeTwice(s)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  test("a stray 得分 among the header's labels does not make the merged 一级 column every row's score", () => {
    // Found by the property below: B13 (一级指标) damaged to 得分, its merged label B14 emptied.
    const base = sketchToSnapshot(seedSketch);
    const cells = base.cells.map((r) => r.map((c) => ({ ...c })));
    cells[12][1] = { value: '得分' };
    cells[13][1] = { value: null };
    const damaged = { ...base, cells };
    const writes = analyzeSheet(damaged).forms.flatMap((f) => f.writes);
    expect(writes.map((w) => w.cell)).not.toContain('B14');
    expect(new Set(writes.map((w) => w.cell)).size).toBe(writes.length);
    expect(recomputeTwice(damaged)).toEqual([]);
  });

  test.each([
    // Both found by the property above.
    ['a coefficient form whose 得分 is a formula showing #DIV/0!', 6, 6, FAMILIES[4][1]],
    ['a grade cell holding a formula', 13, 7, sketchToSnapshot(variantSketch({ grade: '良', total: [100, 90] }))],
  ])('%s: the formula is kept and a second run plans nothing', (_name, r, c, base) => {
    const cells = base.cells.map((row) => row.map((cell) => ({ ...cell })));
    cells[r][c] = { value: '#DIV/0!', error: true, formula: '=1/0' };
    const s = { ...base, cells };
    const first = analyzeSheet(s).forms[0];
    expect(first.writes.map((w) => w.cell)).not.toContain(`${String.fromCharCode(65 + c)}${r + 1}`);
    expect(first.findings.map((f) => `${f.code}@${f.cell}`)).toContain(`formula.kept@${String.fromCharCode(65 + c)}${r + 1}`);
    expect(recomputeTwice(s)).toEqual([]);
  });

  test('is idempotent on randomly damaged forms', () => {
    fc.assert(
      fc.property(mutatedSeed, (s) => recomputeTwice(s).length === 0),
      { numRuns: 200 },
    );
  });

  test('plans no write on a clean family form that is already right', () => {
    for (const [name, s] of FAMILIES.slice(2, 6)) {
      const writes = analyzeSheet(s)
        .forms.flatMap((f) => f.writes)
        .filter((w) => !(name === 'score coefficients' && w.cell === 'D7'));
      expect({ name, writes }).toEqual({ name, writes: [] });
    }
  });

  test('applying a plan and then its undo gives back the original snapshot', () => {
    fc.assert(
      fc.property(mutatedSeed, (s) => {
        const writes = analyzeSheet(s).forms.flatMap((f) => f.writes);
        const undone = applyToSnapshot(applyToSnapshot(s, writes), inversePatches(writes));
        expect(plainCells(undone)).toEqual(plainCells(s));
      }),
      { numRuns: 200 },
    );
  });
});
