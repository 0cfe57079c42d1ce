// 生成自评报告草稿 in the demo's pane: offered as a .docx download where the webview can save files,
// inserted as the worksheet 自评报告（草稿） where it cannot; recompute offered first where the sheet's
// figures differ from the recomputed ones.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { seedRows, seedSketch } from '../fixtures/seed';
import { docxPart, paragraphs } from '../report/docx-xml';
import { button, cellIn, pane, waitForCell } from './drive';
import { screenshotPane, useDemo } from './harness';

const SHEET = seedSketch.name;
const TOTAL = `H${seedRows.total}`;

let page: Page;
let scratch: string;

const demo = useDemo('jixiao-report-');

beforeAll(() => ({ page, scratch } = demo));

async function downloadedText(click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = join(scratch, 'draft.docx');
  await download.saveAs(file);
  return {
    name: download.suggestedFilename(),
    text: paragraphs(docxPart(new Uint8Array(await readFile(file)), 'word/document.xml')).join('\n'),
  };
}

test('the sheet differs from the rules: the pane offers to recompute first; drafting as is leaves the sheet alone', async () => {
  const frame = await pane(page);
  await button(frame, '生成自评报告草稿').click();
  await frame.getByText('表中 3 处数字与按规则重算的结果不同（H19、H23、H41）').waitFor();
  await screenshotPane(page, 'report-offer');
  const { name, text } = await downloadedText(() => button(frame, '不重算，直接生成').click());
  expect(name).toBe('株洲市公安局渌口分局2022年度部门整体支出绩效自评报告（草稿）.docx');
  expect(text).toContain('绩效自评总分为97.87分（满分100分），自评等级为“优”');
  expect(text).toContain('总分表中为96，重算为97.87（H41）');
  expect((await cellIn(page, SHEET, TOTAL)).value).toBe(96);
  await frame.getByText('已生成自评报告草稿“株洲市公安局渌口分局2022年度部门整体支出绩效自评报告（草稿）.docx”').waitFor();
  expect(await frame.getByRole('link', { name: /^下载 株洲市公安局渌口分局/ }).count()).toBe(1);
});

test('where the webview cannot save a file, the draft becomes the worksheet 自评报告（草稿） and the pane says so', async () => {
  const frame = await pane(page);
  // Internet Explorer's webview (Office 2016/2019 volume licences) has no <a download>.
  await frame.evaluate(() => delete (HTMLAnchorElement.prototype as { download?: string }).download);
  await button(frame, '生成自评报告草稿').click();
  await button(frame, '不重算，直接生成').click();
  await frame.getByText('已把草稿作为新工作表“自评报告（草稿）”插入本工作簿').waitFor();
  expect((await cellIn(page, '自评报告（草稿）', 'A1')).value).toBe('株洲市公安局渌口分局2022年度部门整体支出绩效自评报告');
  expect(await page.evaluate(() => window.demo!.workbook.sheets.map((s) => s.name))).toContain('自评报告（草稿）');
  await page.reload();
});

test('recompute first: the sheet is recomputed, then the draft has no note about differing figures', async () => {
  await page.waitForFunction(() => window.demo?.ready === true);
  const frame = await pane(page);
  await button(frame, '生成自评报告草稿').click();
  const { text } = await downloadedText(async () => {
    await button(frame, '先重算，再生成').click();
    await waitForCell(page, SHEET, TOTAL, 97.87);
  });
  expect(text).toContain('绩效自评总分为97.87分');
  expect(text).not.toContain('表中有数字与按规则重算的结果不同');
});
