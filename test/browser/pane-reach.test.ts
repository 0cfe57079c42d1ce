// Reach and flow: every control by keyboard with visible focus and focus kept after each action,
// an accessibility scan (axe-core), widths from 270 to 500 px, long lists that stay short, messages
// that stay until the person acts, empty states, and file-open errors shown where they are seen.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Frame, Page } from 'playwright-core';
import { projectSketch } from '../fixtures/project';
import { seedRows, seedSketch } from '../fixtures/seed';
import { sketchToWorkbook } from '../../src/xlsx/convert';
import { PROJECT_ROOT } from '../../src/demo/server/build';
import { button, gridCell, openFile, pane, statusOf, waitForCell } from './drive';
import { paneFrame, useDemo } from './harness';

const SHEET = seedSketch.name;
const TOTAL = `H${seedRows.total}`;

let page: Page;
let scratch: string;

const demo = useDemo('jixiao-reach-');

beforeAll(() => ({ page, scratch } = demo));

interface Focused {
  /** "page" or "pane". */
  where: string;
  /** Tag, id and text of the focused element. */
  what: string;
  outline: boolean;
}

/** Press Tab and say where focus went and whether it shows. */
async function tab(shift = false): Promise<Focused> {
  await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  const describe = (): Focused => {
    const a = document.activeElement as HTMLElement | null;
    const style = a ? getComputedStyle(a) : null;
    const outline = style !== null && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none');
    const text = (a?.getAttribute('aria-label') ?? a?.textContent ?? '').trim().slice(0, 24);
    return { where: 'page', what: `${a?.tagName.toLowerCase()}${a?.id ? `#${a.id}` : ''} ${text}`.trim(), outline };
  };
  const inPage = await page.evaluate(describe);
  if (!inPage.what.startsWith('iframe')) return inPage;
  return { ...(await paneFrame(page).evaluate(describe)), where: 'pane' };
}

async function tabUntil(match: (f: Focused) => boolean, limit = 60): Promise<Focused[]> {
  const seen: Focused[] = [];
  for (let i = 0; i < limit; i++) {
    const f = await tab();
    seen.push(f);
    if (match(f)) return seen;
  }
  throw new Error(`Tab never reached it; went through: ${seen.map((f) => f.what).join(' | ')}`);
}

describe('keyboard', () => {
  test('from the top of the page Tab reaches 打开文件, leaves the sheet, and goes through the pane in order, focus always visible', async () => {
    const frame = await pane(page);
    await page.locator('#sample').focus();
    await tab(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('open-button');
    const toGrid = await tabUntil((f) => f.what.startsWith('div#grid-scroll'));
    expect(toGrid.every((f) => f.outline)).toBe(true);
    // One Tab from the sheet leaves it (the sheet keeps arrows and Enter for itself).
    const next = await tab();
    expect(next.what.startsWith('div#grid-scroll')).toBe(false);
    const inPane = await tabUntil(
      (f) => f.where === 'pane' && f.what.includes('检查所有工作表') === false && f.what.startsWith('input#all-sheets'),
    );
    const paneStops = inPane.filter((f) => f.where === 'pane').map((f) => f.what);
    expect(paneStops).toEqual([
      'button 检查',
      'button 重新计算',
      'button 撤销本次写入',
      'button 清除标记',
      'button 生成自评报告草稿',
      'input#all-sheets',
    ]);
    expect(inPane.filter((f) => f.where === 'pane').every((f) => f.outline)).toBe(true);
    await frame.locator('body').click({ position: { x: 5, y: 5 } });
  });

  test('检查 by keyboard keeps focus on the button and the result is announced', async () => {
    const frame = paneFrame(page);
    await frame.locator('button', { hasText: /^检查$/ }).focus();
    await page.keyboard.press('Enter');
    expect(await statusOf(frame)).toContain('检查完成');
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe('检查');
    await expect(frame.locator('#status').getAttribute('role')).resolves.toBe('status');
  });

  test('the accessibility scan (axe-core) finds nothing on the page and the pane, after a check', async () => {
    const results = await new AxeBuilder({ page }).analyze();
    const summary = {
      violations: results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) })),
      passes: results.passes.length,
      incomplete: results.incomplete.map((v) => v.id),
    };
    await mkdir(join(PROJECT_ROOT, 'artifacts'), { recursive: true });
    await writeFile(join(PROJECT_ROOT, 'artifacts', 'axe.json'), JSON.stringify(summary, null, 2));
    expect(summary.violations).toEqual([]);
    expect(summary.passes).toBeGreaterThan(10);
  });
});

