// Colours as WPS (like VBA) keeps them: one integer, red + green·256 + blue·65536 ("BGR"), where the
// engine and the Office.js door speak "#RRGGBB". Cell error values come back as CVErr numbers.

/** "#RRGGBB" → BGR integer; throws on anything else. */
export function hexToBgr(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #RRGGBB colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return r + g * 256 + b * 65536;
}

/** BGR integer → "#RRGGBB" (upper case), or null for a value that is not a colour. */
export function bgrToHex(bgr: number): string | null {
  if (!Number.isInteger(bgr) || bgr < 0 || bgr > 0xffffff) return null;
  const hex = (n: number): string => n.toString(16).padStart(2, '0').toUpperCase();
  return `#${hex(bgr % 256)}${hex(Math.floor(bgr / 256) % 256)}${hex(Math.floor(bgr / 65536))}`;
}

/**
 * Value2 reports an error cell as its CVErr number (0x800A0000 + xlErr code, read as a signed
 * 32-bit integer), not as "#DIV/0!" text (docs/wps.md).
 */
const CVERR_TEXT: ReadonlyMap<number, string> = new Map(
  [
    [2000, '#NULL!'],
    [2007, '#DIV/0!'],
    [2015, '#VALUE!'],
    [2023, '#REF!'],
    [2029, '#NAME?'],
    [2036, '#NUM!'],
    [2042, '#N/A'],
  ].map(([code, text]) => [0x800a0000 | (code as number) | 0, text as string]),
);

/** The error text for a CVErr number, or null for an ordinary number. */
export function cvErrText(value: number): string | null {
  return CVERR_TEXT.get(value) ?? null;
}

/** The CVErr number for an error text (the in-memory WPS reports errors this way). */
export function cvErrOf(text: string): number | null {
  for (const [code, t] of CVERR_TEXT) if (t === text) return code;
  return null;
}
