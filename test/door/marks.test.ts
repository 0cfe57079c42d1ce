// The highlight plan: one colour per cell, the person's fill kept to give back, other sheets untouched.
import type { Mark } from '../../src/core/report';
import { MARK_COLORS, planClear, planMarks } from '../../src/door/marks';
import type { MarkEntry } from '../../src/door/records';

const mark = (cell: string, row: number, kind: Mark['kind'], sheet = 'S'): Mark => ({ sheet, cell, row, col: 9, kind });

test('an error outranks the other kinds on the same cell, and the fill it covers is remembered', () => {
  const fills: Record<string, string | null> = { '19': '#92D050' };
  const plan = planMarks(
    [mark('I19', 19, 'explained-loss'), mark('I19', 19, 'error')],
    [],
    (_s, row) => fills[String(row)] ?? null,
    new Set(['S']),
  );
  expect(plan.writes).toEqual([{ sheet: 'S', cell: 'I19', row: 19, col: 9, fill: MARK_COLORS.error }]);
  expect(plan.stored).toEqual([{ sheet: 'S', cell: 'I19', row: 19, col: 9, kind: 'error', color: MARK_COLORS.error, before: '#92D050' }]);
});

test('a mark no longer wanted gives back the fill it covered; marks on sheets not checked stay recorded', () => {
  const stored: MarkEntry[] = [
    { sheet: 'S', cell: 'I20', row: 20, col: 9, kind: 'error', color: MARK_COLORS.error, before: '#FFFF00' },
    { sheet: 'T', cell: 'I5', row: 5, col: 9, kind: 'error', color: MARK_COLORS.error, before: null },
  ];
  const plan = planMarks([], stored, () => MARK_COLORS.error, new Set(['S']));
  expect(plan.writes).toEqual([{ sheet: 'S', cell: 'I20', row: 20, col: 9, fill: '#FFFF00' }]);
  expect(plan.stored).toEqual([stored[1]]);
});

test('clearing leaves a cell the person recoloured', () => {
  const stored: MarkEntry[] = [
    { sheet: 'S', cell: 'I20', row: 20, col: 9, kind: 'error', color: MARK_COLORS.error, before: null },
    { sheet: 'S', cell: 'I21', row: 21, col: 9, kind: 'error', color: MARK_COLORS.error, before: null },
  ];
  const plan = planClear(stored, (_s, row) => (row === 20 ? MARK_COLORS.error : '#7030A0'));
  expect(plan).toEqual({ writes: [{ sheet: 'S', cell: 'I20', row: 20, col: 9, fill: null }], kept: 1 });
});
