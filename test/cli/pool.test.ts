// A batch on worker threads (the worker runs from TypeScript source here, through tsx).
import { promises as fs } from 'fs';
import path from 'path';
import { NATIONAL } from '../../src/core/profile';
import { checkFiles, FEW_FILES } from '../../src/cli/pool';
import { seedSketch } from '../../test/fixtures/seed';
import { partsWorkbook } from '../xlsx/build-xlsx';
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

it('a file that runs its worker out of memory becomes that file’s error, and the batch goes on', async () => {
  const dir = await tempDir();
  try {
    const rows: string[] = [];
    for (let r = 1; r <= 150_000; r++)
      rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>行${r}</t></is></c></row>`);
    const big = path.join(dir, 'big.xlsx');
    await fs.writeFile(big, partsWorkbook({ sheets: [{ name: 'S', body: `<sheetData>${rows.join('')}</sheetData>` }] }));
    const files = [big];
    for (let i = 0; i < FEW_FILES; i++) files.push(await writeSketches(path.join(dir, `${i}.xlsx`), [seedSketch]));
    // A heap far too small for the big file (the real cap is WORKER_HEAP_MB), enough for the others.
    const results = await checkFiles(files, NATIONAL, null, { workers: 2, heapMb: 40 });
    expect(results[0].error).toContain('out of memory');
    expect(results[0].error).toContain(big);
    expect(results.slice(1).map((r) => r.sheets[0]?.forms[0]?.total?.score)).toEqual(files.slice(1).map(() => '97.87'));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 60_000);
