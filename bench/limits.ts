// `npm run bench:limits`: every case of the bad-workbook catalogue through the built command, each
// in a process of its own, with its wall time and the process's peak memory (max RSS), as
// docs/limits.md reports them. Needs `npm run build:cli` (the npm script does it).
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { makeBadWorkbooks } from '../scripts/make-bad-workbooks';

const BIN = path.join(__dirname, '..', 'bin', 'jixiao.js');
/**
 * Runs the command in this process and writes its peak memory (kB) on fd 3 when it exits: Linux's
 * VmHWM, which starts afresh with the process (getrusage's maxRSS keeps the parent's from before exec).
 */
const PROBE = `process.on('exit', () => {
  const fs = require('fs');
  let kb = process.resourceUsage().maxRSS;
  try { kb = Number(/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]); } catch {}
  fs.writeSync(3, String(kb));
});
process.argv.splice(1, 0, 'jixiao');
require(${JSON.stringify(BIN)});`;

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-limits-'));
  try {
    const cases = await makeBadWorkbooks(dir);
    const rows: string[] = [];
    for (const c of cases) {
      const args = ['check', '--json', ...(c.args ?? []), c.file];
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ['-e', PROBE, ...args], {
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const peakMb = Number(r.output[3] ?? 0) / 1024;
      const size = (await fs.stat(c.file)).size;
      const line =
        r.status === 2
          ? (r.stderr ?? '')
              .trim()
              .split('\n')[0]
              .replace(/^jixiao：[^：]*：/, '')
          : `exit ${r.status}: findings`;
      const short = line.length > 70 ? `${line.slice(0, 69)}…` : line;
      rows.push(
        `| ${c.id} | ${(c.args ?? []).join(' ')} | ${size < 1024 * 1024 ? `${(size / 1024).toFixed(0)} KB` : `${(size / 1024 / 1024).toFixed(1)} MB`} | ${r.status} | ${short} | ${ms.toFixed(0)} | ${peakMb.toFixed(0)} |`,
      );
    }
    console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, load ${os.loadavg()[0].toFixed(1)}`);
    console.log('| case | options | file | exit | what the person reads | wall ms | peak MB |');
    console.log('| --- | --- | --: | --: | --- | --: | --: |');
    console.log(rows.join('\n'));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