describe('long lists', () => {
  test('提示 start collapsed, a filter shows one severity, and no row is listed both as a warning and a hint', async () => {
    const frame = paneFrame(page);
    const hints = frame.locator('.group-toggle.group-info');
    await expect(hints.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(frame.locator('#group-info').isHidden()).resolves.toBe(true);
    // 刑事案件发案率 (row 27): a warning (wrong direction) and a hint (unmet): listed once, the hint with it.
    const row27 = frame.locator('button.finding', { hasText: '刑事案件发案率与上年比较' });
    await expect(row27.count()).resolves.toBe(1);
    await expect(row27.innerText()).resolves.toContain('同一行还有');
    await expect(frame.locator('#group-info .note').innerText()).resolves.toMatch(/另有 \d+ 条与上面同一行的问题/);

    await frame.locator('.chip-info').click();
    await expect(frame.locator('.chip-info').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(frame.locator('.group').count()).resolves.toBe(1);
    await expect(frame.locator('button.finding-info').count()).resolves.toBe(5);
    expect(await frame.evaluate(() => document.activeElement?.className)).toContain('chip-info');
    await frame.locator('.chip-all').click();
  });
});

describe('messages that stay', () => {
  test('a recompute’s message stays while 输入时自动检查 updates the results beside it', async () => {
    const frame = paneFrame(page);
    await frame.getByRole('button', { name: '设置' }).click();
    await frame.getByLabel('输入时自动检查').check();
    await button(frame, '重新计算').click();
    await waitForCell(page, SHEET, TOTAL, 97.87);
    const said = await statusOf(frame);
    expect(said).toContain('已写入 4 个单元格');
    await gridCell(page, 'K3').click();
    await page.keyboard.type('note');
    await page.keyboard.press('Enter');
    await frame.locator('.side-note', { hasText: '已按您的输入自动更新' }).waitFor();
    expect(await frame.locator('#status').textContent()).toBe(said);
    await frame.getByLabel('输入时自动检查').uncheck();
  });

  test('a recompute while a cell is being typed in says the typed value went in first', async () => {
    const frame = paneFrame(page);
    await button(frame, '撤销').click();
    await waitForCell(page, SHEET, TOTAL, 96);
    const dna = `H${seedRows.firstIndicator + 5}`;
    await gridCell(page, dna).dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1.5');
    // Straight to the pane, without Enter: Excel commits the cell first, then runs the recompute.
    await button(frame, '重新计算').click();
    await waitForCell(page, SHEET, dna, 1.92);
    expect(await statusOf(frame)).toMatch(/^重算前，Excel 先提交了您正在输入的单元格内容，重算已包括它。已写入/);
  });

  test('the results say when the sheet changed after the check', async () => {
    const frame = paneFrame(page);
    await button(frame, '检查').click();
    await statusOf(frame);
    await gridCell(page, 'K4').click();
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    await frame.locator('.side-note', { hasText: '结果可能已过时' }).waitFor();
  });
});

describe('empty states and errors', () => {
  test('a sheet without a form: what the add-in looks for and a way to a blank form, not a red error', async () => {
    const file = join(scratch, '封面.xlsx');
    await writeFile(
      file,
      Buffer.from(await sketchToWorkbook([{ name: '封面', rows: [['2024 年度绩效自评材料'], ['某某单位']] }]).xlsx.writeBuffer()),
    );
    const frame = await openFile(page, file);
    await button(frame, '检查').click();
    expect(await statusOf(frame)).toBe('此工作表上没有找到绩效自评表（见下）。');
    await expect(frame.locator('#status').getAttribute('class')).resolves.not.toContain('error');
    const empty = frame.locator('.empty-state');
    await expect(empty.innerText()).resolves.toContain('“三级指标”“年度指标值”“实际完成值”“分值”“得分”');
    await expect(frame.locator('.finding').count()).resolves.toBe(0);
    await empty.getByRole('button', { name: '插入空白表…' }).click();
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('insert-year');
  });

  test('a file that will not open is said above the pane and stays until closed', async () => {
    await page.locator('#open-file').setInputFiles({ name: '说明.xlsx', mimeType: 'text/plain', buffer: Buffer.from('这不是工作簿') });
    const alert = page.locator('#pane-alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain('无法打开 说明.xlsx');
    await expect(alert.innerText()).resolves.toContain('仍显示 封面.xlsx');
    await page.waitForTimeout(1500);
    await expect(alert.isVisible()).resolves.toBe(true);
    await page.locator('#pane-alert-close').click();
    await expect(alert.isHidden()).resolves.toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('open-button');
  });
});

describe('widths', () => {
  async function paneAt(width: number): Promise<Frame> {
    await page.evaluate((w) => {
      // The pane's column is as wide as Excel's task pane; its frame fills it (less the 1 px border).
      const aside = document.querySelector<HTMLElement>('aside.pane');
      if (aside) aside.style.width = `${w + 1}px`;
    }, width);
    return paneFrame(page);
  }

  test('from 270 to 500 px the pane never scrolls sideways, and a long sheet name never squeezes a message', async () => {
    const file = join(scratch, '两张表.xlsx');
    const copy = { ...seedSketch, name: `${seedSketch.name} (2)` };
    await writeFile(file, Buffer.from(await sketchToWorkbook([seedSketch, copy, projectSketch]).xlsx.writeBuffer()));
    const frame = await openFile(page, file);
    await frame.getByRole('checkbox', { name: /所有工作表/ }).check();
    await button(frame, '检查').click();
    await statusOf(frame);
    await frame.locator('.group-toggle.group-info').click();
    for (const width of [270, 320, 350, 500]) {
      await paneAt(width);
      await page.waitForTimeout(100);
      const layout = await frame.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        narrowest: Math.min(...Array.from(document.querySelectorAll('.finding-message')).map((m) => m.getBoundingClientRect().width)),
      }));
      expect(layout.client).toBe(width);
      expect(layout.scroll).toBeLessThanOrEqual(layout.client);
      expect(layout.narrowest).toBeGreaterThan(width - 80);
    }
    await paneAt(320);
  });

  test('the demo page is no wider than its window', async () => {
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(client);
  });
});
