// The draft as rows of cell texts, for a host that cannot offer a download: the pane writes them into
// a new worksheet 自评报告（草稿）. One row per heading or paragraph; a table keeps its columns.
import type { SheetSketch } from '../sketch';
import { partsText, type Draft } from './outline';

/** Rows of texts: a heading or paragraph is one cell, a table one row per table row. */
export function draftRows(draft: Draft): string[][] {
  const rows: string[][] = [[partsText(draft.title)], []];
  for (const b of draft.blocks) {
    if (b.kind === 'heading') rows.push([b.text]);
    else if (b.kind === 'paragraph') rows.push([partsText(b.parts)]);
    else rows.push([b.caption], b.head, ...b.rows);
  }
  return rows;
}

/** The draft as plain text, one line per row (table cells separated by tabs). */
export function draftText(draft: Draft): string {
  return draftRows(draft)
    .map((r) => r.join('\t'))
    .join('\n');
}

/** The worksheet the pane adds where it cannot offer a download. */
export const DRAFT_SHEET_NAME = '自评报告（草稿）';

/** The draft as a new sheet: one cell per heading or paragraph in column A (wide, wrapped by the door), tables in columns A–F. */
export function draftSheet(draft: Draft): SheetSketch {
  return {
    name: DRAFT_SHEET_NAME,
    rows: draftRows(draft).map((row) => row.map((t) => (t === '' ? null : t))),
    widths: { A: 60, B: 18, C: 18, D: 8, E: 8, F: 10 },
  };
}
