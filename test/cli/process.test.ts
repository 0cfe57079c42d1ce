// The real command path once: `npm run cli -- check … --json` in a child process.
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import path from 'path';
import { promisify } from 'util';
import type { JsonReport } from '../../src/cli/json';
import { seedSketch } from '../fixtures/seed';
import { tempDir, writeSketches } from './helpers';

const exec = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');

it('npm run cli -- check prints the JSON report and exits 0; a bad file exits 2 with one line', async () => {
  const dir = await tempDir();
  try {
    const seed = await writeSketches(path.join(dir, 'seed.xlsx'), [seedSketch]);
    const ok = await exec('npm', ['run', '-s', 'cli', '--', 'check', seed, '--json'], { cwd: ROOT });
    const report = JSON.parse(ok.stdout) as JsonReport;
    expect(report.files[0].forms[0].total?.score).toBe('97.87');

    const bad = path.join(dir, 'bad.xlsx');
    await fs.writeFile(bad, 'hello');
    const failed = await exec('npm', ['run', '-s', 'cli', '--', 'check', bad], { cwd: ROOT }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr.trim().split('\n')).toEqual([expect.stringContaining('bad.xlsx')]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
