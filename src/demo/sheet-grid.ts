// The worksheet drawn on the left of the demo page (the engine's own reading grid is core/grid.ts):
// merges, values as Excel shows them, fills, the selection outline and in-cell editing. Every
// cell's text goes in with textContent, never as HTML.
import { a1, columnLetters, parseA1 } from '../core/address';
import type { CellRange, CellValue } from '../core/types';
import type { Edge } from '../excel/memory/looks';
import { alignsRight, displayText } from './display';

export interface GridCell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  /** "#RRGGBB" */
  fill?: string;
  fontColor?: string;
}

/** How a cell is laid out: by the file (wrap, alignment, bold) or by the pane through the API (also borders and size). */
export interface GridLayout {
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  bold?: boolean;
  /** Edges drawn as a thin black line. */
  edges?: readonly Edge[];
  /** Font size in points. */
  size?: number;
}

export interface GridSheet {
  name: string;
  /** Number of rows and columns to draw (the used range and some room, up to a limit). */
  rows: number;
  cols: number;
  /** True when the used range is larger than what is drawn. */
  clipped: boolean;
  cell(row: number, col: number): GridCell | undefined;
  merges: readonly CellRange[];
  /** Pixels. */
  columnWidth(col: number): number;
  rowHeight(row: number): number;
  rowHidden(row: number): boolean;
  columnHidden(col: number): boolean;
  layout(row: number, col: number): GridLayout | undefined;
}

export interface GridCallbacks {
  /** The person clicked or moved to a cell (the top-left cell of a merge). */
  select(address: string): void;
  /** The person finished typing into a cell. */
  edit(address: string, text: string): void;
  editStarted(): void;
  editCancelled(): void;
}

