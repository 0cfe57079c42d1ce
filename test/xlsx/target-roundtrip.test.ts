// A target typed into the blank template, saved as .xlsx and read back, means what it meant.
import fc from 'fast-check';
import { analyzeSheet } from '../../src/core/engine';
import { parseMeasure } from '../../src/core/measure';
import { templateSketch } from '../../src/core/template';
import type { SheetSketch } from '../../src/core/sketch';
import { XlsxBook } from '../../src/xlsx/book';
import { sketchToWorkbook } from '../../src/xlsx/convert';

const words = fc.constantFrom('', '≥', '≤', '<', '>', '=', '不低于', '不超过', '少于', '达到', '控制在');
const units = fc.constantFrom('', '%', '万元', '元', '天', '个', '人次', '分', '个工作日');
const numbers = fc
  .tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }))
  .map(([i, f]) => (f === 0 ? String(i) : `${i}.${String(f).padStart(2, '0')}`));
const targets = fc.tuple(words, numbers, units).map(([w, n, u]) => `${w}${n}${u}`);

function withTarget(sketch: SheetSketch, target: string): SheetSketch {
  const header = sketch.rows.findIndex((r) => r.includes('年度指标值'));
  const col = sketch.rows[header].indexOf('年度指标值');
  const nameCol = sketch.rows[header].indexOf('三级指标');
  const row = sketch.rows.findIndex((r, i) => i > header && r[nameCol] === '指标1');
  const rows = sketch.rows.map((r, i) => (i === row ? r.map((c, k) => (k === col ? target : k === nameCol ? '测试指标' : c)) : r));
  return { ...sketch, rows };
}

/** A measure as comparable data: decimals as their exact text. */
const plain = (text: string): unknown => JSON.parse(JSON.stringify(parseMeasure(text)));

test('targets survive the template, an .xlsx file and the reader unchanged', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom<'department' | 'project'>('department', 'project'), targets, async (type, target) => {
      const wb = sketchToWorkbook([withTarget(templateSketch(type, '2025'), target)]);
      const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      const form = analyzeSheet(XlsxBook.open('target.xlsx', bytes).snapshots()[0]).forms[0];
      const row = form.indicators.find((i) => i.name === '测试指标');
      expect(row?.target).toBe(target);
      expect(plain(row?.target ?? '')).toEqual(plain(target));
    }),
    { numRuns: 60 },
  );
});
