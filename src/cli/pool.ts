// Checking many files: in this thread for a few, on worker threads for a batch. Results come back
// in input order whichever worker finishes first. A worker has a heap cap; one that runs out of
// memory or dies makes its file that file's error, and a fresh worker goes on with the rest.
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

/** Up to this many files, starting threads costs more than it saves. */
export const FEW_FILES = 8;

/** Each worker's heap: far above what a file within the read limits needs, far below the machine's memory. */
export const WORKER_HEAP_MB = 1536;

export interface PoolOptions {
  workers: number;
  onProgress?: (done: number, total: number) => void;
  /** Counts the files a worker thread checked (the rest fell back to this thread). */
  stats?: { onWorkers: number };
  limits?: ReadLimits;
  /** A worker's heap cap in MB (tests lower it to make a worker run out). */
  heapMb?: number;
}

/**
 * A worker running the compiled worker.js, or — when this module runs as TypeScript source (tsx,
 * ts-jest) — the worker.ts source through tsx's require hook.
 */
function startWorker(heapMb: number): Worker {
  const ext = path.extname(__filename);
  const entry = path.join(__dirname, `worker${ext}`);
  const resourceLimits = { maxOldGenerationSizeMb: heapMb };
  if (ext === '.ts') {
    // Resolved here: an eval worker resolves bare names from the working folder, which may be anywhere.
    const tsx = require.resolve('tsx/cjs');
    return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true, resourceLimits });
  }
  return new Worker(entry, { resourceLimits });
}

/** The result of a file whose worker ran out of memory or stopped. */
function workerDied(file: string, e: unknown): ReviewFile {
  // Not instanceof: the error comes from another realm when the caller runs in a sandbox (jest).
  const { message = '', code = '' } = typeof e === 'object' && e !== null ? (e as { message?: string; code?: string }) : {};
  const memory = /memory/i.test(`${message} ${code}`);
  const detail = memory
    ? '处理这个文件时内存不足，未能读取；请删去表格以外的大量内容（out of memory while checking this file）'
    : '处理这个文件时检查线程意外退出，未能读取（the worker checking this file stopped）';
  return { file, error: `${file}：${detail}`, sheets: [] };
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
  const heapMb = opts.heapMb ?? WORKER_HEAP_MB;
  /** One worker taking files until none are left; when it dies, its file gets the error and a new worker goes on. */
  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = startWorker(heapMb);
      let current: number | null = null;
      let ended = false;
      const feed = (): void => {
        if (next >= files.length) {
          current = null;
          ended = true;
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        const task: CheckTask = { id: current, file: files[current], profile, sheet, limits };
        worker.postMessage(task);
      };
      const died = (e: unknown): void => {
        if (ended) return;
        ended = true;
        if (current !== null) finish(current, workerDied(files[current], e));
        current = null;
        void worker.terminate();
        resolve(next < files.length ? runWorker() : undefined);
      };
      worker.on('message', (msg: CheckDone) => {
        if (opts.stats) opts.stats.onWorkers++;
        finish(msg.id, msg.result);
        feed();
      });
      worker.on('error', died);
      worker.on('exit', (exitCode) => died(new Error(`exit ${exitCode}`)));
      feed();
    });
  await Promise.all(Array.from({ length: threads }, runWorker));
  return results;
}
