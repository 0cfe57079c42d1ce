// The demo in Debian's Chromium: the real task pane over the sample workbook, driven as a person
// would drive it, and checked in the grid, in the in-memory workbook and in the pane.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { projectSketch } from '../fixtures/project';
import { seedRows, seedSketch } from '../fixtures/seed';
import type { SheetSketch, SketchCell } from '../../src/core/sketch';
import { sketchToWorkbook } from '../../src/xlsx/convert';
import { DEMO_DIR } from '../../src/demo/server/build';
import { button, cellIn, expectActiveTab, expectGrid, expectGridFill, gridCell, pane, selectedIn, waitForCell } from './drive';
import { paneFrame, SAMPLES, screenshotPage, screenshotPane, type Session, useDemo } from './harness';

const SEED_SHEET = seedSketch.name;
const PROJECT_SHEET = projectSketch.name;
const TOTAL = `H${seedRows.total}`;
/** 男性家族排查系统建设DNA数据采集数: 9580 of 10000 → 1.92 of 2, where the form says 1. */
const DNA_SCORE = `H${seedRows.firstIndicator + 5}`;
const DNA_EXPLANATION = `I${seedRows.firstIndicator + 5}`;
const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=1</script>';

/** What the hostile workbook's markup would set if it ran. */
type Pwned = Window & { __pwned?: unknown };

/** The seed form with markup where a person's text goes: the unit's and two indicators' names. */
function hostileSketch(): SheetSketch {
  const replace: Record<string, SketchCell> = {
    C3: IMG,
    [`D${seedRows.firstIndicator + 5}`]: IMG,
    [`D${seedRows.firstIndicator + 9}`]: SCRIPT,
    [`I${seedRows.firstIndicator + 9}`]: `${SCRIPT}${IMG}`,
  };
  const rows = seedSketch.rows.map((row, r) =>
    row.map((cell, c) => {
      const address = `${String.fromCharCode(65 + c)}${r + 1}`;
      return address in replace ? replace[address] : cell;
    }),
  );
  return { ...seedSketch, name: '含标记的表', rows };
}

let session: Session;
let page: Page;
let scratch: string;

const demo = useDemo('jixiao-demo-');

beforeAll(() => ({ session, page, scratch } = demo));

