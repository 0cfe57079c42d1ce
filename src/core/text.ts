// Label and cell-text normalisation (layouts.md: compare labels without white space, after NFKC).

/** NFKC, unify brackets and remove all white space: the form used to compare labels. */
export function labelKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/\s+/g, '');
}

/** Collapse white space (line breaks included) into single spaces and trim, keeping the characters as typed. */
export function tidyText(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** Cell value as text, for reading labels and entries. */
export function cellText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return String(value);
}

const COLUMN_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** 1-based column number to letters (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = COLUMN_LETTERS[rem] + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 1-based row and column to an A1 address. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** An A1 address to 1-based row and column; null when it is not one. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
