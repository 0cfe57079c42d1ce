// The add-in as Excel downloads it, from one production build shared by every check here (built
// for a deployment: ADDIN_URL set). Old Office webviews cannot be run here, so what they can parse
// is checked on the files themselves: Internet Explorer 11 (volume-licensed Office 2016 and 2019)
// runs the `nomodule` scripts and knows ES5 only; the old Edge webview (EdgeHTML 16–18) runs the
// `type="module"` ones and knows ES2017, no later. Office Add-ins' docs: docs/office-js.md.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse, type Options } from 'acorn';
import { XMLParser } from 'fast-xml-parser';
import webpack, { type Configuration } from 'webpack';

const ROOT = join(__dirname, '..', '..');
const ADDIN_URL = 'https://addin.example.gov.cn/jixiao/';
/** The budget for what a modern webview downloads to open the pane, gzipped. */
const MODERN_PANE_BUDGET = 100 * 1024;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundle } = require(join(ROOT, 'webpack.config.js')) as {
  bundle(target: 'modern' | 'legacy', options: { production: boolean; outputPath: string; addinUrl: string }): Configuration;
};

let out = '';

function build(configs: Configuration[]): Promise<void> {
  return new Promise((resolve, reject) =>
    webpack(configs, (error, stats) => {
      if (error) return reject(error);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString('errors-only') ?? 'webpack failed'));
      resolve();
    }),
  );
}

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'jixiao-addin-'));
  const options = { production: true, outputPath: out, addinUrl: ADDIN_URL };
  // Source maps are not loaded by the pages; leaving them out makes the build quicker.
  await build([bundle('legacy', options), bundle('modern', options)].map((c) => ({ ...c, devtool: false })));
}, 600_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

interface ScriptTag {
  src: string;
  module: boolean;
  nomodule: boolean;
}

