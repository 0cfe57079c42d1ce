// Sketches made into new workbooks with exceljs (the blank template, samples and test fixtures):
// exceljs is kept for creating workbooks; reading and editing files is the file door's (book.ts).
import { Workbook, type Borders, type CellValue as XValue, type Worksheet } from 'exceljs';
import { a1 } from '../core/address';
import { parseRange, sketchCell, type SheetSketch, type SketchLook } from '../core/sketch';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BOX: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Default width of a column, in Excel's character units. */
const DEFAULT_WIDTH = 9;
const LINE_HEIGHT = 15;

/** CJK, Hangul and full-width forms: two character units each. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Display width of a text in Excel character units: CJK and full-width characters count two. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** A row tall enough to show its wrapped texts, since Excel does not grow rows under merges. */
function rowHeight(texts: { text: string; width: number }[]): number {
  let lines = 1;
  for (const { text, width } of texts) {
    const n = text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(textWidth(part) / Math.max(1, width - 1))), 0);
    lines = Math.max(lines, n);
  }
  return Math.min(409, lines * LINE_HEIGHT);
}

const FONT = { name: '宋体', size: 10 };

/** A sketch's look on every cell of its range, the same description the pane's hosts apply. */
function applyLook(ws: Worksheet, look: SketchLook): void {
  const range = parseRange(look.range);
  for (let row = range.top; row <= range.bottom; row++) {
    for (let col = range.left; col <= range.right; col++) {
      const cell = ws.getCell(row, col);
      const alignment = { ...cell.alignment };
      if (look.horizontal) alignment.horizontal = look.horizontal;
      if (look.vertical) alignment.vertical = look.vertical;
      if (look.wrap !== undefined) alignment.wrapText = look.wrap;
      cell.alignment = alignment;
      if (look.bold !== undefined || look.size !== undefined) {
        cell.font = {
          ...cell.font,
          ...(look.bold !== undefined ? { bold: look.bold } : {}),
          ...(look.size !== undefined ? { size: look.size } : {}),
        };
      }
      if (look.grid) cell.border = BOX;
    }
  }
}

/**
 * A workbook that looks like the form a person fills in: merges, widths, wrapped text, and the
 * sketch's looks when it has them (else a frame round every cell but a lone title's).
 */
export function sketchToWorkbook(sketches: SheetSketch[]): Workbook {
  const wb = new Workbook();
  for (const s of sketches) {
    // Printed as forms are handed in: one page wide, as many pages tall as it takes.
    const ws = wb.addWorksheet(s.name, {
      pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const top = s.origin?.row ?? 1;
    const left = s.origin?.col ?? 1;
    const merges = (s.merges ?? []).map(parseRange);
    const width = Math.max(0, ...s.rows.map((r) => r.length));
    for (const [letters, w] of Object.entries(s.widths ?? {})) ws.getColumn(letters).width = w;
    const colWidth = (col: number): number => ws.getColumn(col).width ?? DEFAULT_WIDTH;
    const mergeAt = new Map(merges.map((m) => [a1(m.top, m.left), m]));
    // A title alone on the first row gets no border; the form's table below does.
    const titled = s.rows.length > 0 && s.rows[0].filter((c) => c !== null).length === 1;
    s.rows.forEach((rowCells, r) => {
      const texts: { text: string; width: number }[] = [];
      for (let k = 0; k < width; k++) {
        const row = top + r;
        const col = left + k;
        const xc = ws.getCell(row, col);
        const content = rowCells[k] ?? null;
        const value = sketchCell(content);
        if (value.formula) xc.value = { formula: value.formula.slice(1), result: value.value ?? undefined } as XValue;
        else if (value.error) xc.value = { error: value.value } as XValue;
        else xc.value = value.value as XValue;
        const format = s.formats?.[a1(row, col)];
        const isTitle = titled && r === 0 && !s.looks;
        xc.style = s.looks
          ? { ...(format ? { numFmt: format } : {}), font: { ...FONT } }
          : {
              ...(format ? { numFmt: format } : {}),
              font: isTitle ? { ...FONT, size: 16, bold: true } : { ...FONT },
              alignment: {
                wrapText: true,
                vertical: 'middle',
                horizontal: typeof value.value === 'string' && value.value.length > 40 ? 'left' : 'center',
              },
              ...(isTitle ? {} : { border: BOX }),
            };
        if (typeof value.value === 'string') {
          const m = mergeAt.get(a1(row, col));
          let w = colWidth(col);
          if (m) for (let c = m.left + 1; c <= m.right; c++) w += colWidth(c);
          const rows = m ? m.bottom - m.top + 1 : 1;
          texts.push({ text: value.value, width: w * rows });
        }
      }
      ws.getRow(top + r).height = r === 0 && titled ? 30 : rowHeight(texts);
    });
    for (const look of s.looks ?? []) applyLook(ws, look);
    for (const m of merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  return wb;
}
