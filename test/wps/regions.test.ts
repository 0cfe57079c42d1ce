// Probing a per-cell property region by region: every cell reported once with its own value, for
// any layout, and few questions for a form-like column however long.
import fc from 'fast-check';
import type { CellRange } from '../../src/core/types';
import { probeRegions, subtract } from '../../src/wps/regions';

function probeGrid(cells: number[][]): { seen: (number | null)[][]; asks: number } {
  const rect: CellRange = { top: 1, left: 1, bottom: cells.length, right: cells[0].length };
  const seen: (number | null)[][] = cells.map((row) => row.map(() => null));
  let asks = 0;
  probeRegions(
    rect,
    (r) => {
      asks++;
      const values: number[] = [];
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) values.push(cells[row - 1][col - 1]);
      return values.every((v) => v === values[0]) ? values[0] : null;
    },
    (r, value) => {
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          if (seen[row - 1][col - 1] !== null) throw new Error(`cell ${row},${col} reported twice`);
          seen[row - 1][col - 1] = value;
        }
    },
  );
  return { seen, asks };
}

test('every cell is reported exactly once, with its value, whatever the layout', () => {
  const grid = fc
    .integer({ min: 1, max: 12 })
    .chain((cols) =>
      fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 150 }),
    );
  fc.assert(
    fc.property(grid, (cells) => {
      expect(probeGrid(cells).seen).toEqual(cells);
    }),
    { numRuns: 300 },
  );
});

test('a long column with a header and a footer costs the same number of questions at 100 and at 10,000 rows', () => {
  const column = (n: number): number[][] => [[0], [0], [1], ...Array.from({ length: n }, () => [2]), [0]];
  const small = probeGrid(column(100));
  const large = probeGrid(column(10_000));
  expect(large.seen).toEqual(column(10_000));
  expect(large.asks).toBeLessThanOrEqual(small.asks + 2);
  expect(large.asks).toBeLessThan(40);
});

test('subtract leaves the parts of a rectangle outside another', () => {
  expect(subtract({ top: 1, left: 1, bottom: 4, right: 4 }, { top: 2, left: 2, bottom: 3, right: 3 })).toEqual([
    { top: 1, left: 1, bottom: 1, right: 4 },
    { top: 4, left: 1, bottom: 4, right: 4 },
    { top: 2, left: 1, bottom: 3, right: 1 },
    { top: 2, left: 4, bottom: 3, right: 4 },
  ]);
  expect(subtract({ top: 1, left: 1, bottom: 2, right: 2 }, { top: 5, left: 5, bottom: 6, right: 6 })).toEqual([
    { top: 1, left: 1, bottom: 2, right: 2 },
  ]);
});