/** The <script> tags of a page, in order (attributes quoted or not, as html-webpack-plugin writes them). */
function scriptTags(html: string): ScriptTag[] {
  return [...html.matchAll(/<script\b([^>]*)>/gi)].map(([, attrs]) => {
    const src = /\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
    return {
      src: src ? (src[1] ?? src[2] ?? src[3]) : '',
      module: /\btype=["']?module\b/i.test(attrs),
      nomodule: /\bnomodule\b/i.test(attrs),
    };
  });
}

const manifest = async () => {
  const xml = await readFile(join(out, 'manifest.xml'), 'utf8');
  return { xml, urls: [...xml.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => m[1]) };
};

/** The pages the manifest names (task pane, function file, help), as files in the build. */
async function manifestPages(): Promise<string[]> {
  const { urls } = await manifest();
  return [...new Set(urls.filter((u) => u.endsWith('.html')).map((u) => u.slice(ADDIN_URL.length)))].sort();
}

function parses(code: string, options: Options): string | null {
  try {
    parse(code, options);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('the built add-in', () => {
  test('the manifest names the task pane, the function file and the help page', async () => {
    expect(await manifestPages()).toEqual(['commands.html', 'help.html', 'taskpane.html']);
  });

  test('every script the pages load parses in the webview that runs it: ES5 for IE11, ES2017 for the old Edge', async () => {
    const files = (await readdir(out)).filter((f) => f.endsWith('.js'));
    const loaded: string[] = [];
    for (const page of await manifestPages()) {
      for (const tag of scriptTags(await readFile(join(out, page), 'utf8'))) {
        // office.js is Microsoft's, from its CDN.
        if (tag.src.startsWith('https://appsforoffice.microsoft.com/')) continue;
        expect({ page, src: tag.src, exists: files.includes(tag.src) }).toEqual({ page, src: tag.src, exists: true });
        expect({ page, src: tag.src, either: tag.module !== tag.nomodule }).toEqual({ page, src: tag.src, either: true });
        loaded.push(tag.src);
      }
    }
    expect(loaded.sort()).toEqual(['commands.es5.js', 'commands.js', 'taskpane.es5.js', 'taskpane.js']);
    // Chunks a page loads later (the report renderer) count too: every .js file is checked.
    const failures: Record<string, string> = {};
    for (const file of files) {
      const code = await readFile(join(out, file), 'utf8');
      const legacy = file.endsWith('.es5.js');
      const problem = legacy
        ? parses(code, { ecmaVersion: 5, sourceType: 'script' })
        : parses(code, { ecmaVersion: 2017, sourceType: 'module' });
      if (problem) failures[file] = `${legacy ? 'ES5' : 'ES2017'}: ${problem}`;
    }
    expect(failures).toEqual({});
  });

  test('no script turns a string into code (the pages’ Content-Security-Policy refuses eval)', async () => {
    for (const file of (await readdir(out)).filter((f) => f.endsWith('.js'))) {
      const code = await readFile(join(out, file), 'utf8');
      expect({ file, evaluates: /(^|[^\w$.])eval\(|new Function\b|(^|[^\w$.])Function\(/.test(code) }).toEqual({ file, evaluates: false });
    }
  });

  test('each page loads office.js first, then its modern and its legacy script; the help page loads none', async () => {
    for (const page of ['taskpane', 'commands']) {
      const tags = scriptTags(await readFile(join(out, `${page}.html`), 'utf8'));
      expect(tags).toEqual([
        { src: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js', module: false, nomodule: false },
        { src: `${page}.js`, module: true, nomodule: false },
        { src: `${page}.es5.js`, module: false, nomodule: true },
      ]);
    }
    expect(scriptTags(await readFile(join(out, 'help.html'), 'utf8'))).toEqual([]);
  });

  test(`the pane a modern webview loads stays under ${MODERN_PANE_BUDGET / 1024} KB gzipped; both paths measured`, async () => {
    const size = async (file: string) => gzipSync(await readFile(join(out, file)), { level: 9 }).length;
    const sizes: Record<string, number> = {};
    for (const file of ['taskpane.js', 'taskpane.es5.js', 'commands.js', 'commands.es5.js']) sizes[file] = await size(file);
    process.stdout.write(
      `gzipped: ${Object.entries(sizes)
        .map(([f, n]) => `${f} ${(n / 1024).toFixed(1)} KB`)
        .join(', ')}\n`,
    );
    expect(sizes['taskpane.js']).toBeLessThanOrEqual(MODERN_PANE_BUDGET);
    expect(sizes['commands.js']).toBeLessThanOrEqual(MODERN_PANE_BUDGET);
  });

  test('the function file’s Content-Security-Policy lets office.js work: its script, its inline styles, Office’s frames', async () => {
    const html = await readFile(join(out, 'commands.html'), 'utf8');
    const csp = /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/i.exec(html)?.[1] ?? '';
    const directive = (name: string) =>
      (
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .find((d) => d[0] === name) ?? []
      ).slice(1);
    expect(directive('script-src')).toEqual(expect.arrayContaining(["'self'", 'https://appsforoffice.microsoft.com']));
    expect(directive('style-src')).toEqual(expect.arrayContaining(["'self'", "'unsafe-inline'"]));
    expect(directive('frame-src')).toEqual(expect.arrayContaining(['https://*.office.com', 'https://*.officeapps.live.com']));
    expect(directive('connect-src')).toEqual(expect.arrayContaining(['https://*.office.com', 'https://*.office.net']));
    expect(directive('script-src')).not.toContain("'unsafe-eval'");
  });

  test('ADDIN_URL points every URL of the manifest, and its AppDomain, at the deployment; each names a built file', async () => {
    const { xml, urls } = await manifest();
    expect(xml).not.toMatch(/localhost/);
    const doc = new XMLParser().parse(xml) as { OfficeApp: { AppDomains: { AppDomain: string }; SupportUrl: unknown } };
    expect(doc.OfficeApp.AppDomains.AppDomain).toBe(new URL(ADDIN_URL).origin);
    expect(xml).toContain(`<SupportUrl DefaultValue="${ADDIN_URL}help.html"/>`);
    const built = new Set([...(await readdir(out)), ...(await readdir(join(out, 'assets'))).map((f) => `assets/${f}`)]);
    for (const url of urls) expect({ url, built: built.has(url.slice(ADDIN_URL.length)) }).toEqual({ url, built: true });
  });

  test('the help page says how to use the add-in, what each colour means and how to report a problem', async () => {
    const html = await readFile(join(out, 'help.html'), 'utf8');
    for (const heading of ['怎么用', '颜色的含义', '报告问题']) expect(html).toContain(heading);
    for (const colour of ['浅黄色', '浅红色', '浅蓝色']) expect(html).toContain(colour);
  });
});
