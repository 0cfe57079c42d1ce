// Settings and the demo around the pane: profiles named in Chinese with the shipped examples, the
// selector always showing the profile in use, refusals explained with line and setting; the year
// of a blank form checked; downloads with and without the highlights; compressed responses; and
// the pane at 320 px saved as screenshots.
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import type { Frame, Page } from 'playwright-core';
import { seedRows, seedSketch } from '../fixtures/seed';
import { button, cellIn, expectActiveTab, expectGrid, gridCell, pane, statusOf, waitForCell } from './drive';
import { screenshotPage, screenshotPane, type Session, useDemo } from './harness';

const SHEET = seedSketch.name;
const DNA_EXPLANATION = `I${seedRows.firstIndicator + 5}`;

let session: Session;
let page: Page;
let scratch: string;
let frame: Frame;

const demo = useDemo('jixiao-settings-');

beforeAll(async () => {
  ({ session, page, scratch } = demo);
  frame = await pane(page);
});

describe('screenshots of the pane at 320 px', () => {
  test('after 检查 and after 重新计算', async () => {
    await button(frame, '检查').click();
    await statusOf(frame);
    const width = await frame.evaluate(() => document.documentElement.clientWidth);
    expect(width).toBe(320);
    await screenshotPane(page, 'after-320-1-check');
    await button(frame, '重新计算').click();
    await waitForCell(page, SHEET, `H${seedRows.total}`, 97.87);
    await statusOf(frame);
    await screenshotPane(page, 'after-320-2-recompute');
    await button(frame, '撤销').click();
    await waitForCell(page, SHEET, `H${seedRows.total}`, 96);
  });
});

describe('scoring profiles', () => {
  test('named in Chinese, with the examples the project ships; choosing one says its name and keeps it in view', async () => {
    await frame.getByRole('button', { name: '设置' }).click();
    const select = frame.locator('#profile');
    await expect(select.locator('option').allInnerTexts()).resolves.toEqual([
      '全国通用（财政部 财预〔2020〕10号）',
      '示例：产出60 效益30 无满意度',
      '自定义（粘贴或载入 JSON 文件）',
    ]);
    await expect(frame.locator('#profile-in-use').innerText()).resolves.toBe('正在使用：全国通用（财政部 财预〔2020〕10号）');
    await select.selectOption({ label: '示例：产出60 效益30 无满意度' });
    await button(frame, '使用此规则').click();
    expect(await statusOf(frame)).toBe(
      '已使用评分规则“示例：产出60 效益30 无满意度”，并记在此工作簿中。下面的结果已按表格现在的内容更新。',
    );
    await expect(frame.locator('#profile-in-use').innerText()).resolves.toBe('正在使用：示例：产出60 效益30 无满意度');
    expect(await frame.locator('body').innerText()).not.toContain('national');
  });

  test('a refused custom profile: plain Chinese with its line and setting, and the selector back on the profile in use', async () => {
    const select = frame.locator('#profile');
    await select.selectOption('custom');
    const text = frame.locator('#profile-text');
    await text.fill('{\n  "name": "某省",\n  "lowExecutionRate": 90\n}');
    await button(frame, '使用此规则').click();
    const problem = frame.locator('#profile-problem');
    await problem.waitFor();
    const said = await problem.innerText();
    expect(said).toMatch(
      /^第 3 行，设置“lowExecutionRate”：lowExecutionRate 的值 90 无效，应在 \[0, 1\] 之内（比例写小数：0\.9）。仍在使用：示例：产出60 效益30 无满意度。$/,
    );
    expect(said).not.toMatch(/ in |must/);
    await expect(select.inputValue()).resolves.toBe('example:output60-outcome30-no-satisfaction.json');
    await expect(text.getAttribute('aria-invalid')).resolves.toBe('true');

    await select.selectOption('custom');
    await text.fill('{\n  "name": "某省"，\n  "budgetWeight": "10"\n}');
    await button(frame, '使用此规则').click();
    await expect(problem.innerText()).resolves.toMatch(/^第 2 行第 \d+ 个字符处：用了中文标点（，：“”），JSON 里要用英文标点/);
  });

  test('back to the national profile', async () => {
    await frame.locator('#profile').selectOption('national');
    await button(frame, '使用此规则').click();
    await expect(frame.locator('#profile-in-use').innerText()).resolves.toBe('正在使用：全国通用（财政部 财预〔2020〕10号）');
  });
});

