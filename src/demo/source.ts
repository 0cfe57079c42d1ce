// The workbook file as it was opened: read with exceljs in the browser, kept to draw the sheet
// the way the file lays it out (widths, heights, wrapping) and to write the download onto, so
// merges, borders and fonts survive.
import { Workbook, type Worksheet } from 'exceljs';
import type { GridLayout } from './sheet-grid';

/** Excel's default column width (8.43 characters) and row height (15 pt), in pixels. */
const DEFAULT_COLUMN_PX = 64;
const DEFAULT_ROW_PX = 20;

export async function readXlsx(bytes: ArrayBuffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes);
  return workbook;
}

export async function writeXlsx(workbook: Workbook): Promise<Blob> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** Widths, heights and alignment of one worksheet, in the grid's terms. */
export interface SheetGeometry {
  columnWidth(col: number): number;
  rowHeight(row: number): number;
  /** Rows and columns the person hid in Excel stay hidden here. */
  rowHidden(row: number): boolean;
  columnHidden(col: number): boolean;
  layout(row: number, col: number): GridLayout | undefined;
}

const PLAIN: SheetGeometry = {
  columnWidth: () => DEFAULT_COLUMN_PX,
  rowHeight: () => DEFAULT_ROW_PX,
  rowHidden: () => false,
  columnHidden: () => false,
  layout: () => undefined,
};

export function geometryOf(ws: Worksheet | undefined): SheetGeometry {
  if (!ws) return PLAIN;
  return {
    // Excel: pixels = trunc(characters × 7 + 5) for the default 11 pt font.
    columnWidth: (col) => {
      const width = ws.getColumn(col).width;
      return width ? Math.max(8, Math.trunc(width * 7 + 5)) : DEFAULT_COLUMN_PX;
    },
    rowHeight: (row) => {
      const height = ws.findRow(row)?.height;
      return height ? Math.max(8, Math.round((height * 4) / 3)) : DEFAULT_ROW_PX;
    },
    rowHidden: (row) => ws.findRow(row)?.hidden === true,
    columnHidden: (col) => ws.getColumn(col).hidden === true,
    layout: (row, col) => {
      const cell = ws.findCell(row, col);
      if (!cell) return undefined;
      const alignment = cell.alignment ?? {};
      const horizontal = alignment.horizontal;
      const vertical = alignment.vertical;
      return {
        wrap: alignment.wrapText === true,
        horizontal: horizontal === 'left' || horizontal === 'center' || horizontal === 'right' ? horizontal : undefined,
        vertical: vertical === 'top' ? 'top' : vertical === 'middle' ? 'middle' : undefined,
        bold: cell.font?.bold === true,
      };
    },
  };
}
