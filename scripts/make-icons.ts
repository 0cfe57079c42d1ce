// Writes the add-in's icons (assets/icons/*.png, 16/32/64/80 px) with a small PNG encoder on
// Node's zlib: white glyphs on the #0f6cbd rounded square. Run: npm run icons.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/** Inside test in a unit square, y pointing down. */
type Shape = (x: number, y: number) => boolean;

const SIZES = [16, 32, 64, 80];
const BLUE = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels (row by row) to a PNG file. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function segment(ax: number, ay: number, bx: number, by: number, halfWidth: number): Shape {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= halfWidth;
  };
}

function ring(cx: number, cy: number, r: number, halfWidth: number, gap?: [number, number]): Shape {
  return (x, y) => {
    if (Math.abs(Math.hypot(x - cx, y - cy) - r) > halfWidth) return false;
    if (!gap) return true;
    const angle = (Math.atan2(y - cy, x - cx) * 180) / Math.PI;
    return angle < gap[0] || angle > gap[1];
  };
}

function triangle(a: [number, number], b: [number, number], c: [number, number]): Shape {
  const side = (p: [number, number], q: [number, number], x: number, y: number): number =>
    (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
  return (x, y) => {
    const d1 = side([x, y], a, b[0], b[1]);
    const d2 = side([x, y], b, c[0], c[1]);
    const d3 = side([x, y], c, a[0], a[1]);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}

const any =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));

function roundedSquare(margin: number, radius: number): Shape {
  return (x, y) => {
    const lo = margin + radius;
    const hi = 1 - margin - radius;
    const cx = Math.min(Math.max(x, lo), hi);
    const cy = Math.min(Math.max(y, lo), hi);
    return x >= margin && x <= 1 - margin && y >= margin && y <= 1 - margin && Math.hypot(x - cx, y - cy) <= radius;
  };
}

const GLYPHS: Record<string, Shape> = {
  // The add-in and 打开助手: a check mark, the form checked.
  icon: any(segment(0.26, 0.52, 0.43, 0.69, 0.075), segment(0.43, 0.69, 0.75, 0.32, 0.075)),
  // 检查: a magnifier.
  check: any(ring(0.44, 0.44, 0.19, 0.065), segment(0.58, 0.58, 0.76, 0.76, 0.085)),
  // 一键重算: a circular arrow.
  recompute: any(ring(0.5, 0.52, 0.24, 0.07, [-100, -20]), triangle([0.46, 0.12], [0.46, 0.44], [0.64, 0.28])),
};

function render(size: number, glyph: Shape): Uint8Array {
  const base = roundedSquare(0.04, 0.16);
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!base(x, y)) continue;
          const colour = glyph(x, y) ? WHITE : BLUE;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a++;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return out;
}

function main(): void {
  const dir = join(__dirname, '..', 'assets', 'icons');
  mkdirSync(dir, { recursive: true });
  for (const [name, glyph] of Object.entries(GLYPHS)) {
    for (const size of SIZES) {
      const file = join(dir, `${name}-${size}.png`);
      writeFileSync(file, encodePng(size, render(size, glyph)));
      console.log(file);
    }
  }
}

if (require.main === module) main();
