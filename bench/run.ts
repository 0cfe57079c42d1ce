// `npm run bench`: the file door's reader against exceljs's load and against the whole `check`,
// on the seed and on 100 / 1,000 / 10,000-row forms made from it with its merges. In-process:
// the three are run in alternating order, round after round, after a warm-up, and reported as
// min / median / max. Whole-process (module loading included): hyperfine runs
// `node bin/jixiao.js check` against a process that only loads exceljs and opens the file.
// A benchmark to read, not a timed test. Needs `npm run build:cli` (the npm script does it).
import { execFileSync } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { Workbook } from 'exceljs';
import { checkFile } from '../src/cli/analyze';
import { analyzeSheet } from '../src/core/engine';
import { NATIONAL } from '../src/core/profile';
import { seedSketch } from '../test/fixtures/seed';
import { sketchToSnapshot, type SheetSketch } from '../src/core/sketch';
import { sketchToWorkbook } from '../src/xlsx/convert';
import { openXlsxBytes } from '../src/xlsx/file';
import { seedFormOf } from './forms';

const ROOT = path.join(__dirname, '..');

interface Stats {
  min: number;
  median: number;
  max: number;
}

function stats(times: number[]): Stats {
  const t = [...times].sort((a, b) => a - b);
  return { min: t[0], median: t[Math.floor(t.length / 2)], max: t[t.length - 1] };
}

function ms(n: number): string {
  return n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0);
}

function triple(s: Stats): string {
  return `${ms(s.min)} / ${ms(s.median)} / ${ms(s.max)}`;
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(head),
    `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}

/** Run the named tasks in rounds, each round in a rotated order, after `warm` untimed rounds. */
async function interleaved(tasks: Record<string, () => Promise<unknown>>, rounds: number, warm: number): Promise<Record<string, Stats>> {
  const names = Object.keys(tasks);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < warm + rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length];
      const start = performance.now();
      await tasks[name]();
      if (r >= warm) times[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((n) => [n, stats(times[n])]));
}

interface Hyperfine {
  results: { command: string; times: number[] }[];
}

/**
 * Whole processes through hyperfine, which runs one command's runs and then the other's: each pair
 * is run twice, in both orders, so that neither always goes first.
 */
function wholeProcess(file: string, runs: number): Record<string, Stats> | null {
  const bin = path.join(ROOT, 'bin', 'jixiao.js');
  const load = path.join(ROOT, 'bench', 'exceljs-load.cjs');
  const commands = { check: `node ${bin} check ${file} --json`, exceljs: `node ${load} ${file}` };
  const out = path.join(os.tmpdir(), `jixiao-hyperfine-${process.pid}.json`);
  const times: Record<string, number[]> = { check: [], exceljs: [] };
  try {
    for (const order of [
      ['check', 'exceljs'],
      ['exceljs', 'check'],
    ] as const) {
      execFileSync(
        'hyperfine',
        [
          '--warmup',
          '2',
          '--runs',
          String(runs),
          '-N',
          '--ignore-failure',
          '--style',
          'none',
          '--export-json',
          out,
          ...order.map((k) => commands[k]),
        ],
        { stdio: 'ignore' },
      );
      const result = JSON.parse(readFileSync(out, 'utf8')) as Hyperfine;
      order.forEach((k, i) => times[k].push(...result.results[i].times.map((t) => t * 1000)));
    }
  } catch {
    return null;
  } finally {
    void fs.rm(out, { force: true });
  }
  return { check: stats(times.check), exceljs: stats(times.exceljs) };
}

async function main(): Promise<void> {
  const forms: { label: string; sketch: SheetSketch; rows: number; rounds: number; processRuns: number }[] = [
    { label: 'seed (27 rows)', sketch: seedSketch, rows: 27, rounds: 30, processRuns: 10 },
    { label: '100 rows', sketch: seedFormOf(100), rows: 100, rounds: 20, processRuns: 10 },
    { label: '1,000 rows', sketch: seedFormOf(1000), rows: 1000, rounds: 10, processRuns: 6 },
    { label: '10,000 rows', sketch: seedFormOf(10000), rows: 10000, rounds: 5, processRuns: 3 },
  ];
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-bench-'));
  const engineRows: string[][] = [];
  const fileRows: string[][] = [];
  const processRows: string[][] = [];
  try {
    for (const f of forms) {
      const snapshot = sketchToSnapshot(f.sketch);
      const found = analyzeSheet(snapshot, NATIONAL).forms[0]?.indicators.length ?? 0;
      const engine = await interleaved({ engine: async () => analyzeSheet(snapshot, NATIONAL) }, f.rounds, 2);
      engineRows.push([
        f.label,
        String(found),
        String(f.sketch.merges?.length ?? 0),
        triple(engine.engine),
        `${((engine.engine.median * 1000) / f.rows).toFixed(1)}`,
      ]);

      const file = path.join(dir, `${f.rows}.xlsx`);
      await fs.writeFile(file, new Uint8Array((await sketchToWorkbook([f.sketch]).xlsx.writeBuffer()) as ArrayBuffer));
      const size = (await fs.stat(file)).size;
      // Each task reads the file's bytes first, as the command does.
      const r = await interleaved(
        {
          reader: async () => openXlsxBytes(file, await fs.readFile(file)).snapshots(),
          exceljs: async () => new Workbook().xlsx.load((await fs.readFile(file)) as unknown as ArrayBuffer),
          check: async () => checkFile(file, NATIONAL, null),
        },
        f.rounds,
        3,
      );
      fileRows.push([
        f.label,
        `${(size / 1024).toFixed(0)} KB`,
        triple(r.reader),
        triple(r.exceljs),
        triple(r.check),
        `${(r.exceljs.median / r.check.median).toFixed(1)}×`,
      ]);
      const whole = wholeProcess(file, f.processRuns);
      if (whole)
        processRows.push([
          f.label,
          triple(whole.check),
          triple(whole.exceljs),
          `${(whole.exceljs.median / whole.check.median).toFixed(1)}×`,
        ]);
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  console.log(
    `jixiao bench — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, load ${os.loadavg()[0].toFixed(1)}\n`,
  );
  console.log('引擎 engine: analyzeSheet on a snapshot, ms min / median / max');
  console.log(table(['form', 'indicators', 'merges', 'engine ms', 'µs / row (median)'], engineRows));
  console.log('\n文件 file, in-process, interleaved rounds, ms min / median / max (each includes reading the file)');
  console.log(table(['form', 'xlsx', 'door reader', 'exceljs load', 'whole check', 'exceljs load ÷ check'], fileRows));
  if (processRows.length > 0) {
    console.log('\n整个进程 whole process (hyperfine, module loading included), ms min / median / max');
    console.log(table(['form', 'node bin/jixiao.js check --json', 'node: require exceljs + load', 'exceljs ÷ check'], processRows));
  } else {
    console.log('\n(whole-process figures need hyperfine and `npm run build:cli`)');
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
