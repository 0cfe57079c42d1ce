// Text Excel would convert. Excel reads a string written through Range.values or formulas like
// typed input (Range.values: "the values are interpreted as if they were typed into the cell"):
// in a Chinese Excel "2024年1月" becomes a date, full-width "１２３" a number. What the add-in writes
// back (undo above all) must come back as the text it was.
import { sketchToSnapshot } from '../../src/core/sketch';
import { UNDO_KEY } from '../../src/door/records';
import { ExcelDoor } from '../../src/excel/door';
import { createOfficeHost } from '../../src/excel/memory/host';
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { literal, mayConvert } from '../../src/excel/typed-text';
import { seedSketch } from '../fixtures/seed';

const SEED = seedSketch.name;

/** Texts a clerk types into these forms that Excel would not keep as text, with what it makes of them. */
const CONVERTED: [string, number | boolean | string][] = [
  ['2024年1月', 45292],
  ['2024年1月5日', 45296],
  ['2024/1/5', 45296],
  ['１２３', 123],
  ['１００％', 1],
  ['¥1,000', 1000],
  ['(100)', -100],
  ['1e5', 100000],
  ['10:30', 0.4375],
  ['TRUE', true],
  ['#N/A', '#N/A'],
];
/** Dates without a year: Excel takes the current one. */
const THIS_YEAR = ['3月5日', '1-Jan', 'Jan-5'];
const KEPT = ['完成绩效目标', '12月底前', '≥95%', '按期完成', '10分'];

function book(): MemoryWorkbook {
  return MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);
}

async function typeInto(wb: MemoryWorkbook, texts: string[]): Promise<void> {
  const { Excel } = createOfficeHost(wb);
  await Excel.run({}, async (ctx) => {
    ctx.workbook.worksheets.getItem(SEED).getRange(`K1:K${texts.length}`).values = texts.map((t) => [t]);
    await ctx.sync();
  });
}

test('the in-memory Excel converts typed text as Excel does, and keeps what it would keep', async () => {
  const wb = book();
  await typeInto(wb, [...CONVERTED.map(([t]) => t), ...KEPT]);
  CONVERTED.forEach(([text, value], i) => expect({ text, value: wb.cell(SEED, `K${i + 1}`).value }).toEqual({ text, value }));
  KEPT.forEach((text, i) => expect(wb.cell(SEED, `K${CONVERTED.length + i + 1}`).value).toBe(text));
  expect(wb.cell(SEED, 'K1').numberFormat).toBe('yyyy"年"m"月"');
  await typeInto(wb, THIS_YEAR);
  THIS_YEAR.forEach((text, i) => expect({ text, type: typeof wb.cell(SEED, `K${i + 1}`).value }).toEqual({ text, type: 'number' }));
});

test('every such text is written with the apostrophe that keeps it text, and comes back as typed', async () => {
  const texts = [...CONVERTED.map(([t]) => t), ...THIS_YEAR];
  for (const t of texts) expect({ t, mayConvert: mayConvert(t) }).toEqual({ t, mayConvert: true });
  for (const t of ['完成绩效目标', '12月底前', '≥95%', '按期完成'])
    expect({ t, mayConvert: mayConvert(t) }).toEqual({ t, mayConvert: false });
  const wb = book();
  await typeInto(
    wb,
    texts.map((t) => literal(t) as string),
  );
  texts.forEach((t, i) => expect(wb.cell(SEED, `K${i + 1}`)).toEqual({ value: t }));
});

test('撤销本次写入 puts such texts back as the person typed them, not as dates or numbers', async () => {
  const texts = [...CONVERTED.map(([t]) => t), ...THIS_YEAR, ...KEPT];
  const wb = book();
  const sheet = wb.sheet(SEED);
  // As a recompute leaves it: its numbers in the cells, the texts they replaced in the undo record.
  texts.forEach((_t, i) => sheet.put(i + 1, 11, { value: 1 }));
  wb.settings[UNDO_KEY] = {
    at: '2025-01-01T00:00:00.000Z',
    entries: texts.map((t, i) => ({
      sheet: SEED,
      sheetId: sheet.id,
      cell: `K${i + 1}`,
      row: i + 1,
      col: 11,
      before: { value: t },
      after: { value: 1 },
    })),
  };
  expect(await new ExcelDoor(createOfficeHost(wb)).undo()).toEqual({ restored: texts.length, kept: 0 });
  texts.forEach((t, i) => expect(wb.cell(SEED, `K${i + 1}`)).toEqual({ value: t }));
});
