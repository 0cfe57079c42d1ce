// Checking many files: in this thread for a few, on worker threads for a batch. Results come back
// in input order whichever worker finishes first.
import path from 'path';
import { Worker } from 'worker_threads';
import type { Profile } from '../core/profile';
import { DEFAULT_LIMITS, type ReadLimits } from '../xlsx/limits';
import type { ReviewFile } from '../xlsx/review-rows';
import { checkFile } from './analyze';

export interface CheckTask {
  id: number;
  file: string;
  profile: Profile;
  sheet: string | null;
  limits: ReadLimits;
}

export interface CheckDone {
  id: number;
  result: ReviewFile;
}

/** Up to this many files, starting threads (about 0.3 s each to load exceljs) costs more than it saves. */
export const FEW_FILES = 8;

export interface PoolOptions {
  workers: number;
  onProgress?: (done: number, total: number) => void;
  /** Counts the files a worker thread checked (the rest fell back to this thread). */
  stats?: { onWorkers: number };
  limits?: ReadLimits;
}

/**
 * A worker running the compiled worker.js, or — when this module runs as TypeScript source (tsx,
 * ts-jest) — the worker.ts source through tsx's require hook.
 */
function startWorker(): Worker {
  const ext = path.extname(__filename);
  const entry = path.join(__dirname, `worker${ext}`);
  if (ext === '.ts') {
    // Resolved here: an eval worker resolves bare names from the working folder, which may be anywhere.
    const tsx = require.resolve('tsx/cjs');
    return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true });
  }
  return new Worker(entry);
}

export async function checkFiles(files: string[], profile: Profile, sheet: string | null, opts: PoolOptions): Promise<ReviewFile[]> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const results: ReviewFile[] = new Array<ReviewFile>(files.length);
  let done = 0;
  const finish = (id: number, result: ReviewFile): void => {
    results[id] = result;
    done++;
    opts.onProgress?.(done, files.length);
  };
  const threads = Math.min(opts.workers, files.length);
  if (threads < 1 || files.length <= FEW_FILES) {
    for (let id = 0; id < files.length; id++) finish(id, await checkFile(files[id], profile, sheet, limits));
    return results;
  }

  let next = 0;
  const leftovers: number[] = [];
  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = startWorker();
      let current: number | null = null;
      const feed = (): void => {
        if (next >= files.length) {
          current = null;
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        const task: CheckTask = { id: current, file: files[current], profile, sheet, limits };
        worker.postMessage(task);
      };
      worker.on('message', (msg: CheckDone) => {
        if (opts.stats) opts.stats.onWorkers++;
        finish(msg.id, msg.result);
        feed();
      });
      // A worker that dies hands its file back to this thread; the others go on.
      worker.on('error', () => {
        if (current !== null) leftovers.push(current);
        current = null;
        resolve();
      });
      worker.on('exit', () => {
        if (current !== null) leftovers.push(current);
        current = null;
        resolve();
      });
      feed();
    });
  await Promise.all(Array.from({ length: threads }, runWorker));
  for (let id = next; id < files.length; id++) leftovers.push(id);
  for (const id of leftovers) {
    if (results[id] === undefined) finish(id, await checkFile(files[id], profile, sheet, limits));
  }
  return results;
}
