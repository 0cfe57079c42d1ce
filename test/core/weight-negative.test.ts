// A negative 分值 is an error on that cell, and nothing is scored or written from it.
import { analyzeSheet } from '../../src/core/engine';
import { parseA1 } from '../../src/core/address';
import { seedRows, seedSketch } from '../../test/fixtures/seed';
import { sketchToSnapshot, type SketchCell } from '../../src/core/sketch';

function seedWith(cells: Record<string, SketchCell>) {
  const rows = seedSketch.rows.map((r) => [...r]);
  for (const [address, value] of Object.entries(cells)) {
    const p = parseA1(address)!;
    rows[p.row - 1][p.col - 1] = value;
  }
  return analyzeSheet(sketchToSnapshot({ ...seedSketch, rows })).forms[0];
}

const DNA = seedRows.firstIndicator + 5;

test.each([
  ['an indicator’s 分值', `G${DNA}`, -2, `H${DNA}`],
  ['the budget’s 分值', 'F5', -10, 'H5'],
])('%s below zero: weight.negative at %s, no write into its score', (_, cell, value, scoreCell) => {
  const form = seedWith({ [cell]: value });
  expect(form.findings.filter((f) => f.code === 'weight.negative').map((f) => [f.cell, f.severity])).toEqual([[cell, 'error']]);
  expect(form.writes.map((w) => w.cell)).not.toContain(scoreCell);
  expect(form.writes.every((w) => typeof w.set.value !== 'number' || w.set.value >= 0)).toBe(true);
});

test('a weight of zero is no error', () => {
  expect(seedWith({ [`G${DNA}`]: 0 }).findings.map((f) => f.code)).not.toContain('weight.negative');
});