describe('插入空白表', () => {
  test('a year that is not four digits is refused beside the field, and nothing is inserted', async () => {
    const before = await page.evaluate(() => window.demo!.workbook.sheets.length);
    await frame.locator('#insert-year').fill('abcd');
    await button(frame, '插入空白表').click();
    await expect(frame.locator('#year-problem').innerText()).resolves.toBe('年度应是四位数字，例如 2025。');
    await expect(frame.locator('#insert-year').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await page.evaluate(() => window.demo!.workbook.sheets.length)).toBe(before);
  });
});

describe('插入空白表 draws the published form', () => {
  test('a framed table, 产出指标（50分） in the middle of its block, a bold centred title', async () => {
    if (!(await frame.locator('#insert-year').isVisible())) await frame.getByRole('button', { name: '设置' }).click();
    await frame.locator('#insert-year').fill('2025');
    await button(frame, '插入空白表').click();
    await page.waitForFunction((old) => window.demo!.workbook.activeSheet !== old, SHEET, { timeout: 10_000 });
    await expectGrid(page, 'B14', '产出指标（50分）');
    const look = (address: string) =>
      gridCell(page, address).evaluate((td: HTMLTableCellElement) => {
        const css = getComputedStyle(td);
        return {
          rows: td.rowSpan,
          horizontal: css.textAlign,
          vertical: css.verticalAlign,
          weight: css.fontWeight,
          bottom: css.borderBottomColor,
          right: css.borderRightColor,
        };
      });
    const black = 'rgb(0, 0, 0)';
    expect(await look('B14')).toMatchObject({ rows: 4, horizontal: 'center', vertical: 'middle', bottom: black, right: black });
    expect(await look('D17')).toMatchObject({ horizontal: 'center', vertical: 'middle', bottom: black, right: black });
    expect(await look('A1')).toMatchObject({ horizontal: 'center', weight: '600' });
    // The line above the table is drawn; the title and the year line have no frame of their own.
    expect((await look('G2')).bottom).toBe(black);
    expect((await look('A1')).bottom).not.toBe(black);
    const shot = await screenshotPage(page, 'blank-form-after');
    expect(shot).toMatch(/blank-form-after\.png$/);
    await page.locator('#tabs [role="tab"]', { hasText: SHEET }).first().click();
    await expectActiveTab(page, SHEET);
  });
});

describe('downloads', () => {
  async function saved(id: string, name: string): Promise<Workbook> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(id).click()]);
    expect(download.suggestedFilename()).toBe(name);
    const file = join(scratch, name);
    await download.saveAs(file);
    const book = new Workbook();
    await book.xlsx.readFile(file);
    return book;
  }

  test('with the highlights and without them, each named and said', async () => {
    await button(frame, '检查').click();
    await statusOf(frame);
    const mark = (await cellIn(page, SHEET, DNA_EXPLANATION)).fill ?? '';
    expect(mark).toMatch(/^#[0-9A-F]{6}$/);

    const marked = await saved('#download', 'seed-2022-department（已检查，含标记）.xlsx');
    const fillOf = (book: Workbook): string | undefined => {
      const fill = book.getWorksheet(SHEET)?.getCell(DNA_EXPLANATION).fill;
      return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
    };
    expect(fillOf(marked)).toBe(`FF${mark.slice(1)}`);
    await expect(page.locator('#status').innerText()).resolves.toMatch(/含助手的 \d+ 处颜色标记/);

    const clean = await saved('#download-clean', 'seed-2022-department（已检查）.xlsx');
    expect(fillOf(clean)).toBeUndefined();
    await expect(page.locator('#status').innerText()).resolves.toMatch(/已去掉助手的 \d+ 处颜色标记/);
    // The highlights stay in the open workbook: only the file leaves them out.
    expect((await cellIn(page, SHEET, DNA_EXPLANATION)).fill).toBe(mark);
  });
});

describe('the demo server', () => {
  test('sends the page’s scripts compressed', async () => {
    const response = await page.request.get(`${session.url}demo.js`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(response.headers()['content-encoding']).toBe('br');
    expect(Number(response.headers()['content-length'])).toBeLessThan((await response.body()).length / 2);
  });
});
