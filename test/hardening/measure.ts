// Memory of one case, and a table of them printed once per test file.

/**
 * The bounds every case must stay within (docs/limits.md): memory, which other work on the machine
 * does not change. Time is not asserted: speed is measured by `npm run bench:limits`, and a test's
 * timeout (HANG_GUARD) only catches a hang, generous because other suites share the machine.
 */
export const MAX_GROWTH_MB = 1536;
export const HANG_GUARD = 120_000;

export interface Figures {
  case: string;
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
  const value = await fn();
  const figures: Figures = {
    case: name,
    rssGrowthMB: mb(process.memoryUsage().rss - rss),
    peakGrowthMB: mb(peakBytes() - peak),
    peakMB: mb(peakBytes()),
  };
  table.push(figures);
  return { value, figures };
}

export function expectBounded(f: Figures): void {
  expect(f.rssGrowthMB).toBeLessThan(MAX_GROWTH_MB);
  expect(f.peakGrowthMB).toBeLessThan(MAX_GROWTH_MB);
}

export function printTable(title: string, table: Figures[]): void {
  const lines = table.map((f) => `| ${f.case} | ${f.rssGrowthMB} | ${f.peakGrowthMB} | ${f.peakMB} |`);
  const head = ['| case | RSS growth MB | peak growth MB | peak MB |', '| --- | --: | --: | --: |'];
  console.log([title, ...head, ...lines].join('\n'));
}
