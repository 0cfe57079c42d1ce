// The WPS add-in as `npm run build:wps` leaves it in dist/wps: the files WPS asks for, a ribbon.xml
// its validator accepts, scripts its webview can parse, and ribbon callbacks that work, run on the
// in-memory WPS; publish.html against the in-memory WPS local add-in service.
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parse } from 'acorn';
import { XMLParser } from 'fast-xml-parser';
import webpack from 'webpack';
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { MemoryEt } from '../../src/wps/memory/et';
import { MemoryWpsService } from '../../src/wps/memory/service';
import { DocPropertyStore } from '../../src/wps/store';
import { seedSketch } from '../fixtures/seed';
import { sketchToSnapshot } from '../../src/core/sketch';

const OUT = join(__dirname, '..', '..', 'dist', 'wps');
const URL = 'https://addins.example.gov.cn/jixiao/';

beforeAll(async () => {
  process.env.WPS_ADDIN_URL = URL;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require('../../webpack.wps.js') as (env: object, argv: object) => webpack.Configuration;
  const stats = await new Promise<webpack.Stats | undefined>((resolve, reject) =>
    webpack(config({}, { mode: 'production' }), (error, result) => (error ? reject(error) : resolve(result))),
  );
  expect(stats?.hasErrors()).toBe(false);
}, 240_000);

const text = (file: string): Promise<string> => readFile(join(OUT, file), 'utf8');

test('the folder holds what WPS asks for, and an offline copy with its entries for publish.xml and jsplugins.xml', async () => {
  const files = await readdir(OUT);
  const addin = ['index.html', 'main.js', 'ribbon.xml', 'manifest.xml', 'images', 'taskpane.html', 'taskpane.js', 'taskpane.css'];
  expect(files).toEqual(expect.arrayContaining([...addin, 'publish.html', 'jsplugins.xml', 'offline']));
  const offline = await readdir(join(OUT, 'offline'));
  const folder = offline.find((f) => f.startsWith('jixiao-ziping_')) as string;
  expect((await readdir(join(OUT, 'offline', folder))).sort()).toEqual(
    files.filter((f) => !['publish.html', 'jsplugins.xml', 'offline'].includes(f)).sort(),
  );
  const list = new XMLParser({ ignoreAttributes: false }).parse(await text('offline/jsplugins.xml'));
  expect(list.jsplugins.jsplugin).toMatchObject({ '@_name': 'jixiao-ziping', '@_type': 'et', '@_url': folder });
  // What wpsjs's own offline package writes into jsaddons/publish.xml beside the copied folder.
  const published = new XMLParser({ ignoreAttributes: false }).parse(await text('offline/publish.xml'));
  expect(published.jsplugins.jsplugin).toMatchObject({
    '@_name': 'jixiao-ziping',
    '@_type': 'et',
    '@_url': folder,
    '@_enable': 'enable_dev',
    '@_install': 'null',
  });
  const online = new XMLParser({ ignoreAttributes: false }).parse(await text('jsplugins.xml'));
  expect(online.jsplugins.jspluginonline).toMatchObject({ '@_type': 'et', '@_url': URL });
});

test('ribbon.xml starts with <customUI (no XML declaration) and names only callbacks main.js defines', async () => {
  const ribbon = await text('ribbon.xml');
  expect(ribbon.startsWith('<customUI')).toBe(true);
  const callbacks = [...ribbon.matchAll(/(?:onLoad|onAction|getImage|getEnabled)="([^"]+)"/g)].map((m) => m[1]);
  const window = loadMain(await text('main.js'), new MemoryEt(new MemoryWorkbook()));
  for (const name of new Set(callbacks)) expect(typeof window[name]).toBe('function');
  const buttons = [...ribbon.matchAll(/<button id="([^"]+)" label="([^"]+)"/g)].map((m) => m[2]);
  expect(buttons).toEqual(['打开助手', '一键重算', '检查']);
});

