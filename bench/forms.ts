// Department forms of any length for the benchmark, made from the seed with its merges: the
// seed's 27 indicator rows repeated (each copy with its own 一级/二级 merges, the 绩效指标 merge
// stretched over them all), then the seed's total row. Real forms have hundreds of merges.
import { seedRows, seedSketch } from '../test/fixtures/seed';
import { rangeText } from '../src/core/address';
import { parseRange, type SheetSketch, type SketchCell } from '../src/core/sketch';

export function seedFormOf(indicatorRows: number): SheetSketch {
  const { firstIndicator: first, lastIndicator: last } = seedRows;
  const block = seedSketch.rows.slice(first - 1, last);
  const copies = Math.ceil(indicatorRows / block.length);
  const body: SketchCell[][] = [];
  for (let k = 0; k < copies; k++) {
    for (const [i, row] of block.entries()) {
      if (body.length === indicatorRows) break;
      // Names stay unique so each row is an indicator of its own.
      body.push(row.map((c, col) => (col === 3 && typeof c === 'string' ? `${c}（${k * block.length + i + 1}）` : c)));
    }
  }
  const added = body.length - block.length;
  const rows = [...seedSketch.rows.slice(0, first - 1), ...body, ...seedSketch.rows.slice(last)];
  const merges: string[] = [];
  for (const text of seedSketch.merges ?? []) {
    const m = parseRange(text);
    if (m.top >= first && m.bottom <= last) {
      // A merge inside the indicator rows: one per copy, where that copy's rows are.
      for (let k = 0; k < copies; k++) {
        const top = m.top + k * block.length;
        const bottom = Math.min(m.bottom + k * block.length, first + body.length - 1);
        if (top < first + body.length) merges.push(rangeText({ ...m, top, bottom }));
      }
    } else if (m.top < first && m.bottom >= last) {
      merges.push(rangeText({ ...m, bottom: m.bottom + added }));
    } else if (m.top > last) {
      merges.push(rangeText({ ...m, top: m.top + added, bottom: m.bottom + added }));
    } else {
      merges.push(text);
    }
  }
  return {
    ...seedSketch,
    name: `生成${indicatorRows}行`,
    rows,
    merges: merges.filter((t) => parseRange(t).bottom > parseRange(t).top || parseRange(t).right > parseRange(t).left),
  };
}
