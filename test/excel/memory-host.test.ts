// The in-memory Excel must fail where real Excel fails, or the door's tests would prove nothing.
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { createOfficeHost } from '../../src/excel/memory/host';
import { literal } from '../../src/excel/typed-text';

function book(): MemoryWorkbook {
  return MemoryWorkbook.fromSnapshots([
    {
      sheet: 'S',
      top: 2,
      left: 2,
      cells: [
        [{ value: '标题' }, { value: null }],
        [
          { value: 1.5, numberFormat: '0.00' },
          { value: '#DIV/0!', error: true },
        ],
      ],
      merges: [{ top: 2, left: 2, bottom: 2, right: 3 }],
      mergesKnown: true,
    },
  ]);
}

describe('in-memory Excel', () => {
  test('reading a property before load() and sync() throws PropertyNotLoaded', async () => {
    const { Excel } = createOfficeHost(book());
    await Excel.run({}, async (ctx) => {
      const range = ctx.workbook.worksheets.getActiveWorksheet().getUsedRange();
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.values).toEqual([
        ['标题', ''],
        [1.5, '#DIV/0!'],
      ]);
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('a merge shows its value in its top-left cell only, and refuses a value elsewhere', async () => {
    const wb = book();
    wb.setCell('S', 'C2', { value: 'hidden' });
    const { Excel } = createOfficeHost(wb);
    await Excel.run({}, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const r = ws.getRange('B2:C2').load(['values', 'valueTypes']);
      await ctx.sync();
      expect(r.values).toEqual([['标题', '']]);
      expect(r.valueTypes).toEqual([['String', 'Empty']]);
      ws.getRange('C2').values = [['x']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
  });

  test('queued writes apply at sync, in order, and each sync is counted', async () => {
    const wb = book();
    const { Excel } = createOfficeHost(wb);
    await Excel.run({}, async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem('S').getRange('D5');
      cell.values = [[42]];
      cell.numberFormat = [['0.00%']];
      expect(wb.cell('S', 'D5').value).toBeNull();
      await ctx.sync();
    });
    expect(wb.cell('S', 'D5')).toEqual({ value: 42, numberFormat: '0.00%' });
    expect(wb.syncCount).toBe(1);
  });

  test('written strings are read like typed input unless they start with an apostrophe', async () => {
    const wb = book();
    const { Excel } = createOfficeHost(wb);
    await Excel.run({}, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('D1:G1').values = [['100%', "'100%", '1,234.5', '10分']];
      await ctx.sync();
    });
    expect(wb.cell('S', 'D1')).toEqual({ value: 1, numberFormat: '0%' });
    expect(wb.cell('S', 'E1')).toEqual({ value: '100%' });
    expect(wb.cell('S', 'F1')).toEqual({ value: 1234.5 });
    expect(wb.cell('S', 'G1')).toEqual({ value: '10分' });
  });

  test('the door writes text Excel would convert with the apostrophe that keeps it text', async () => {
    const wb = book();
    const { Excel } = createOfficeHost(wb);
    const texts = ['100%', '10分', '2022', '=A1', '-', '完成绩效目标'];
    await Excel.run({}, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A10:F10').values = [texts.map(literal)];
      await ctx.sync();
    });
    expect(['A10', 'B10', 'C10', 'D10', 'E10', 'F10'].map((a) => wb.cell('S', a).value)).toEqual(texts);
    expect(literal(1.92)).toBe(1.92);
  });

  test('an API newer than the host fails the whole batch with ApiNotFound', async () => {
    const wb = book();
    const { Excel, Office } = createOfficeHost(wb, { apiVersion: '1.12' });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.12')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(false);
    await Excel.run({}, async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('S').getUsedRange();
      range.getMergedAreasOrNullObject().load('areas/items/address');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
  });

  test('merged areas whose top-left lies in the range are reported', async () => {
    const { Excel } = createOfficeHost(book());
    await Excel.run({}, async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem('S').getUsedRange().getMergedAreasOrNullObject().load('areas/items/address');
      await ctx.sync();
      expect(areas.isNullObject).toBe(false);
      expect(areas.areas.items.map((a) => a.address)).toEqual(['S!B2:C2']);
    });
  });

  test('a protected sheet refuses writes; writes queued before the failure stay applied', async () => {
    const wb = book();
    wb.addSheet('Other');
    wb.sheet('S').protected = true;
    const { Excel } = createOfficeHost(wb);
    await Excel.run({}, async (ctx) => {
      ctx.workbook.worksheets.getItem('Other').getRange('A1').values = [[1]];
      ctx.workbook.worksheets.getItem('S').getRange('B3').values = [[2]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
    expect(wb.cell('Other', 'A1').value).toBe(1);
    expect(wb.cell('S', 'B3').value).toBe(1.5);
  });

  test('cell edit mode fails a batch, or holds it until the edit ends when it asked to wait', async () => {
    const wb = book();
    wb.cellEditMode = true;
    const { Excel } = createOfficeHost(wb);
    await expect(Excel.run({}, (ctx) => ctx.sync())).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    let done = false;
    const delayed = Excel.run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('E9').values = [[7]];
      await ctx.sync();
      done = true;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    wb.endCellEdit();
    await delayed;
    expect(wb.cell('S', 'E9').value).toBe(7);
  });

  test('settings are saved into the workbook and seen by another runtime after refresh', async () => {
    const wb = book();
    const pane = createOfficeHost(wb).Office.context.document.settings;
    const ribbon = createOfficeHost(wb).Office.context.document.settings;
    pane.set('k', { a: 1 });
    expect(wb.settings.k).toBeUndefined();
    await new Promise<void>((r) => pane.saveAsync({}, () => r()));
    expect(ribbon.get('k')).toBeNull();
    await new Promise<void>((r) => ribbon.refreshAsync(() => r()));
    expect(ribbon.get('k')).toEqual({ a: 1 });
  });

  test('fromSnapshots and toSnapshots round-trip values, formats, errors, fills and merges', () => {
    const snap = book().toSnapshots()[0];
    expect(snap.merges).toEqual([{ top: 2, left: 2, bottom: 2, right: 3 }]);
    expect(snap.cells[1]).toEqual([
      { value: 1.5, numberFormat: '0.00' },
      { value: '#DIV/0!', error: true },
    ]);
    expect(MemoryWorkbook.fromSnapshots([snap]).toSnapshots()[0]).toEqual(snap);
  });
});
