// Driving the demo as a person would, for the browser tests: reading the in-memory workbook and
// the grid, finding the pane's buttons, waiting for the grid to redraw.
import type { Frame, Page } from 'playwright-core';
import { paneFrame } from './harness';

export interface CellSeen {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat?: string;
  fill?: string;
}

/** A cell of the in-memory workbook, read in the page. */
export function cellIn(page: Page, sheet: string, address: string): Promise<CellSeen> {
  return page.evaluate(([s, a]) => window.demo!.workbook.cell(s, a) as CellSeen, [sheet, address] as const);
}

export function selectedIn(page: Page): Promise<string> {
  return page.evaluate(() => window.demo!.workbook.selectedAddress);
}

export function gridCell(page: Page, address: string) {
  return page.locator(`#grid-scroll td[data-address="${address}"]`);
}

/** The grid redraws on the next frame after the workbook changes: wait for it, then compare. */
export async function expectGrid(page: Page, address: string, text: string): Promise<void> {
  await page
    .waitForFunction(
      ([a, t]) => document.querySelector(`#grid-scroll td[data-address="${a}"]`)?.textContent === t,
      [address, text] as const,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  expect(await gridCell(page, address).textContent()).toBe(text);
}

/** The fill the grid paints on a cell: "" for none, else "#RRGGBB" as the workbook holds it. */
export async function expectGridFill(page: Page, address: string, fill: string): Promise<void> {
  const css = fill === '' ? '' : `rgb(${[1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16)).join(', ')})`;
  await page
    .waitForFunction(
      ([a, c]) => document.querySelector<HTMLElement>(`#grid-scroll td[data-address="${a}"]`)?.style.backgroundColor === c,
      [address, css] as const,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  expect(await gridCell(page, address).evaluate((td) => td.style.backgroundColor)).toBe(css);
}

export async function expectActiveTab(page: Page, name: string): Promise<void> {
  await page
    .locator('#tabs [aria-selected="true"]', { hasText: name })
    .waitFor({ timeout: 5_000 })
    .catch(() => undefined);
  expect(await page.locator('#tabs [aria-selected="true"]').textContent()).toBe(name);
}

export async function waitForCell(page: Page, sheet: string, address: string, value: CellSeen['value']): Promise<void> {
  await page.waitForFunction(([s, a, v]) => window.demo!.workbook.cell(s, a).value === v, [sheet, address, value] as const, {
    timeout: 10_000,
  });
}

export function button(frame: Frame, label: string) {
  return frame.getByRole('button', { name: new RegExp(`^\\s*${label}`) }).first();
}

/** Wait for the pane frame of the workbook now open to show its buttons. */
export async function pane(page: Page): Promise<Frame> {
  await page.waitForFunction(() => {
    const frame = document.querySelector<HTMLIFrameElement>('#pane');
    return frame?.contentDocument?.readyState === 'complete' && frame.contentDocument.querySelector('button') !== null;
  });
  return paneFrame(page);
}

/** Open a workbook file through the demo's file input and wait for a fresh pane on it. */
export async function openFile(page: Page, path: string): Promise<Frame> {
  const name = path.split(/[\\/]/).pop() ?? path;
  await page.locator('#open-file').setInputFiles(path);
  await page.waitForFunction((n) => window.demo?.ready === true && window.demo.fileName === n, name);
  return pane(page);
}

/** The text of the pane's status line once it no longer says it is working. */
export async function statusOf(frame: Frame): Promise<string> {
  await frame.waitForFunction(() => {
    const text = document.querySelector('#status')?.textContent ?? '';
    return text !== '' && !text.startsWith('正在处理');
  });
  return (await frame.locator('#status').textContent()) ?? '';
}

/** The summary card's figures: label → [表中, 按规则] (one value when they agree). */
export async function figuresOf(frame: Frame): Promise<Record<string, string[]>> {
  return frame.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const row of Array.from(document.querySelectorAll('.card .figures tbody tr'))) {
      const label = row.querySelector('th')?.textContent ?? '';
      out[label] = Array.from(row.querySelectorAll('td')).map((td) => (td.textContent ?? '').replace('≠', '').trim());
    }
    return out;
  });
}
