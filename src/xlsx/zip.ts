// The .xlsx container: a zip read from its central directory (APPNOTE.TXT 4.3.12), every part
// counted against the limits before anything is unpacked, parts inflated with fflate under a hard
// cap, and a writer that carries unchanged parts over as their original compressed bytes.
// Browser-safe: Uint8Array and DataView only.
import { Inflate, deflateSync } from 'fflate';
import { CORRUPT, XlsxFileError } from './errors';
import { sizeText, type ReadLimits } from './limits';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** DOS time and date, kept when the part is written again. */
  time: number;
  date: number;
  /** Where the compressed bytes start in the file. */
  dataStart: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const utf8 = new TextDecoder('utf-8');
const cp437ish = new TextDecoder('latin1');

/**
 * Unpack a deflated part into exactly `size` bytes, or throw when it holds more or less. The
 * default is fflate, in steps, so that a part whose content is larger than its directory says
 * stops near the declared size instead of filling the memory; Node passes its own zlib, which
 * does the same with a hard output cap (maxOutputLength) several times faster.
 */
export type Inflater = (raw: Uint8Array, size: number) => Uint8Array;

/** fflate's inflater, 64 KB of input at a time (at most ~66 MB of output per step). */
export const stepInflate: Inflater = (raw, size) => {
  const out = new Uint8Array(size);
  let filled = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    if (over || filled + chunk.length > size) {
      over = true;
      return;
    }
    out.set(chunk, filled);
    filled += chunk.length;
  });
  const STEP = 65536;
  for (let i = 0; i < raw.length && !over; i += STEP) inflate.push(raw.subarray(i, i + STEP), i + STEP >= raw.length);
  if (over || filled !== size) throw new Error('size');
  return out;
};

/** The zip of an .xlsx: its parts by name, and the bytes they are read from. */
export class ZipArchive {
  private readonly byKey = new Map<string, ZipEntry>();

  private constructor(
    readonly file: string,
    readonly data: Uint8Array,
    readonly entries: ZipEntry[],
    private readonly inflate: Inflater,
  ) {
    for (const e of entries) if (!this.byKey.has(e.name.toLowerCase())) this.byKey.set(e.name.toLowerCase(), e);
  }

