// Running the command in-process on real .xlsx files in a temp folder.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { main, type Io } from '../../src/cli/main';
import type { SheetSketch } from '../../src/core/sketch';
import { XlsxBook } from '../../src/xlsx/book';
import { sketchToWorkbook } from '../../src/xlsx/convert';
import type { Snapshot } from '../../src/core/types';

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function run(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), errIsTTY: false };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-test-'));
}

export async function writeSketches(file: string, sketches: SheetSketch[]): Promise<string> {
  await sketchToWorkbook(sketches).xlsx.writeFile(file);
  return file;
}

export async function readSnapshots(file: string): Promise<Snapshot[]> {
  return XlsxBook.open(file, await fs.readFile(file)).snapshots();
}

/** A stack trace line, which a person must never see. */
export const STACK = /\n\s+at |Error:/;
