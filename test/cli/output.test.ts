// Output safety: no output may be an input under another name, two outputs may not share a place,
// and a new file appears whole or not at all, created by one run only.
import { promises as fs } from 'fs';
import path from 'path';
import { checkOutputs, OutputError, writeOutput } from '../../src/cli/output';
import { seedSketch } from '../fixtures/seed';
import { run, STACK, tempDir, writeSketches } from './helpers';

let dir = '';
let seed = '';
let seedBytes: Buffer;
const cwd = process.cwd();
beforeAll(async () => {
  dir = await tempDir();
  // So that /proc/self/cwd/seed.xlsx is the input under another name.
  process.chdir(dir);
  seed = await writeSketches(path.join(dir, 'seed.xlsx'), [seedSketch]);
  seedBytes = await fs.readFile(seed);
  await fs.symlink(seed, path.join(dir, 'link.xlsx'));
  await fs.link(seed, path.join(dir, 'hard.xlsx'));
  await fs.mkdir(path.join(dir, 'sub'));
  await fs.symlink(dir, path.join(dir, 'sub', 'up'));
});
afterAll(async () => {
  process.chdir(cwd);
  await fs.rm(dir, { recursive: true, force: true });
});

describe.each([
  ['a symlink to the input', () => path.join(dir, 'link.xlsx')],
  ['a hard link to the input', () => path.join(dir, 'hard.xlsx')],
  ['the input through /proc/self/cwd', () => '/proc/self/cwd/seed.xlsx'],
  ['the input through a linked folder', () => path.join(dir, 'sub', 'up', 'seed.xlsx')],
])('%s', (_, target) => {
  test.each([
    ['recompute --out', (t: string) => ['recompute', seed, '--out', t, '--force']],
    ['check --report', (t: string) => ['check', seed, '--report', t, '--force']],
    ['check --csv', (t: string) => ['check', seed, '--csv', t, '--force']],
  ])('%s is refused even with --force, and the input is untouched', async (__, argv) => {
    const r = await run(...argv(target()));
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toContain('is an input file');
    expect(r.err).not.toMatch(STACK);
    expect(Buffer.compare(await fs.readFile(seed), seedBytes)).toBe(0);
  });
});

test('--report and --csv at the same place are refused, also through a linked folder', async () => {
  const same = await run('check', seed, '--report', path.join(dir, 'r.out'), '--csv', path.join(dir, 'sub', 'up', 'r.out'));
  expect(same.code).toBe(2);
  expect(same.err).toContain('--report and --csv name the same file');
  await expect(fs.stat(path.join(dir, 'r.out'))).rejects.toThrow();
});

test('a profile file given with --profile is an input too', async () => {
  const profile = path.join(dir, 'profile.json');
  await fs.writeFile(profile, '{}');
  const r = await run('check', seed, '--profile', profile, '--csv', profile, '--force');
  expect(r.code).toBe(2);
  expect(await fs.readFile(profile, 'utf8')).toBe('{}');
});

test('a write that fails leaves neither the output nor a temporary file', async () => {
  const folder = path.join(dir, 'ro');
  await fs.mkdir(folder);
  const out = path.join(folder, 'missing-dir', 'out.xlsx');
  await expect(writeOutput({ file: out, option: '--out' }, 'x', { force: false, inputs: [] })).rejects.toBeInstanceOf(OutputError);
  expect(await fs.readdir(folder)).toEqual([]);
});

test('--force replaces by rename: the old file is never seen half-written and no temporary file stays', async () => {
  const out = path.join(dir, 'replace.txt');
  await fs.writeFile(out, 'old');
  const before = (await fs.stat(out)).ino;
  await writeOutput({ file: out, option: '--out' }, 'new content', { force: true, inputs: [seed] });
  expect(await fs.readFile(out, 'utf8')).toBe('new content');
  expect((await fs.stat(out)).ino).not.toBe(before);
  expect((await fs.readdir(dir)).filter((f) => f.includes('jixiao-tmp'))).toEqual([]);
});

test('--force on a symlink output replaces the link, never writes through it', async () => {
  const other = path.join(dir, 'other.txt');
  await fs.writeFile(other, 'keep');
  const link = path.join(dir, 'to-other.txt');
  await fs.symlink(other, link);
  await writeOutput({ file: link, option: '--out' }, 'new', { force: true, inputs: [] });
  expect(await fs.readFile(other, 'utf8')).toBe('keep');
  expect((await fs.lstat(link)).isSymbolicLink()).toBe(false);
});

test('two runs creating the same new file: exactly one succeeds, the other is refused', async () => {
  const out = path.join(dir, 'race.txt');
  const results = await Promise.allSettled(
    ['first', 'second', 'third'].map((text) => writeOutput({ file: out, option: '--out' }, text, { force: false, inputs: [] })),
  );
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(refused).toHaveLength(2);
  for (const r of refused) expect((r.reason as Error).message).toContain('output exists');
  expect(['first', 'second', 'third']).toContain(await fs.readFile(out, 'utf8'));
});

test('checkOutputs allows a new file and an existing one only with --force', async () => {
  await expect(checkOutputs([{ file: path.join(dir, 'new.xlsx'), option: '--out' }], [seed], false)).resolves.toBeUndefined();
  const existing = path.join(dir, 'exists.txt');
  await fs.writeFile(existing, 'x');
  await expect(checkOutputs([{ file: existing, option: '--out' }], [seed], false)).rejects.toThrow('use --force');
  await expect(checkOutputs([{ file: existing, option: '--out' }], [seed], true)).resolves.toBeUndefined();
});
