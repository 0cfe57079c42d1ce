// The legacy bundle (taskpane.es5.js, what Internet Explorer 11 runs in volume-licensed Office 2016
// and 2019) drives the pane, in Chromium stripped of what IE11 lacks. IE11 itself cannot run
// here: that the file is ES5 is checked on the built files (test/build/built.test.ts); this checks
// that the polyfills it carries (core-js, String.prototype.normalize) and the pane's own care with
// the DOM are enough for the pane's work.
import type { Frame, Page } from 'playwright-core';
import { seedRows, seedSketch } from '../fixtures/seed';
import { button, cellIn, pane, waitForCell } from './drive';
import { openDemo, paneFrame, screenshotPane, waitForDemo, type Session } from './harness';

const SHEET = seedSketch.name;
const TOTAL = `H${seedRows.total}`;

/**
 * What IE11 does not have, removed in the pane's frame before any of its scripts runs: methods of
 * ES2015 and later that core-js must supply, the normalize the engine needs, and DOM calls of the
 * last ten years. What the browser or Playwright itself depends on (Promise, Map, Symbol, Object.is)
 * stays.
 */
function withoutWhatIE11Lacks(): void {
  if (!location.pathname.endsWith('/pane/taskpane.html')) return;
  const drop = (owner: object | undefined, names: string[]): void => {
    for (const name of names) if (owner) delete (owner as Record<string, unknown>)[name];
  };
  drop(String.prototype, [
    'normalize',
    'includes',
    'startsWith',
    'endsWith',
    'repeat',
    'padStart',
    'padEnd',
    'trimStart',
    'trimEnd',
    'matchAll',
    'replaceAll',
    'at',
    'codePointAt',
  ]);
  drop(Array.prototype, [
    'includes',
    'find',
    'findIndex',
    'findLast',
    'fill',
    'flat',
    'flatMap',
    'at',
    'entries',
    'keys',
    'values',
    'copyWithin',
  ]);
  drop(Array, ['from', 'of']);
  drop(Object, ['assign', 'entries', 'values', 'fromEntries', 'getOwnPropertyDescriptors']);
  drop(Number, ['isFinite', 'isInteger', 'isNaN', 'isSafeInteger', 'parseFloat', 'EPSILON']);
  drop(Math, ['trunc', 'sign', 'log10', 'hypot', 'cbrt']);
  drop(Promise.prototype, ['finally']);
  drop(Promise, ['allSettled', 'any']);
  drop(Element.prototype, [
    'append',
    'prepend',
    'replaceChildren',
    'replaceWith',
    'before',
    'after',
    'closest',
    'toggleAttribute',
    'remove',
    'scrollIntoViewIfNeeded',
  ]);
  drop(Document.prototype, ['append', 'prepend', 'replaceChildren']);
  drop(Blob.prototype, ['text', 'arrayBuffer', 'stream']);
  drop(window, ['structuredClone', 'queueMicrotask']);
}

let session: Session;
let page: Page;
let frame: Frame;

beforeAll(async () => {
  session = await openDemo();
  page = session.page;
  await page.context().addInitScript(withoutWhatIE11Lacks);
  // The pane page as IE11 reads it: it skips the module script and runs the nomodule one.
  await page.route('**/pane/taskpane.html*', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/<script\b[^>]*\btype=["']?module["']?[^>]*><\/script>/i, '').replace(/\snomodule\b/i, '');
    await route.fulfill({ response, body: html });
  });
  await page.reload();
  await waitForDemo(page);
  frame = await pane(page);
}, 180_000);

afterAll(async () => {
  await session?.close();
});

afterEach(() => {
  expect(session.outside.splice(0)).toEqual([]);
  expect(session.errors.splice(0)).toEqual([]);
});

test('the pane runs on the legacy bundle alone, without what IE11 lacks', async () => {
  const scripts = await frame.evaluate(() => {
    const out: (string | null)[] = [];
    for (let i = 0; i < document.scripts.length; i++) out.push(document.scripts[i].getAttribute('src'));
    return out;
  });
  expect(scripts).toEqual(['../office-stub.js', 'taskpane.es5.js']);
  // normalize came back from the bundle (unorm), as did the methods core-js supplies.
  expect(await frame.evaluate(() => typeof String.prototype.normalize === 'function' && '１２３'.normalize('NFKC') === '123')).toBe(true);
  expect(await frame.evaluate(() => typeof Array.prototype.flatMap === 'function')).toBe(true);
});

test('检查 and 重新计算 do their work: findings listed, the engine’s total written', async () => {
  await button(frame, '检查').click();
  await frame.locator('button.finding').first().waitFor();
  await button(frame, '重新计算').click();
  await waitForCell(page, SHEET, TOTAL, 97.87);
  expect(await cellIn(page, SHEET, 'G5')).toMatchObject({ value: 1, numberFormat: '0.00%' });
  await frame.getByText('97.87', { exact: true }).first().waitFor();
  await screenshotPane(page, 'legacy-bundle-after-recompute');
  await button(frame, '撤销').click();
  await waitForCell(page, SHEET, TOTAL, 96);
});

test('the pane frame is the one the demo opened, and no other frame lost anything', async () => {
  expect(paneFrame(page)).toBe(frame);
  expect(await page.evaluate(() => typeof Array.prototype.flatMap)).toBe('function');
});
