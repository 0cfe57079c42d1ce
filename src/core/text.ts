// Label and cell-text normalisation (docs/layouts.md: compare labels without white space, after NFKC).

/** NFKC, unify brackets and remove all white space: the form used to compare labels. */
export function labelKey(text: string): string {
  return text.normalize('NFKC').replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/\s+/g, '');
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

/** A text cut to `max` characters on one line, for quoting a cell in a message. */
export function short(text: string, max = 40): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
