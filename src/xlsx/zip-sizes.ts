// How big the parts of an .xlsx (a zip) are once unpacked, read from the zip's central directory
// without unpacking anything: a small file can hold a sheet that needs gigabytes to load.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Unpacked size in bytes of each entry, by name; null when the directory cannot be read (a truncated zip). */
export function unzippedSizes(data: Uint8Array): Map<string, number> | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const floor = Math.max(0, data.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = data.length - 22; i >= floor; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names = new TextDecoder('utf-8');
  const sizes = new Map<string, number>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || view.getUint32(at, true) !== CENTRAL) return null;
    // 0xFFFFFFFF means the size is in a zip64 field: at least 4 GB, which is past any limit.
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    sizes.set(names.decode(data.subarray(at + 46, at + 46 + nameLength)), size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size);
    at += 46 + nameLength + extra + comment;
  }
  return sizes;
}

/** Unpacked bytes of the sheets and their shared strings: what exceljs turns into objects in memory. */
export function unzippedSheetBytes(data: Uint8Array): number | null {
  const sizes = unzippedSizes(data);
  if (!sizes) return null;
  let total = 0;
  for (const [name, size] of sizes) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name) || name === 'xl/sharedStrings.xml') total += size;
  }
  return total;
}
