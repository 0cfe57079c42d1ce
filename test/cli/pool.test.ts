// A batch on worker threads (the worker runs from TypeScript source here, through tsx).
import { promises as fs } from 'fs';
import path from 'path';
import { NATIONAL } from '../../src/core/profile';
import { checkFiles, FEW_FILES } from '../../src/cli/pool';
import { seedSketch } from '../fixtures/seed';
import { tempDir, writeSketches } from './helpers';

it('checks every file on the workers, in input order, as this thread would', async () => {
  const dir = await tempDir();
  try {
    const files: string[] = [];
    for (let i = 0; i <= FEW_FILES; i++) {
      const file = path.join(dir, `${i}.xlsx`);
      if (i === 3) await fs.writeFile(file, 'not a workbook');
      else await writeSketches(file, [{ ...seedSketch, name: `表${i}` }]);
      files.push(file);
    }
    const stats = { onWorkers: 0 };
    const seen: number[] = [];
    const onWorkers = await checkFiles(files, NATIONAL, null, { workers: 2, stats, onProgress: (done) => seen.push(done) });
    expect(stats.onWorkers).toBe(files.length);
    expect(seen).toEqual(files.map((_, i) => i + 1));
    expect(onWorkers.map((r) => r.sheets[0]?.sheet ?? r.error)).toEqual(
      files.map((f, i) => (i === 3 ? expect.stringContaining(f) : `表${i}`)),
    );
    expect(onWorkers).toEqual(await checkFiles(files, NATIONAL, null, { workers: 0 }));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
