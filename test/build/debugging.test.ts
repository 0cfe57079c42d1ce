// `npm start` / `npm stop` go through office-addin-debugging, an optional dependency: its keytar
// dependency fetches or compiles a native module, which fails offline, and npm then skips the
// optional package instead of failing `npm ci` (docs.npmjs.com, package.json "optionalDependencies").
// When it was skipped the scripts say so, in Chinese first, and what to do instead (docs/office-js.md).
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

interface PackageJson {
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

interface PackageLock {
  packages: Record<string, { optional?: boolean }>;
}

test('office-addin-debugging is optional, and so is the keytar it brings: npm ci goes on without them', async () => {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
  expect(Object.keys(pkg.optionalDependencies ?? {})).toContain('office-addin-debugging');
  expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('office-addin-debugging');
  const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as PackageLock;
  expect(lock.packages['node_modules/office-addin-debugging']?.optional).toBe(true);
  expect(lock.packages['node_modules/keytar']?.optional).toBe(true);
  expect(pkg.scripts.start).toBe('tsx scripts/debugging.ts start');
  expect(pkg.scripts.stop).toBe('tsx scripts/debugging.ts stop');
});

test('npm start where it was skipped: a clear message and what to do, not "command not found"', async () => {
  // A copy of the script outside the project finds no office-addin-debugging, wherever it is installed.
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-start-'));
  try {
    await copyFile(join(ROOT, 'scripts', 'debugging.ts'), join(dir, 'debugging.ts'));
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(dir, 'debugging.ts'), 'start'], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^office-addin-debugging 未安装/);
    for (const advice of ['npm install', 'npm run dev-server', 'manifest.xml']) expect(run.stderr).toContain(advice);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
