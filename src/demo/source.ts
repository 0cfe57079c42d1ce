// The workbook file as it was opened, read through the file door (src/xlsx): its sheets' geometry
// (widths, heights, hidden rows and columns, wrapping, alignment, bold) to draw the grid as the file
// lays it out, and its bytes to write the download onto, so everything the person had survives.
import type { XlsxBook } from '../xlsx/book';
import type { SheetLayout } from '../xlsx/sheet-read';
import type { GridLayout } from './sheet-grid';

/** Excel's default column width (8.43 characters) and row height (15 pt), in pixels. */
const DEFAULT_COLUMN_PX = 64;
const DEFAULT_ROW_PX = 20;
const KEY = 16_384;

/** Widths, heights and alignment of one worksheet, in the grid's terms. */
export interface SheetGeometry {
  columnWidth(col: number): number;
  rowHeight(row: number): number;
  /** Rows and columns the person hid in Excel stay hidden here. */
  rowHidden(row: number): boolean;
  columnHidden(col: number): boolean;
  layout(row: number, col: number): GridLayout | undefined;
}

export const PLAIN: SheetGeometry = {
  columnWidth: () => DEFAULT_COLUMN_PX,
  rowHeight: () => DEFAULT_ROW_PX,
  rowHidden: () => false,
  columnHidden: () => false,
  layout: () => undefined,
};

function horizontalOf(h: string | undefined): GridLayout['horizontal'] {
  return h === 'left' || h === 'center' || h === 'right' ? h : undefined;
}

function verticalOf(v: string | undefined): GridLayout['vertical'] {
  return v === 'top' ? 'top' : v === 'center' ? 'middle' : undefined;
}

export function geometryOf(book: XlsxBook, layout: SheetLayout): SheetGeometry {
  const styles = book.pkg.styles();
  return {
    // Excel: pixels = trunc(characters × 7 + 5) for the default 11 pt font.
    columnWidth: (col) => {
      const width = layout.columnWidths.get(col);
      return width ? Math.max(8, Math.trunc(width * 7 + 5)) : DEFAULT_COLUMN_PX;
    },
    rowHeight: (row) => {
      const height = layout.rowHeights.get(row);
      return height ? Math.max(8, Math.round((height * 4) / 3)) : DEFAULT_ROW_PX;
    },
    rowHidden: (row) => layout.hiddenRows.has(row),
    columnHidden: (col) => layout.hiddenColumns.has(col),
    layout: (row, col) => {
      const style = layout.cellStyles.get(row * KEY + col);
      const xf = style === undefined ? undefined : styles.cellXfs[style];
      if (!xf) return undefined;
      return {
        wrap: xf.wrap,
        horizontal: horizontalOf(xf.horizontal),
        vertical: verticalOf(xf.vertical),
        bold: styles.bold[xf.fontId] === true,
      };
    },
  };
}