test('the task pane page loads no office.js and nothing from elsewhere', async () => {
  const html = await text('taskpane.html');
  expect(html).not.toMatch(/appsforoffice|microsoft\.com/);
  expect(html).toMatch(/Content-Security-Policy[^>]*script-src 'self'/);
  expect(html).toMatch(/<script[^>]*src="?taskpane\.js/);
});

test("every script is ES2018 and publish.html's script is ES5", async () => {
  const scripts = (await readdir(OUT)).filter((f) => f.endsWith('.js'));
  expect(scripts).toEqual(expect.arrayContaining(['main.js', 'taskpane.js']));
  for (const file of scripts)
    expect(() => parse(readFileSync(join(OUT, file), 'utf8'), { ecmaVersion: 2018, sourceType: 'script' })).not.toThrow();
  const publish = await text('publish.html');
  const script = /<script>([\s\S]*)<\/script>/.exec(publish)?.[1] as string;
  expect(() => parse(script, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  expect(publish).toContain(JSON.stringify(URL));
  expect(publish).not.toContain('__ADDIN__');
});

let mainSource = '';
beforeAll(async () => {
  mainSource = await text('main.js');
});

/** Run main.js as WPS does, in a page whose `wps` global is the in-memory WPS. */
function loadMain(source: string, et: MemoryEt): Record<string, (...args: unknown[]) => unknown> {
  // WPS runs add-ins in Chromium (CEF), which has btoa/atob; crypto.randomUUID may be missing (main.js adds it).
  const window: Record<string, unknown> = { wps: et.wps, crypto: { getRandomValues: (a: Uint8Array) => a }, btoa, atob };
  window.window = window;
  const document = { location: { href: `${URL}index.html` } };
  runInNewContext(source, { window, document, self: window, globalThis: window, setTimeout, clearTimeout, console, btoa, atob });
  return window as Record<string, (...args: unknown[]) => unknown>;
}

test('the callbacks return at once (never a promise); 打开助手 opens and then hides the pane; 一键重算 writes and keeps its outcome', async () => {
  const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);
  const et = new MemoryEt(book);
  const window = loadMain(mainSource, et);
  expect(window.OnAddinLoad({})).toBe(true);
  expect(typeof (window.crypto as unknown as { randomUUID: () => string }).randomUUID).toBe('function');
  expect(window.OnAction({ Id: 'jixiaoOpen' })).toBe(true);
  expect(et.taskPanes).toEqual([{ id: 1, url: `${URL}taskpane.html`, visible: true }]);
  window.OnAction({ Id: 'jixiaoOpen' });
  expect(et.taskPanes[0].visible).toBe(false);
  expect(window.GetImage({ Id: 'jixiaoCheck' })).toBe('images/check-32.png');
  const result = window.OnAction({ Id: 'jixiaoRecompute' });
  expect(result).toBe(true);
  // The callback returned at once; the write finishes after it. Wait for its record, not for a guessed time.
  const store = new DocPropertyStore(et.application);
  for (let i = 0; i < 200 && store.get('jixiao.lastCommand') === null; i++) await new Promise((r) => setTimeout(r, 25));
  expect(book.cell(seedSketch.name, 'H41').value).toBe(97.87);
  expect(new DocPropertyStore(et.application).get('jixiao.lastCommand')).toMatchObject({ command: 'recompute', changed: 4 });
});

interface PageElement {
  textContent: string;
  onclick: (() => void) | null;
}

/** Open dist/wps/publish.html as a browser would, its requests going to the in-memory WPS service. */
function openPublishPage(html: string, service: MemoryWpsService): Record<string, PageElement> {
  const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] as string;
  const elements: Record<string, PageElement> = {};
  for (const id of ['status', 'url', 'install', 'remove']) elements[id] = { textContent: '', onclick: null };
  class Request {
    status = 0;
    responseText = '';
    timeout = 0;
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    ontimeout: (() => void) | null = null;
    private path = '';
    open(_method: string, url: string): void {
      this.path = url.replace(/^http:\/\/127\.0\.0\.1:58890/, '');
    }
    send(body?: string): void {
      setTimeout(() => {
        const answer = service.post(this.path, body);
        if (!answer) return this.onerror?.();
        this.status = answer.status;
        this.responseText = answer.text;
        this.onload?.();
      }, 0);
    }
  }
  const stored = new Map<string, string>();
  const localStorage = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) };
  const window = {
    btoa,
    localStorage,
    location: {
      set href(href: string) {
        service.open(href);
      },
    },
  };
  const soon = (f: () => void) => setTimeout(f, 0);
  runInNewContext(script, {
    window,
    document: { getElementById: (id: string) => elements[id] },
    XMLHttpRequest: Request,
    setTimeout: soon,
    unescape,
    encodeURIComponent,
  });
  return elements;
}