describe('the demo on the seed sample', () => {
  test('draws the sheet as Excel shows it: merges, formatted numbers, sheet tab', async () => {
    const title = gridCell(page, 'A1');
    await expect(title.innerText()).resolves.toBe(SEED_SHEET);
    await expect(title.getAttribute('colspan')).resolves.toBe('9');
    // 移送起诉率 is the number 0.8553 under 0.00%: shown as Excel shows it.
    await expectGrid(page, `F${seedRows.firstIndicator + 2}`, '85.53%');
    await expectGrid(page, TOTAL, '96');
    await expectActiveTab(page, SEED_SHEET);
    expect(await cellIn(page, SEED_SHEET, TOTAL)).toMatchObject({ value: 96 });
  });

  test('重新计算 writes the engine’s figures into the sheet and shows the total and grade', async () => {
    const frame = await pane(page);
    await screenshotPane(page, '1-pane-before');
    await button(frame, '重新计算').click();
    await waitForCell(page, SEED_SHEET, TOTAL, 97.87);

    expect(await cellIn(page, SEED_SHEET, DNA_SCORE)).toMatchObject({ value: 1.92 });
    expect(await cellIn(page, SEED_SHEET, 'G5')).toMatchObject({ value: 1, numberFormat: '0.00%' });
    await expectGrid(page, TOTAL, '97.87');
    await expectGrid(page, DNA_SCORE, '1.92');
    await expectGrid(page, 'G5', '100.00%');

    // The pane shows its summary once the write has returned.
    await frame.getByText('97.87', { exact: true }).first().waitFor();
    expect(await frame.locator('body').innerText()).toContain('优');
    await screenshotPane(page, '2-pane-after-recompute');
    await screenshotPage(page, '3-demo-after-recompute');
  });

  test('clicking a finding selects its cell in the grid', async () => {
    const frame = paneFrame(page);
    // After the recompute the row's one remaining finding is a hint: hints start collapsed.
    await frame.locator('.group-toggle.group-info').click();
    const finding = frame.locator('button.finding', { hasText: '男性家族排查系统建设DNA数据采集数' }).first();
    await finding.click();
    await page.waitForFunction((row) => window.demo!.workbook.selectedAddress.endsWith(String(row)), seedRows.firstIndicator + 5);
    const selected = await selectedIn(page);
    expect(selected.startsWith(`${SEED_SHEET}!`)).toBe(true);
    const address = selected.split('!')[1].split(':')[0];
    expect(Number(address.replace(/^[A-Z]+/, ''))).toBe(seedRows.firstIndicator + 5);
    await page.locator(`#grid-scroll td.selected[data-address="${address}"]`).waitFor();
    await expect(page.locator('#name-box').innerText()).resolves.toBe(address);
  });

  test('撤销本次写入 brings the original back: 总分 96, the old score and format', async () => {
    const frame = paneFrame(page);
    await button(frame, '撤销').click();
    await waitForCell(page, SEED_SHEET, TOTAL, 96);
    expect(await cellIn(page, SEED_SHEET, DNA_SCORE)).toMatchObject({ value: 1 });
    expect(await cellIn(page, SEED_SHEET, 'G5')).toEqual({ value: '100%' });
    await expectGrid(page, TOTAL, '96');
    await expectGrid(page, 'G5', '100%');
  });

  test('检查 marks cells without changing values, and 清除标记 removes only the marks', async () => {
    const frame = paneFrame(page);
    await button(frame, '检查').click();
    await page.waitForFunction(([s, a]) => window.demo!.workbook.cell(s, a).fill !== undefined, [SEED_SHEET, DNA_EXPLANATION] as const);
    expect(await cellIn(page, SEED_SHEET, TOTAL)).toMatchObject({ value: 96 });
    // The explained loss is highlighted, in the workbook and in the grid alike.
    const marked = (await cellIn(page, SEED_SHEET, DNA_EXPLANATION)).fill ?? '';
    expect(marked).toMatch(/^#[0-9A-F]{6}$/);
    await expectGridFill(page, DNA_EXPLANATION, marked);
    await screenshotPage(page, '4-demo-after-check');

    await button(frame, '清除标记').click();
    await page.waitForFunction(([s, a]) => window.demo!.workbook.cell(s, a).fill === undefined, [SEED_SHEET, DNA_EXPLANATION] as const);
    await expectGridFill(page, DNA_EXPLANATION, '');
  });

  test('a cell edited in the grid reaches the workbook, and Escape leaves it alone', async () => {
    const cell = gridCell(page, 'K3');
    await cell.dblclick();
    await page.keyboard.type('备注');
    await page.keyboard.press('Escape');
    expect(await cellIn(page, SEED_SHEET, 'K3')).toEqual({ value: null });

    await cell.dblclick();
    await page.keyboard.type('50%');
    await page.keyboard.press('Enter');
    expect(await cellIn(page, SEED_SHEET, 'K3')).toEqual({ value: 0.5, numberFormat: '0%' });
    await expect(cell.innerText()).resolves.toBe('50%');
    // Enter moves down, as in Excel.
    await expect(page.locator('#name-box').innerText()).resolves.toBe('K4');

    await cell.click();
    await page.keyboard.press('Delete');
    expect((await cellIn(page, SEED_SHEET, 'K3')).value).toBeNull();
  });
});

describe('another workbook', () => {
  test('a project form opened through the file input is drawn and recomputed, and downloads as .xlsx', async () => {
    await page.locator('#open-file').setInputFiles(join(SAMPLES, 'project-sample.xlsx'));
    await page.waitForFunction(() => window.demo!.fileName === 'project-sample.xlsx');
    await expectGrid(page, 'A1', PROJECT_SHEET);
    await expectActiveTab(page, PROJECT_SHEET);

    const frame = await pane(page);
    await button(frame, '重新计算').click();
    // 改造供水管网长度: 78.5 / 85 × 10 = 9.24 where the person wrote 9.
    await waitForCell(page, PROJECT_SHEET, 'H14', 9.24);
    // 工程按期完工率 lost points with no explanation: 检查 marks its empty explanation cell.
    await button(frame, '检查').click();
    await page.waitForFunction(() => window.demo!.workbook.cell('项目支出绩效自评表', 'I17').fill !== undefined);
    const mark = (await cellIn(page, PROJECT_SHEET, 'I17')).fill ?? '';

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
    expect(download.suggestedFilename()).toMatch(/^project-sample.*\.xlsx$/);
    const file = join(scratch, 'downloaded.xlsx');
    await download.saveAs(file);
    const book = new Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet(PROJECT_SHEET);
    expect(sheet).toBeDefined();
    expect(sheet?.getCell('H14').value).toBe(9.24);
    expect(sheet?.getCell('H14').numFmt).toBe('0.00');
    // What the person had stays: merges, the title, column widths.
    expect(sheet?.getCell('B1').isMerged).toBe(true);
    expect(sheet?.getCell('A1').value).toBe(PROJECT_SHEET);
    expect(sheet?.getColumn('D').width).toBe(22);
    const fill = sheet?.getCell('I17').fill;
    expect(fill?.type === 'pattern' ? fill.fgColor?.argb : undefined).toBe(`FF${mark.slice(1)}`);
  });
});

describe('a blank form inserted by the pane', () => {
  test('appears as a new sheet in the grid and is in the downloaded file, merges and widths included', async () => {
    await page.locator('#sample').selectOption('seed-2022-department.xlsx');
    await page.waitForFunction(() => window.demo!.fileName === 'seed-2022-department.xlsx');
    const frame = await pane(page);
    await frame.getByRole('button', { name: '设置' }).click();
    await frame.locator('#insert-type').selectOption('project');
    await frame.locator('#insert-year').fill('2025');
    await button(frame, '插入空白表').click();
    await expectActiveTab(page, PROJECT_SHEET);
    await expectGrid(page, 'A1', PROJECT_SHEET);
    await expect(gridCell(page, 'A1').getAttribute('colspan')).resolves.toBe('9');
    // 24 characters wide in the template: 24 × 7 + 5 = 173 px, as Excel draws it.
    const width = await page
      .locator('#grid-scroll col')
      .nth(4)
      .evaluate((col) => (col as HTMLElement).style.width);
    expect(Math.abs(parseFloat(width) - 173)).toBeLessThanOrEqual(1);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
    const file = join(scratch, 'with-template.xlsx');
    await download.saveAs(file);
    const book = new Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((ws) => ws.name)).toEqual([SEED_SHEET, PROJECT_SHEET]);
    const inserted = book.getWorksheet(PROJECT_SHEET);
    expect(inserted?.getCell('A1').value).toBe(PROJECT_SHEET);
    expect(inserted?.getCell('I1').isMerged).toBe(true);
    expect(Math.round(inserted?.getColumn('D').width ?? 0)).toBe(24);
    // The form that was there is untouched.
    expect(book.getWorksheet(SEED_SHEET)?.getCell(TOTAL).value).toBe(96);
  });
});

