// Excel's read limits, taught to the in-memory Excel, and the door reading within them: Excel on
// the web refuses a request or response over 5 MB, and getMergedAreasOrNullObject fails on a range
// holding more than 512 merged areas (docs/office-js.md).
import { analyzeSheet } from '../../src/core/engine';
import { ExcelDoor } from '../../src/excel/door';
import { PAYLOAD_LIMIT } from '../../src/excel/memory/context';
import { createOfficeHost } from '../../src/excel/memory/host';
import { MERGED_AREAS_LIMIT } from '../../src/excel/memory/range';
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { PAYLOAD_BUDGET } from '../../src/excel/read';
import { badSheetCases } from '../fixtures/bad';
import { sketchToSnapshot } from '../../src/core/sketch';
import { formWith } from './forms';

const NOTE = '因市场价格上涨导致采购成本高于预期，已调整采购计划并加强预算执行监控。';

function bookOf(n: number, notes?: string): MemoryWorkbook {
  return MemoryWorkbook.fromSnapshots([sketchToSnapshot(formWith(n, notes))]);
}

describe('the in-memory Excel refuses what Excel on the web refuses', () => {
  test('a response over 5 MB fails the sync with RequestPayloadSizeLimitExceeded', async () => {
    const book = bookOf(10, '长'.repeat(1_000_000));
    const { Excel } = createOfficeHost(book);
    await Excel.run({}, async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getUsedRange().load(['values', 'formulas']);
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    book.payloadLimit = false;
    await Excel.run({}, async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getUsedRange().load(['values', 'formulas']);
      await ctx.sync();
    });
    expect(book.syncs[1].responseBytes).toBeGreaterThan(PAYLOAD_LIMIT);
  });

  test('a request over 5 MB fails before anything is written', async () => {
    const book = bookOf(10);
    const { Excel } = createOfficeHost(book);
    await Excel.run({}, async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.getRange('L1').values = [['写入']];
      ws.getRange('L2').values = [['长'.repeat(2_000_000)]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(book.cell('表10', 'L1').value).toBeNull();
  });

  test(`getMergedAreasOrNullObject reads ${MERGED_AREAS_LIMIT} merged areas and fails on one more`, async () => {
    const book = bookOf(MERGED_AREAS_LIMIT + 1, NOTE);
    const { Excel } = createOfficeHost(book);
    const top = 6;
    await Excel.run({}, async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const fits = ws
        .getRange(`A${top}:J${top + MERGED_AREAS_LIMIT - 1}`)
        .getMergedAreasOrNullObject()
        .load('areas/items/address');
      await ctx.sync();
      expect(fits.areas.items).toHaveLength(MERGED_AREAS_LIMIT);
      ws.getRange(`A${top}:J${top + MERGED_AREAS_LIMIT}`)
        .getMergedAreasOrNullObject()
        .load('areas/items/address');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    });
  });
});

describe('the door reads in bands within the limits', () => {
  // Rows of the form: n indicators and six rows of headings and total. The first sync reads 255
  // rows (what 2 MB holds at 250 bytes a cell, 30 columns wide); the bands after it are sized from
  // what a cell of the first one took. Merges are read in ranges of rows that cannot hold 512 of
  // them: the 5,000 merged explanations of the largest form read whole.
  test.each([
    [10, 1],
    [100, 1],
    [1000, 2],
    [5000, 3],
  ])('a form of %i indicator rows, each with a merged explanation: read in %i sync(s), each under the budget', async (n, syncs) => {
    const book = bookOf(n, NOTE);
    const door = new ExcelDoor(createOfficeHost(book));
    await door.recompute();
    const before = book.syncCount;
    // Figures already right: the second recompute only reads.
    const again = await door.recompute();
    expect(again.written).toEqual([]);
    expect(book.syncCount - before).toBe(syncs);
    // Read in bands, the sheet is the sheet: the engine says of it what it says of the whole form.
    expect(again.reports).toEqual([analyzeSheet(book.toSnapshots()[0])]);
    expect(again.reports[0].forms[0].indicators).toHaveLength(n);
    expect(again.notices).toEqual([]);
    for (const s of book.syncs) expect(s.responseBytes).toBeLessThan(PAYLOAD_BUDGET);
  });

  test('rows longer than the first band expected: Excel refuses the sync, the door reads half as many rows and goes on', async () => {
    const book = bookOf(300, '说'.repeat(6000));
    const result = await new ExcelDoor(createOfficeHost(book)).check();
    expect(result.reports[0].forms[0].indicators).toHaveLength(300);
    const refused = book.syncs.filter((s) => s.responseBytes > PAYLOAD_LIMIT);
    expect(refused).toHaveLength(1);
    // 300 rows of some 36 KB each: the refused sync, half the first band, then bands of what 2 MB holds, a probe and the highlights.
    expect(book.syncs.length).toBeLessThanOrEqual(8);
  });

  test('a row that alone exceeds 5 MB: Excel on the web cannot hand it over, and the door says which row, having changed nothing', async () => {
    const c = badSheetCases().find((x) => x.id === 'big-cell');
    if (!c) throw new Error('the big-cell case is missing');
    const book = MemoryWorkbook.fromSnapshots(c.sheets.map(sketchToSnapshot));
    const before = book.toSnapshots();
    const sheet = c.sheets[0].name;
    const big = book
      .toSnapshots()[0]
      .cells.findIndex((row) => row.some((cell) => typeof cell.value === 'string' && cell.value.length > 1_000_000));
    const failure = new ExcelDoor(createOfficeHost(book)).recompute();
    await expect(failure).rejects.toMatchObject({ kind: 'too-large', message: `${sheet}!${big + 1}:${big + 1}` });
    expect(book.toSnapshots()).toEqual(before);
  });
});
