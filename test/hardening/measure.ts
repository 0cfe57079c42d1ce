// Wall time and memory of one case, and a table of them printed once per test file.
import { performance } from 'perf_hooks';

/**
 * The bounds every case must stay within (docs/limits.md). Generous on purpose: the slowest case
 * takes a few seconds alone, but this 2-core machine runs other suites at the same time, so the
 * firm bound is on the process's own CPU time, and wall time only catches a hang.
 */
export const MAX_MS = 120_000;
export const MAX_CPU_MS = 20_000;
export const MAX_GROWTH_MB = 1536;

export interface Figures {
  case: string;
  ms: number;
  /** CPU time of this process (user + system), less sensitive to other work on the machine. */
  cpuMs: number;
  /** Resident set size after the case minus before. */
  rssGrowthMB: number;
  /** How much the case raised the process's resident high-water mark. */
  peakGrowthMB: number;
  peakMB: number;
}

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
/** resourceUsage().maxRSS is in kilobytes. */
const peakBytes = (): number => process.resourceUsage().maxRSS * 1024;

export async function measure<T>(name: string, table: Figures[], fn: () => Promise<T>): Promise<{ value: T; figures: Figures }> {
  const rss = process.memoryUsage().rss;
  const peak = peakBytes();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  const figures: Figures = {
    case: name,
    ms: Math.round(performance.now() - start),
    cpuMs: Math.round((used.user + used.system) / 1000),
    rssGrowthMB: mb(process.memoryUsage().rss - rss),
    peakGrowthMB: mb(peakBytes() - peak),
    peakMB: mb(peakBytes()),
  };
  table.push(figures);
  return { value, figures };
}

export function expectBounded(f: Figures): void {
  expect(f.ms).toBeLessThan(MAX_MS);
  expect(f.cpuMs).toBeLessThan(MAX_CPU_MS);
  expect(f.rssGrowthMB).toBeLessThan(MAX_GROWTH_MB);
  expect(f.peakGrowthMB).toBeLessThan(MAX_GROWTH_MB);
}

export function printTable(title: string, table: Figures[]): void {
  const lines = table.map((f) => `| ${f.case} | ${f.ms} | ${f.cpuMs} | ${f.rssGrowthMB} | ${f.peakGrowthMB} | ${f.peakMB} |`);
  const head = ['| case | wall ms | CPU ms | RSS growth MB | peak growth MB | peak MB |', '| --- | --: | --: | --: | --: | --: |'];
  console.log([title, ...head, ...lines].join('\n'));
}