describe('a file that is not a workbook', () => {
  test('says so and keeps the workbook that was open', async () => {
    const before = await page.evaluate(() => window.demo!.fileName);
    await page.locator('#open-file').setInputFiles({ name: '说明.xlsx', mimeType: 'text/plain', buffer: Buffer.from('这不是工作簿') });
    await page.locator('#status.error').waitFor();
    await expect(page.locator('#status').innerText()).resolves.toContain('无法打开 说明.xlsx');
    expect(await page.evaluate(() => window.demo!.fileName)).toBe(before);
    await expect(gridCell(page, 'A1').innerText()).resolves.not.toBe('');
  });
});

describe('a workbook with two forms', () => {
  test('sheet tabs switch the grid, and a finding on another sheet brings that sheet up', async () => {
    const file = join(scratch, '两张表.xlsx');
    await writeFile(file, Buffer.from(await sketchToWorkbook([seedSketch, projectSketch]).xlsx.writeBuffer()));
    await page.locator('#open-file').setInputFiles(file);
    await page.waitForFunction(() => window.demo!.fileName === '两张表.xlsx');
    await expect(page.locator('#tabs [role="tab"]').allInnerTexts()).resolves.toEqual([SEED_SHEET, PROJECT_SHEET]);

    await page.locator('#tabs [role="tab"]', { hasText: PROJECT_SHEET }).click();
    await expectGrid(page, 'A1', PROJECT_SHEET);
    expect(await page.evaluate(() => window.demo!.workbook.activeSheet)).toBe(PROJECT_SHEET);

    const frame = await pane(page);
    await frame.getByRole('checkbox', { name: /所有工作表/ }).check();
    await button(frame, '检查').click();
    await frame.locator('button.finding', { hasText: '男性家族排查系统建设DNA数据采集数' }).first().click();
    await page.waitForFunction((sheet) => window.demo!.workbook.activeSheet === sheet, SEED_SHEET);
    await expectActiveTab(page, SEED_SHEET);
    await expectGrid(page, 'A1', SEED_SHEET);
    await page.locator('#grid-scroll td.selected[data-address$="19"]').waitFor();
  });
});

