// The task pane in WPS 表格: the WPS build of the pane (what `npm run build:wps` puts in dist/wps)
// loaded in Chromium with the in-memory WPS where WPS puts its object model (./wps-model.ts), driven
// as a person would, and the workbook read back through the model after each button.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import webpack, { type Configuration } from 'webpack';
import type { MemoryCell } from '../../src/excel/memory/workbook';
import { MARK_COLORS } from '../../src/door/marks';
import { PROJECT_ROOT } from '../../src/demo/server/build';
import { seedRows, seedSketch } from '../fixtures/seed';
import { button, figuresOf, statusOf } from './drive';
import { openServed, screenshotPage, type Session } from './harness';

const SHEET = seedSketch.name;
const TOTAL = `H${seedRows.total}`;
const DNA = seedRows.firstIndicator + 5;
const TRAINING = seedRows.firstIndicator + 9;

let session: Session;
let page: Page;
let frame: Frame;
let scratch: string;

function build(configs: Configuration[]): Promise<void> {
  return new Promise((resolve, reject) =>
    webpack(configs, (error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    }),
  );
}

/** The in-page model as a script: the test's TypeScript, bundled for the browser. */
function modelConfig(out: string): Configuration {
  return {
    mode: 'development',
    devtool: false,
    target: 'web',
    entry: join(__dirname, 'wps-model.ts'),
    output: { path: out, filename: 'wps-model.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: join(PROJECT_ROOT, 'tsconfig.json') } },
        },
      ],
    },
  };
}

const cell = (address: string): Promise<MemoryCell> =>
  page.evaluate(([s, a]) => window.wpsModel!.book.cell(s, a), [SHEET, address] as const);
const contents = (): Promise<string> => page.evaluate(() => JSON.stringify(window.wpsModel!.book.toSnapshots()));
const properties = (): Promise<string[]> => page.evaluate(() => [...window.wpsModel!.et.properties.keys()]);

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'jixiao-wps-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { wpsConfig } = require('../../webpack.wps.js') as { wpsConfig: (o: { outputPath: string }) => Configuration };
  await build([wpsConfig({ outputPath: join(scratch, 'addin') }), modelConfig(scratch)]);
  session = await openServed(join(scratch, 'addin'), 'taskpane.html', {
    initScript: join(scratch, 'wps-model.js'),
    ready: (p) =>
      p
        .getByRole('button', { name: /^\s*检查/ })
        .first()
        .waitFor(),
  });
  page = session.page;
  frame = page.mainFrame();
}, 300_000);

afterAll(async () => {
  await session?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

afterEach(() => {
  expect(session.outside.splice(0)).toEqual([]);
  expect(session.errors.splice(0)).toEqual([]);
});

test('the pane found WPS: the page has no Office, and crypto.randomUUID works although the webview lacked it', async () => {
  expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe('undefined');
  // Put on the page's own crypto by src/wps/compat.ts: the prototype's was taken away.
  expect(await page.evaluate(() => Object.prototype.hasOwnProperty.call(crypto, 'randomUUID'))).toBe(true);
  expect(await page.evaluate(() => crypto.randomUUID())).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('检查 reads the seed through WPS: 表中 96 beside 按规则 97.87, grade 优, highlights as fills, no value changed', async () => {
  const before = await contents();
  await button(frame, '检查').click();
  expect(await statusOf(frame)).toMatch(/^检查完成：0 个错误，6 个警告，5 个提示。已标记 \d+ 处单元格。$/);
  expect((await figuresOf(frame))['总分 /100']).toEqual(['96', '97.87']);
  expect(await frame.locator('.card').innerText()).toContain('优');
  expect((await cell(`I${DNA}`)).fill).toBe(MARK_COLORS['explained-loss']);
  const strip = (json: string) => JSON.parse(json, (key, value) => (key === 'fill' ? undefined : value));
  expect(strip(await contents())).toEqual(strip(before));
  expect(await properties()).toContain('jixiao.marks');
  await screenshotPage(page, 'wps-pane-checked');
});

let beforeRecompute = '';

test('重新计算 writes the four cells through WPS, with screen updating back on and the undo record in the file', async () => {
  beforeRecompute = await contents();
  await button(frame, '重新计算').click();
  expect(await statusOf(frame)).toBe('已写入 4 个单元格，可点“撤销本次写入”恢复。');
  expect(await cell(TOTAL)).toMatchObject({ value: 97.87, numberFormat: '0.00' });
  expect(await cell(`H${DNA}`)).toMatchObject({ value: 1.92, numberFormat: '0.00' });
  expect(await cell(`H${TRAINING}`)).toMatchObject({ value: 1.95, numberFormat: '0.00' });
  expect(await cell('G5')).toMatchObject({ value: 1, numberFormat: '0.00%' });
  expect((await figuresOf(frame))['总分 /100']).toEqual(['97.87']);
  expect(await page.evaluate(() => window.wpsModel!.et.screenUpdating)).toBe(true);
  expect(await properties()).toContain('jixiao.undo');
  // The written cells are shown together by WPS's own selection.
  expect(await page.evaluate(() => window.wpsModel!.book.selectedAddress)).toBe(`${SHEET}!G5,H19,H23,H41`);
});

test('撤销本次写入 puts back exactly what was there, and the record goes', async () => {
  await button(frame, '撤销').click();
  expect(await statusOf(frame)).toBe('已恢复 4 个单元格。下面的结果已按表格现在的内容更新。');
  expect(await contents()).toBe(beforeRecompute);
  expect((await figuresOf(frame))['总分 /100']).toEqual(['96', '97.87']);
  expect((await properties()).some((key) => key.startsWith('jixiao.undo'))).toBe(false);
});