async function statusOf(page: Record<string, PageElement>, expected: RegExp): Promise<string> {
  for (let i = 0; i < 200 && !expected.test(page.status.textContent); i++) await new Promise((r) => setTimeout(r, 5));
  return page.status.textContent;
}

describe("publish.html against WPS's local add-in service", () => {
  test("starts the service, installs the add-in at its address as WPS's own page does, and removes it", async () => {
    const html = await text('publish.html');
    const service = new MemoryWpsService();
    const page = openPublishPage(html, service);
    expect(await statusOf(page, /尚未安装/)).toMatch(/^尚未安装/);
    expect(service.launches).toEqual(['ksoWPSCloudSvr://start=RelayHttpServer']);
    expect(page.url.textContent).toBe(URL);
    page.install.onclick?.();
    expect(await statusOf(page, /已安装。请重启/)).toMatch(/^已安装。请重启 WPS 表格/);
    expect(service.installed.get('jixiao-ziping/et')).toEqual({
      name: 'jixiao-ziping',
      addonType: 'et',
      url: URL,
      online: 'true',
      version: expect.any(String),
      customDomain: '',
      enable: 'true',
    });
    // No serverId anywhere: wpsjs's default page sends none, and warns against it on Linux WPS not yet upgraded.
    for (const r of service.requests) expect(r.body ?? '').not.toMatch(/serverId/);
    expect(await statusOf(openPublishPage(html, service), /已安装。重启/)).toMatch(/^已安装。重启 WPS 表格后使用/);
    page.remove.onclick?.();
    expect(await statusOf(page, /已卸载/)).toMatch(/^已卸载/);
    expect(service.installed.get('jixiao-ziping/et')?.enable).toBe('false');
    expect(await statusOf(openPublishPage(html, service), /尚未安装/)).toMatch(/^尚未安装/);
  });

  test('WPS not up yet (the service says "Subserver not available."): the page starts it and goes on', async () => {
    const service = new MemoryWpsService();
    service.state = 'relay';
    const page = openPublishPage(await text('publish.html'), service);
    expect(await statusOf(page, /尚未安装/)).toMatch(/^尚未安装/);
    expect(service.launches).toHaveLength(1);
  });

  test('a deployment WPS refuses is said, not reported as installed', async () => {
    const service = new MemoryWpsService();
    service.state = 'ready';
    service.refuseWith = '地址无效';
    const page = openPublishPage(await text('publish.html'), service);
    await statusOf(page, /尚未安装/);
    page.install.onclick?.();
    expect(await statusOf(page, /没有接受/)).toBe('WPS 没有接受这次操作（地址无效）。请确认上面的加载项地址能在浏览器中打开，然后重试。');
    expect(service.installed.size).toBe(0);
  });

  test('a computer without WPS: after a few tries the page says it cannot reach the service', async () => {
    const service = new MemoryWpsService();
    service.wpsInstalled = false;
    const page = openPublishPage(await text('publish.html'), service);
    expect(await statusOf(page, /连接不到/)).toMatch(/^连接不到本机 WPS 加载项服务/);
    expect(service.launches).toHaveLength(1);
  });
});
