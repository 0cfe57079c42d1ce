// Building the demo with webpack's Node API, and only when the build is missing or older than
// its sources. Test files run in parallel workers, so a lock directory keeps them from building
// into dist/demo at the same time.
import { mkdir, readdir, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import webpack, { type Configuration } from 'webpack';

export const PROJECT_ROOT = join(__dirname, '..', '..', '..');
export const DEMO_DIR = join(PROJECT_ROOT, 'dist', 'demo');
const LOCK = join(PROJECT_ROOT, 'dist', '.demo-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

const SOURCES = ['src', 'assets/samples', 'webpack.demo.js', 'webpack.config.js', 'tsconfig.json'];

async function newestTime(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  const names = await readdir(path);
  const times = await Promise.all(names.map((name) => newestTime(join(path, name))));
  return Math.max(info.mtimeMs, ...times);
}

/** True when dist/demo is missing, or a source is newer than the built page. */
export async function demoIsStale(): Promise<boolean> {
  const built = await Promise.all(['index.html', 'pane/taskpane.html'].map((name) => newestTime(join(DEMO_DIR, name))));
  const builtAt = Math.min(...built);
  if (builtAt === 0) return true;
  const sources = await Promise.all(SOURCES.map((p) => newestTime(join(PROJECT_ROOT, p))));
  return Math.max(...sources) > builtAt;
}

/** Build dist/demo (production), resolving with webpack's warnings (if any) or rejecting with its errors. */
export async function buildDemo(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfigs = require(join(PROJECT_ROOT, 'webpack.demo.js')) as (
    env: Record<string, unknown>,
    argv: { mode: 'production' | 'development' },
  ) => Promise<Configuration[]>;
  const compiler = webpack(await makeConfigs({}, { mode: 'production' }));
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (!stats || stats.hasErrors()) {
        return reject(new Error(stats?.toString({ all: false, errors: true, errorDetails: true }) ?? 'webpack failed'));
      }
      resolve(stats.hasWarnings() ? stats.toString({ preset: 'errors-warnings', colors: false }) : '');
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Build the demo unless it is up to date; safe to call from several processes at once. */
export async function ensureDemoBuilt(): Promise<void> {
  await mkdir(join(PROJECT_ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch {
      const held = await stat(LOCK).catch(() => null);
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) await rmdir(LOCK).catch(() => undefined);
      await sleep(250);
    }
  }
  try {
    if (await demoIsStale()) await buildDemo();
  } finally {
    await rmdir(LOCK).catch(() => undefined);
  }
}
