// The draft as rows of cell texts, for a host that cannot offer a download: the pane writes them into
// a new worksheet 自评报告（草稿）. One row per heading or paragraph; a table keeps its columns.
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