  /**
   * Read the central directory and refuse, in one line naming the file, whatever is past a limit
   * (number of parts, any part's or all parts' unpacked size), ambiguous (two entries of one name
   * with different contents; OPC part names ignore case), encrypted, zip64 or not a zip.
   */
  static open(file: string, data: Uint8Array, limits: ReadLimits, inflate: Inflater = stepInflate): ZipArchive {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const floor = Math.max(0, data.length - 22 - 0xffff);
    let eocd = -1;
    for (let i = data.length - 22; i >= floor; i--) {
      if (view.getUint32(i, true) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new XlsxFileError(file, 'corrupt', CORRUPT);
    const count = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    if (count === 0xffff || at === 0xffffffff) throw tooLarge(file, '使用 zip64 格式（超过 4 GB 或 65,535 个部件）', 'zip64');
    if (count > limits.parts) {
      throw new XlsxFileError(
        file,
        'too-large',
        `工作簿有 ${count} 个部件，超过上限 ${limits.parts}，不予读取（too many parts in the zip）`,
      );
    }
    const entries: ZipEntry[] = [];
    const seen = new Map<string, ZipEntry>();
    let total = 0;
    for (let n = 0; n < count; n++) {
      if (at + 46 > data.length || view.getUint32(at, true) !== CENTRAL) throw new XlsxFileError(file, 'corrupt', CORRUPT);
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const time = view.getUint16(at + 12, true);
      const date = view.getUint16(at + 14, true);
      const crc = view.getUint32(at + 16, true);
      const compressedSize = view.getUint32(at + 20, true);
      const size = view.getUint32(at + 24, true);
      const nameLength = view.getUint16(at + 28, true);
      const extra = view.getUint16(at + 30, true);
      const comment = view.getUint16(at + 32, true);
      const local = view.getUint32(at + 42, true);
      const nameBytes = data.subarray(at + 46, at + 46 + nameLength);
      const name = (flags & 0x800 ? utf8 : cp437ish).decode(nameBytes);
      at += 46 + nameLength + extra + comment;
      if (flags & 1) {
        throw new XlsxFileError(
          file,
          'encrypted',
          '文件设有打开密码，或是旧版 .xls 格式：请在 Excel 中取消密码或另存为 .xlsx 后再试（encrypted or legacy .xls）',
        );
      }
      if (size === 0xffffffff || compressedSize === 0xffffffff || local === 0xffffffff)
        throw tooLarge(file, `部件 ${name} 使用 zip64 格式`, 'zip64');
      if (method !== 0 && method !== 8)
        throw new XlsxFileError(
          file,
          'corrupt',
          `部件 ${name} 的压缩方式（${method}）不是 .xlsx 所用的，无法读取（unsupported compression）`,
        );
      if (size > limits.partBytes) {
        throw tooLarge(
          file,
          `部件 ${name} 解压后有 ${sizeText(size)}，超过单个部件的上限 ${sizeText(limits.partBytes)}`,
          'a part too large when unpacked',
        );
      }
      total += size;
      if (total > limits.totalBytes) {
        throw tooLarge(file, `各部件解压后合计超过 ${sizeText(limits.totalBytes)}`, 'parts too large when unpacked');
      }
      if (local + 30 > data.length || view.getUint32(local, true) !== LOCAL) throw new XlsxFileError(file, 'corrupt', CORRUPT);
      const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (dataStart + compressedSize > data.length) throw new XlsxFileError(file, 'corrupt', CORRUPT);
      const entry: ZipEntry = { name, method, flags, crc, compressedSize, size, time, date, dataStart };
      const twin = seen.get(name.toLowerCase());
      if (twin && (twin.crc !== crc || twin.size !== size)) {
        throw new XlsxFileError(
          file,
          'ambiguous',
          `部件 ${name} 在 zip 中出现两次且内容不同，无法确定该读哪一个（duplicate zip entry with different contents）`,
        );
      }
      if (!twin) seen.set(name.toLowerCase(), entry);
      entries.push(entry);
    }
    return new ZipArchive(file, data, entries, inflate);
  }

  /** The part of that name (case ignored, as OPC names are), or undefined. */
  entry(name: string): ZipEntry | undefined {
    return this.byKey.get(name.replace(/^\//, '').toLowerCase());
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** A part's bytes, unpacked to no more than its declared size, its CRC checked. */
  read(name: string): Uint8Array {
    const e = this.entry(name);
    if (!e) throw new XlsxFileError(this.file, 'corrupt', CORRUPT);
    const raw = this.data.subarray(e.dataStart, e.dataStart + e.compressedSize);
    let out: Uint8Array;
    try {
      out = e.method === 0 ? raw : this.inflate(raw, e.size);
    } catch {
      throw new XlsxFileError(this.file, 'corrupt', CORRUPT);
    }
    if (out.length !== e.size || crc32(out) !== e.crc) throw new XlsxFileError(this.file, 'corrupt', CORRUPT);
    return out;
  }
}

function tooLarge(file: string, what: string, english: string): XlsxFileError {
  return new XlsxFileError(
    file,
    'too-large',
    `${what}，不予读取；请删去表格以外的大量内容，或加 --max-mb 提高上限（${english}, see --max-mb）`,
  );
}

/** A part to write: unchanged (its original compressed bytes) or new content. */
export type OutPart = { name: string; from: ZipEntry } | { name: string; content: Uint8Array; like?: ZipEntry };

/** A DOS date and time for new parts: 1980-01-01 00:00, so the same input gives the same output. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Write a zip: unchanged parts carried over as their compressed bytes, changed parts deflated. */
export function writeZip(source: Uint8Array, parts: OutPart[]): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = encoder.encode(p.name);
    let method: number;
    let crc: number;
    let size: number;
    let data: Uint8Array;
    let time = 0;
    let date = DOS_DATE;
    if ('from' in p) {
      ({ method, crc, size } = p.from);
      ({ time, date } = p.from);
      data = source.subarray(p.from.dataStart, p.from.dataStart + p.from.compressedSize);
    } else {
      method = 8;
      crc = crc32(p.content);
      size = p.content.length;
      data = deflateSync(p.content, { level: 6 });
      if (p.like) ({ time, date } = p.like);
    }
    // Bit 11: the name is UTF-8. No data descriptor: sizes are known.
    const flags = /[^\x20-\x7e]/.test(p.name) ? 0x800 : 0;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, LOCAL, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, CENTRAL, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    chunks.push(local, data);
    central.push(cd);
    offset += local.length + data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, EOCD, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let at = 0;
  for (const c of [...chunks, ...central, end]) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
