// `npm run bench` (second part): the finance bureau's review. 1,000 varied forms in a folder,
// checked with one worker thread and with two; forms per second for each.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { checkFiles } from '../src/cli/pool';
import { NATIONAL } from '../src/core/profile';
import { projectSketch } from '../test/fixtures/project';
import { seedSketchAt } from '../test/fixtures/seed';
import { moveSketch, type SheetSketch } from '../src/core/sketch';
import { sketchToWorkbook } from '../src/xlsx/convert';
import { STANDARD_ROWS, variantSketch } from '../test/fixtures/variants';
import { seedFormOf } from './forms';

const FORMS = Number(process.env.BENCH_FORMS ?? 1000);

/** The i-th form of the folder: the seed, the project sample, small variants and longer forms, moved about. */
function variedSketch(i: number): SheetSketch {
  const origin = { row: 1 + (i % 7), col: 1 + (i % 3) };
  switch (i % 5) {
    case 0:
      return seedSketchAt(origin);
    case 1:
      return moveSketch(projectSketch, origin);
    case 2:
      return variantSketch({ origin, rows: STANDARD_ROWS.map((r, k) => (k === i % 5 ? { ...r, why: '' } : r)) });
    case 3:
      return variantSketch({
        origin,
        budgetHeader: ['全年预算数', '全年执行数', '执行率', '权重', '得分'],
        money: { initial: 100, planned: 100, executed: 80 + (i % 20) },
      });
    default:
      return seedFormOf(30 + (i % 70));
  }
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-review-'));
  try {
    const made = performance.now();
    const files: string[] = [];
    for (let i = 0; i < FORMS; i++) {
      const file = path.join(dir, `单位${String(i + 1).padStart(4, '0')}.xlsx`);
      await sketchToWorkbook([variedSketch(i)]).xlsx.writeFile(file);
      files.push(file);
    }
    console.log(`审核基准 review bench: ${FORMS} 份自评表 forms written in ${((performance.now() - made) / 1000).toFixed(1)} s`);
    const rows: string[] = [];
    for (const workers of [1, 2]) {
      const start = performance.now();
      const results = await checkFiles(files, NATIONAL, null, { workers });
      const seconds = (performance.now() - start) / 1000;
      const forms = results.reduce((n, r) => n + r.sheets.reduce((m, s) => m + s.forms.length, 0), 0);
      rows.push(
        `${workers} worker${workers > 1 ? 's' : ' '}  ${forms} forms  ${seconds.toFixed(1)} s  ${(forms / seconds).toFixed(0)} forms/s`,
      );
    }
    console.log(rows.join('\n'));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