describe('dropping a file', () => {
  test('a workbook dropped on the page opens, with a fresh pane on it', async () => {
    const bytes = (await readFile(join(SAMPLES, 'seed-2022-department.xlsx'))).toString('base64');
    await page.evaluate((base64) => {
      const raw = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([raw], '拖入的表.xlsx'));
      const target = document.querySelector('#grid-scroll') as HTMLElement;
      target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
    }, bytes);
    await page.waitForFunction(() => window.demo!.fileName === '拖入的表.xlsx');
    await expect(page.locator('#drop-hint').isHidden()).resolves.toBe(true);
    await expectGrid(page, TOTAL, '96');
    const frame = await pane(page);
    await button(frame, '重新计算').click();
    await waitForCell(page, SEED_SHEET, TOTAL, 97.87);
  });
});

describe('safety', () => {
  test('markup in cells is shown as text in the grid and the pane, and nothing runs', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const file = join(scratch, 'hostile.xlsx');
    await writeFile(file, Buffer.from(await sketchToWorkbook([hostileSketch()]).xlsx.writeBuffer()));
    await page.locator('#open-file').setInputFiles(file);
    await page.waitForFunction(() => window.demo!.fileName === 'hostile.xlsx');

    await expectGrid(page, 'C3', IMG);
    await expectGrid(page, `D${seedRows.firstIndicator + 9}`, SCRIPT);
    expect(await page.locator('#grid-scroll img, #grid-scroll script').count()).toBe(0);

    const frame = await pane(page);
    await button(frame, '检查').click();
    // The pane quotes the indicators' names (shortened): as the characters they are.
    await frame.getByText('“<img src=x onerror=', { exact: false }).first().waitFor();
    await expect(frame.locator('body').innerText()).resolves.toContain('“<script>window.__pwned=1');
    expect(await frame.locator('img[src="x"], body script').count()).toBe(0);
    await page.waitForTimeout(300);

    expect(await page.evaluate(() => (window as Pwned).__pwned)).toBeUndefined();
    expect(await frame.evaluate(() => (window as Pwned).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await screenshotPane(page, '5-pane-markup-as-text');
  });

  test('every page carries a Content-Security-Policy that allows no inline script and no eval', async () => {
    for (const path of ['', 'pane/taskpane.html']) {
      const response = await page.request.get(`${session.url}${path}`);
      const policy = response.headers()['content-security-policy'] ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
      const html = await response.text();
      expect(html).toMatch(/http-equiv="?Content-Security-Policy/);
      expect(html).not.toContain('appsforoffice.microsoft.com');
    }
  });

  test('the page’s and the pane’s scripts never turn strings into code', async () => {
    for (const name of ['demo.js', 'office-stub.js', 'pane/taskpane.js']) {
      const code = await readFile(join(DEMO_DIR, name), 'utf8');
      expect(code).not.toMatch(/(^|[^\w$.])eval\(|new Function|(^|[^\w$.])Function\(/);
    }
  });
});
