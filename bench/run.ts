// `npm run bench`: the engine's time per form and per indicator row, and `check`'s time per file
// beside exceljs's own load time for the same file. A benchmark to read, not a timed test.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { Workbook } from 'exceljs';
import { checkFile } from '../src/cli/analyze';
import { analyzeSheet } from '../src/core/engine';
import { NATIONAL } from '../src/core/profile';
import { seedSketch } from '../test/fixtures/seed';
import { sketchToSnapshot, type SheetSketch } from '../src/core/sketch';
import { sketchToWorkbook, worksheetToSnapshot } from '../src/xlsx/convert';
import { generatedSketch } from './forms';

/** Median wall time of `runs` calls after one warm-up call, in milliseconds. */
async function median(runs: number, fn: () => unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function ms(n: number): string {
  return n < 10 ? n.toFixed(2) : n.toFixed(1);
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const forms: { label: string; sketch: SheetSketch; rows: number; runs: number }[] = [
    { label: 'seed (27 rows)', sketch: seedSketch, rows: 27, runs: 200 },
    { label: '100 rows', sketch: generatedSketch(100), rows: 100, runs: 50 },
    { label: '1,000 rows', sketch: generatedSketch(1000), rows: 1000, runs: 10 },
    { label: '10,000 rows', sketch: generatedSketch(10000), rows: 10000, runs: 3 },
  ];
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-bench-'));
  const engineRows: string[][] = [];
  const fileRows: string[][] = [];
  try {
    for (const f of forms) {
      const snapshot = sketchToSnapshot(f.sketch);
      const found = analyzeSheet(snapshot, NATIONAL).forms[0]?.indicators.length ?? 0;
      const engine = await median(f.runs, () => analyzeSheet(snapshot, NATIONAL));
      engineRows.push([f.label, String(found), ms(engine), `${((engine * 1000) / f.rows).toFixed(1)}`]);

      const file = path.join(dir, `${f.rows}.xlsx`);
      await sketchToWorkbook([f.sketch]).xlsx.writeFile(file);
      const size = (await fs.stat(file)).size;
      const fileRuns = Math.max(5, Math.min(30, Math.floor(f.runs / 2)));
      // Read the bytes and parse them, exactly as check opens a file.
      const load = await median(fileRuns, async () => new Workbook().xlsx.load((await fs.readFile(file)) as unknown as ArrayBuffer));
      const wb = new Workbook();
      await wb.xlsx.readFile(file);
      const snap = await median(fileRuns, () => worksheetToSnapshot(wb.worksheets[0]));
      const check = await median(fileRuns, () => checkFile(file, NATIONAL, null));
      fileRows.push([f.label, `${(size / 1024).toFixed(0)} KB`, ms(load), ms(snap), ms(check), `${((check / load - 1) * 100).toFixed(0)}%`]);
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  console.log(`jixiao bench — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}\n`);
  console.log('引擎 engine (analyzeSheet on a snapshot, median)');
  console.log(table(['form', 'indicators read', 'ms / form', 'µs / row'], engineRows));
  console.log('\n文件 file (check = open + snapshot + engine, median; the last column is what check adds to the load)');
  console.log(table(['form', 'xlsx', 'exceljs load ms', 'snapshot ms', 'check ms', 'check vs load'], fileRows));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
