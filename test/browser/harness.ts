// What every browser test needs: the demo (or another built page) served on a free port,
// Chrome/Chromium/Edge driven by playwright-core, and screenshots kept under artifacts/screenshots (git-ignored).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { DEMO_DIR, PROJECT_ROOT, ensureDemoBuilt } from '../../src/demo/server/build';
import { startDemoServer, type RunningServer } from '../../src/demo/server/serve';
import { findBrowser } from './find-browser';

export const SCREENSHOTS = join(PROJECT_ROOT, 'artifacts', 'screenshots');
export const SAMPLES = join(PROJECT_ROOT, 'assets', 'samples');

export interface Session {
  url: string;
  page: Page;
  /** Requests that tried to leave 127.0.0.1 (there must be none). */
  outside: string[];
  /** Uncaught errors and console errors, from the page and its frames. */
  errors: string[];
  close(): Promise<void>;
}

/** Build if needed, serve, launch Chromium with a fresh profile, and open the demo page. */
export async function openDemo(): Promise<Session> {
  await ensureDemoBuilt();
  return openServed(DEMO_DIR, '', { ready: waitForDemo });
}

/** The demo of one test file and a scratch folder for the files its tests write; filled before the file's tests run. */
export interface DemoUse {
  session: Session;
  page: Page;
  scratch: string;
}

/**
 * One demo for the whole test file: opened (with a fresh scratch folder) before its tests, closed
 * after them; every test must leave no page error and no request outside 127.0.0.1. The lists are
 * emptied as they are checked, so one test's failure is not blamed on the next.
 */
export function useDemo(prefix: string): DemoUse {
  const demo = {} as DemoUse;
  beforeAll(async () => {
    demo.scratch = await mkdtemp(join(tmpdir(), prefix));
    demo.session = await openDemo();
    demo.page = demo.session.page;
  }, 180_000);
  afterAll(async () => {
    await demo.session?.close();
    if (demo.scratch) await rm(demo.scratch, { recursive: true, force: true });
  });
  afterEach(() => {
    expect(demo.session.outside.splice(0)).toEqual([]);
    expect(demo.session.errors.splice(0)).toEqual([]);
  });
  return demo;
}

export interface ServeOptions {
  /** A script file run in the page before its own scripts (the globals a host puts there). */
  initScript?: string;
  /** Resolves once the page is ready to be driven. */
  ready(page: Page): Promise<void>;
}

/** Serve `root`, launch Chromium with a fresh profile, and open `path` under it. */
export async function openServed(root: string, path: string, opts: ServeOptions): Promise<Session> {
  const server: RunningServer = await startDemoServer(root, 0);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: findBrowser(),
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    const opened = browser;
    const context = await opened.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: 'zh-CN' });
    const url = `http://127.0.0.1:${server.port}/`;
    const outside: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', (route) => {
      const target = route.request().url();
      if (target.startsWith(url) || target.startsWith('data:') || target.startsWith('blob:')) return route.continue();
      outside.push(target);
      return route.abort();
    });
    if (opts.initScript) await context.addInitScript({ path: opts.initScript });
    const page = await context.newPage();
    // Well inside jest's own timeout, so a wait that fails says what it waited for.
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    await page.goto(url + path);
    await opts.ready(page);
    return {
      url,
      page,
      outside,
      errors,
      close: async () => {
        await opened.close();
        await server.close();
      },
    };
  } catch (error) {
    // A half-started session must not keep jest waiting on an open server or browser.
    await browser?.close();
    await server.close();
    throw error;
  }
}

/** Wait until the page has read its workbook and the pane frame has started. */
export async function waitForDemo(page: Page): Promise<void> {
  await page.waitForFunction(() => window.demo?.ready === true);
}

/** The task pane's frame. */
export function paneFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('/pane/'));
  if (!frame) throw new Error('The task pane frame is not there');
  return frame;
}

export async function screenshotPane(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.locator('aside.pane').screenshot({ path });
  return path;
}

export async function screenshotPage(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
