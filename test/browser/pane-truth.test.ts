// Truth on screen: after every action the pane describes the sheet as it now is, with the sheet's
// figures beside the rules', what a recompute wrote (old → new) and what it left alone and why,
// and the highlight colours said in words.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { MARK_COLORS } from '../../src/door/marks';
import { seedRows, seedSketch } from '../fixtures/seed';
import type { SheetSketch, SketchCell } from '../../src/core/sketch';
import { sketchToWorkbook } from '../../src/xlsx/convert';
import { button, cellIn, figuresOf, openFile, pane, selectedIn, statusOf, waitForCell } from './drive';
import { useDemo } from './harness';

const SHEET = seedSketch.name;
const TOTAL = `H${seedRows.total}`;
const DNA = seedRows.firstIndicator + 5;
const TRAINING = seedRows.firstIndicator + 9;

let page: Page;
let scratch: string;

/** The seed with some cells replaced, saved as an .xlsx the demo can open. */
async function seedFile(name: string, replace: Record<string, SketchCell>): Promise<string> {
  const rows = seedSketch.rows.map((row, r) =>
    row.map((cell, c) => {
      const address = `${String.fromCharCode(65 + c)}${r + 1}`;
      return address in replace ? replace[address] : cell;
    }),
  );
  const sketch: SheetSketch = { ...seedSketch, rows };
  const file = join(scratch, name);
  await writeFile(file, Buffer.from(await sketchToWorkbook([sketch]).xlsx.writeBuffer()));
  return file;
}

const demo = useDemo('jixiao-truth-');

beforeAll(() => ({ page, scratch } = demo));

describe('the seed: check, recompute, undo', () => {
  let frame: Frame;

  test('检查 shows 表中 96 beside 按规则 97.87, and says so in words', async () => {
    frame = await pane(page);
    await button(frame, '检查').click();
    expect(await statusOf(frame)).toMatch(/^检查完成：0 个错误，6 个警告，5 个提示。已标记 \d+ 处单元格。$/);
    const figures = await figuresOf(frame);
    expect(figures['总分 /100']).toEqual(['96', '97.87']);
    expect(figures['执行率']).toEqual(['100.00%', '100.00%']);
    await expect(frame.locator('.card').innerText()).resolves.toContain('表中数字与按规则计算的不同，标有“≠”');
  });

  test('the legend says what each highlight colour means, with the colour the sheet shows', async () => {
    const legend = frame.locator('.legend');
    await expect(legend.isVisible()).resolves.toBe(true);
    const text = await legend.innerText();
    expect(text).toContain('浅黄色：该行扣了分或未达标，但缺少偏差原因分析');
    expect(text).toContain('浅蓝色：');
    expect(text).toContain('浅红色：');
    // The explained loss on the DNA row carries the colour the legend names 浅蓝色.
    expect((await cellIn(page, SHEET, `I${DNA}`)).fill).toBe(MARK_COLORS['explained-loss']);
    const swatches = await frame.locator('.legend .swatch').evaluateAll((nodes) => nodes.map((n) => getComputedStyle(n).backgroundColor));
    expect(swatches).toContain('rgb(221, 235, 247)');
  });

  test('重新计算 lists each written cell old → new, clickable, and the card then agrees with the sheet', async () => {
    await button(frame, '重新计算').click();
    await waitForCell(page, SHEET, TOTAL, 97.87);
    expect(await statusOf(frame)).toBe('已写入 4 个单元格，可点“撤销本次写入”恢复。');
    const written = await frame.locator('.written').allInnerTexts();
    expect(written.map((w) => w.replace(/\s+/g, ' ').trim())).toEqual([
      'G5 执行率 100% → 100.00%',
      `H${DNA} 得分 1 → 1.92`,
      `H${TRAINING} 得分 1 → 1.95`,
      `${TOTAL} 总分 96 → 97.87`,
    ]);
    expect(await figuresOf(frame)).toMatchObject({ '总分 /100': ['97.87'] });
    // The written cells are shown in the sheet: all selected at once, each entry selects its own, one button selects them all again.
    const all = `${SHEET}!G5,H${DNA},H${TRAINING},${TOTAL}`;
    await page.waitForFunction((address) => window.demo?.workbook.selectedAddress === address, all);
    await frame.locator('.written', { hasText: TOTAL }).click();
    await page.waitForFunction((cell) => window.demo?.workbook.selectedAddress.endsWith(`!${cell}`), TOTAL);
    expect(await selectedIn(page)).toBe(`${SHEET}!${TOTAL}`);
    await button(frame, '在表格中选中全部写入的单元格').click();
    await page.waitForFunction((address) => window.demo?.workbook.selectedAddress === address, all);
    expect(await selectedIn(page)).toBe(all);
  });

  test('撤销本次写入 shows the sheet as it now is: back to 96 beside 97.87', async () => {
    await button(frame, '撤销').click();
    await waitForCell(page, SHEET, TOTAL, 96);
    expect(await statusOf(frame)).toBe('已恢复 4 个单元格。下面的结果已按表格现在的内容更新。');
    expect((await figuresOf(frame))['总分 /100']).toEqual(['96', '97.87']);
    await expect(frame.locator('.written').count()).resolves.toBe(0);
  });
});

describe('what a recompute leaves alone', () => {
  test('a score kept as a formula: said, and the total written adds up, so the next check does not contradict it', async () => {
    const frame = await openFile(page, await seedFile('公式.xlsx', { [`H${DNA}`]: { formula: '0.5+0.5', value: 1 } }));
    await button(frame, '重新计算').click();
    await waitForCell(page, SHEET, TOTAL, 96.95);
    expect(await statusOf(frame)).toBe(
      `已写入 3 个单元格，可点“撤销本次写入”恢复。未写入：1 个公式格（H${DNA}）保留原公式，助手不改写公式。`,
    );
    expect((await figuresOf(frame))['总分 /100']).toEqual(['96.95', '97.87']);
    await button(frame, '检查').click();
    await statusOf(frame);
    await expect(frame.locator('.findings').innerText()).resolves.not.toContain('总分填的是');
  });

  test('a row the rules cannot score: nothing written, and why', async () => {
    const frame = await openFile(
      page,
      await seedFile('缺数.xlsx', { [`F${TRAINING}`]: null, [`H${DNA}`]: 1.92, [`H${TRAINING}`]: 1.95, G5: 1, [TOTAL]: 97.87 }),
    );
    await button(frame, '重新计算').click();
    const said = await statusOf(frame);
    expect(said).toContain('未写入：');
    expect(said).toContain('1 项指标的得分无法按规则计算');
    expect(said).not.toContain('各项数字已是最新');
  });
});