/** The merge a cell belongs to, if any. */
function mergeAt(merges: readonly CellRange[], row: number, col: number): CellRange | undefined {
  return merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/** What the cell shows in the edit box: its formula, or its value as typed. */
export function editText(cell: GridCell | undefined): string {
  if (!cell) return '';
  if (cell.formula) return cell.formula;
  if (typeof cell.value === 'number' && (cell.numberFormat ?? '').includes('%')) {
    return `${Number((cell.value * 100).toPrecision(15))}%`;
  }
  return displayText(cell.value, typeof cell.value === 'number' ? undefined : cell.numberFormat);
}

export class SheetGrid {
  private sheet: GridSheet | null = null;
  private selected: { row: number; col: number } = { row: 1, col: 1 };
  private editing: HTMLInputElement | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly callbacks: GridCallbacks,
  ) {
    host.addEventListener('click', (e) => {
      const td = (e.target as HTMLElement).closest('td');
      if (td?.dataset.address && !td.classList.contains('editing')) this.callbacks.select(td.dataset.address);
    });
    host.addEventListener('dblclick', (e) => {
      const td = (e.target as HTMLElement).closest('td');
      if (td?.dataset.address) this.startEdit(td, null);
    });
    host.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** True while the person is typing in a cell; a redraw would throw their typing away. */
  get isEditing(): boolean {
    return this.editing !== null;
  }

  /** Draw the sheet again, keeping the scroll position. */
  render(sheet: GridSheet, selectedAddress: { row: number; col: number } | null): void {
    this.sheet = sheet;
    if (selectedAddress) this.selected = selectedAddress;
    const table = document.createElement('table');
    table.className = 'grid';
    const colgroup = document.createElement('colgroup');
    const headerCol = document.createElement('col');
    headerCol.style.width = '40px';
    colgroup.append(headerCol);
    let tableWidth = 40;
    for (let c = 1; c <= sheet.cols; c++) {
      const col = document.createElement('col');
      const width = sheet.columnHidden(c) ? 0 : sheet.columnWidth(c);
      col.style.width = `${width}px`;
      if (width === 0) col.style.visibility = 'collapse';
      tableWidth += width;
      colgroup.append(col);
    }
    table.style.width = `${tableWidth}px`;
    table.append(colgroup);

    const head = document.createElement('thead');
    const headRow = document.createElement('tr');
    const corner = document.createElement('td');
    corner.className = 'corner';
    headRow.append(corner);
    for (let c = 1; c <= sheet.cols; c++) {
      const th = document.createElement('th');
      th.textContent = columnLetters(c);
      headRow.append(th);
    }
    head.append(headRow);
    table.append(head);

    const body = document.createElement('tbody');
    for (let r = 1; r <= sheet.rows; r++) {
      const tr = document.createElement('tr');
      tr.style.height = `${sheet.rowHeight(r)}px`;
      if (sheet.rowHidden(r)) tr.style.visibility = 'collapse';
      const th = document.createElement('th');
      th.textContent = String(r);
      tr.append(th);
      for (let c = 1; c <= sheet.cols; c++) {
        const merge = mergeAt(sheet.merges, r, c);
        if (merge && (merge.top !== r || merge.left !== c)) continue;
        tr.append(this.cellElement(sheet, r, c, merge));
      }
      body.append(tr);
    }
    table.append(body);
    const { scrollTop, scrollLeft } = this.host;
    this.editing = null;
    this.host.replaceChildren(table);
    this.host.scrollTop = scrollTop;
    this.host.scrollLeft = scrollLeft;
    this.markSelection();
  }

  /** Move the selection outline (and the highlighted headers) without drawing the sheet again. */
  select(at: { row: number; col: number }): void {
    this.selected = at;
    this.markSelection();
  }

  private markSelection(): void {
    const table = this.host.querySelector('table');
    if (!this.sheet || !table) return;
    for (const old of table.querySelectorAll('.selected, .current')) old.classList.remove('selected', 'current');
    const merge = mergeAt(this.sheet.merges, this.selected.row, this.selected.col);
    const top = merge?.top ?? this.selected.row;
    const left = merge?.left ?? this.selected.col;
    const bottom = merge?.bottom ?? this.selected.row;
    const right = merge?.right ?? this.selected.col;
    const columnHeads = table.querySelectorAll('thead th');
    for (let c = left; c <= right; c++) columnHeads[c - 1]?.classList.add('current');
    const rows = table.querySelectorAll('tbody tr');
    for (let r = top; r <= bottom; r++) rows[r - 1]?.querySelector('th')?.classList.add('current');
    table.querySelector(`td[data-address="${a1(top, left)}"]`)?.classList.add('selected');
  }

  /** Bring the selected cell into view (after a finding was clicked in the pane), clear of the sticky headers. */
  reveal(): void {
    const td = this.selectedElement();
    const header = this.host.querySelector<HTMLElement>('thead .corner');
    if (!td || !header) return;
    const host = this.host;
    const stickyLeft = header.offsetWidth;
    const stickyTop = header.offsetHeight;
    const width = Math.min(td.offsetWidth, host.clientWidth - stickyLeft);
    const height = Math.min(td.offsetHeight, host.clientHeight - stickyTop);
    if (td.offsetLeft - stickyLeft < host.scrollLeft) host.scrollLeft = td.offsetLeft - stickyLeft;
    else if (td.offsetLeft + width > host.scrollLeft + host.clientWidth) host.scrollLeft = td.offsetLeft + width - host.clientWidth;
    // Out of view vertically: bring it to the middle, so the rows around it show too.
    if (td.offsetTop - stickyTop < host.scrollTop || td.offsetTop + height > host.scrollTop + host.clientHeight) {
      host.scrollTop = Math.max(0, td.offsetTop - stickyTop - (host.clientHeight - stickyTop - height) / 2);
    }
  }

  private cellElement(sheet: GridSheet, r: number, c: number, merge: CellRange | undefined): HTMLTableCellElement {
    const td = document.createElement('td');
    const address = a1(r, c);
    td.dataset.address = address;
    if (merge) {
      if (merge.bottom > merge.top) td.rowSpan = merge.bottom - merge.top + 1;
      if (merge.right > merge.left) td.colSpan = merge.right - merge.left + 1;
    }
    const cell = sheet.cell(r, c);
    const layout = sheet.layout(r, c);
    const text = cell ? displayText(cell.value, cell.numberFormat) : '';
    td.textContent = text;
    if (text.length > 8) td.title = text;
    if (cell?.fill) td.style.backgroundColor = cell.fill;
    if (cell?.fontColor) td.style.color = cell.fontColor;
    if (cell && alignsRight(cell.value)) td.classList.add('num');
    if (layout?.horizontal) td.classList.add(layout.horizontal);
    if (layout?.wrap && typeof cell?.value === 'string') td.classList.add('wrap');
    if (layout?.vertical === 'middle') td.classList.add('v-middle');
    if (layout?.vertical === 'top') td.classList.add('v-top');
    if (layout?.bold) td.style.fontWeight = '600';
    if (layout?.size) td.style.fontSize = `${Math.round((layout.size * 4) / 3)}px`;
    this.drawLines(td, sheet, r, c, merge);
    return td;
  }

  /**
   * Lines between cells are drawn once, as the right and bottom border of the cell before them (the
   * grid's own grey lines, coloured), so a line set on either neighbour shows and nothing shifts.
   */
  private drawLines(td: HTMLTableCellElement, sheet: GridSheet, r: number, c: number, merge: CellRange | undefined): void {
    const has = (row: number, col: number, edge: Edge): boolean => sheet.layout(row, col)?.edges?.includes(edge) ?? false;
    const bottom = merge?.bottom ?? r;
    const right = merge?.right ?? c;
    if (has(bottom, c, 'bottom') || has(bottom + 1, c, 'top')) td.classList.add('line-bottom');
    if (has(r, right, 'right') || has(r, right + 1, 'left')) td.classList.add('line-right');
    if (c === 1 && has(r, c, 'left')) td.classList.add('line-left');
  }

  private selectedElement(): HTMLTableCellElement | null {
    return this.host.querySelector<HTMLTableCellElement>('td.selected');
  }

  private startEdit(td: HTMLTableCellElement, typed: string | null): void {
    if (!this.sheet || this.editing) return;
    const address = td.dataset.address ?? '';
    const at = parseA1(address);
    const cell = at ? this.sheet.cell(at.row, at.col) : undefined;
    const input = document.createElement('input');
    input.type = 'text';
    input.value = typed ?? editText(cell);
    input.setAttribute('aria-label', `编辑 ${address} / Edit ${address}`);
    td.classList.add('editing');
    td.replaceChildren(input);
    this.editing = input;
    this.callbacks.editStarted();
    input.focus();
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        e.stopPropagation();
        this.editing = null;
        this.callbacks.edit(address, input.value);
        this.move(e.key === 'Enter' ? 1 : 0, e.key === 'Tab' ? 1 : 0);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        this.editing = null;
        this.callbacks.editCancelled();
        if (this.sheet) this.render(this.sheet, null);
        this.host.focus();
      }
    });
    input.addEventListener('blur', () => {
      if (this.editing !== input) return;
      this.editing = null;
      this.callbacks.edit(address, input.value);
    });
  }

  /** Move the selection, stepping over merged areas as Excel does. */
  private move(dRow: number, dCol: number): void {
    if (!this.sheet) return;
    const merge = mergeAt(this.sheet.merges, this.selected.row, this.selected.col);
    let row = this.selected.row;
    let col = this.selected.col;
    if (dRow > 0) row = (merge?.bottom ?? row) + 1;
    if (dRow < 0) row -= 1;
    if (dCol > 0) col = (merge?.right ?? col) + 1;
    if (dCol < 0) col -= 1;
    row = Math.min(Math.max(row, 1), this.sheet.rows);
    col = Math.min(Math.max(col, 1), this.sheet.cols);
    const target = mergeAt(this.sheet.merges, row, col);
    this.callbacks.select(a1(target?.top ?? row, target?.left ?? col));
    this.host.focus();
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editing || e.ctrlKey || e.metaKey || e.altKey) return;
    // Tab is not a move here: it leaves the sheet for the next control, so the page never traps it.
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const step = moves[e.key];
    if (step) {
      e.preventDefault();
      this.move(...step);
      return;
    }
    const td = this.selectedElement();
    if (!td) return;
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.startEdit(td, null);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      this.callbacks.edit(td.dataset.address ?? '', '');
    } else if (e.key.length === 1) {
      e.preventDefault();
      this.startEdit(td, e.key);
    }
  }
}
