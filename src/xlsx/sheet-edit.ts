// The planned cells written into a worksheet part by splicing its text: the cells named are
// replaced or inserted (in row and column order, rows created where missing), and every other
// byte of the sheet — other cells, merges, validations, conditional formats, page set-up,
// extensions — stays as it was. A cell holding a formula, or inside an array formula, is never
// overwritten unless the patch says it replaces that very formula.
import { a1 } from '../core/address';
import type { CellPatch, CellValue } from '../core/types';
import { cellRef, rangeRef } from './sheet-read';
import type { StyleEditor } from './styles-edit';
import { escapeXml, scanXml } from './xml';

/** A cell the sheet could not take, and why (one plain line). */
export interface Refusal {
  patch: CellPatch;
  reason: string;
}

interface CellSpan {
  col: number;
  start: number;
  /** Just past its start tag. */
  openEnd: number;
  end: number;
  selfClosing: boolean;
  hasR: boolean;
  style: number;
  formula: 'none' | 'normal' | 'shared-master' | 'shared' | 'array';
}

interface RowSpan {
  row: number;
  start: number;
  openEnd: number;
  end: number;
  selfClosing: boolean;
  style: number | null;
  cells: CellSpan[];
}

interface Splice {
  at: number;
  to: number;
  text: string;
}

export interface SheetEditResult {
  text: string;
  written: CellPatch[];
  refused: Refusal[];
  /** True when a formula was removed or replaced (the calculation chain must then go). */
  formulasChanged: boolean;
}

function numberText(n: number): string | null {
  return Number.isFinite(n) ? String(n) : null;
}

/** The content of a <c> for a value (and formula): its t attribute and inner XML. */
function content(value: CellValue | undefined, formula: string | undefined): { t: string | null; inner: string } | null {
  const f = formula === undefined ? '' : `<f>${escapeXml(formula.replace(/^=/, ''))}</f>`;
  if (value === null || value === undefined) return { t: null, inner: f };
  if (typeof value === 'number') {
    const n = numberText(value);
    return n === null ? null : { t: null, inner: `${f}<v>${n}</v>` };
  }
  if (typeof value === 'boolean') return { t: 'b', inner: `${f}<v>${value ? 1 : 0}</v>` };
  // A text is written inline (no change to the shared strings); a formula's text result is t="str".
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
  if (formula !== undefined) return { t: 'str', inner: `${f}<v${space}>${escapeXml(value)}</v>` };
  return { t: 'inlineStr', inner: `<is><t${space}>${escapeXml(value)}</t></is>` };
}

/** Every row and the cells of the planned rows, with where they are in the text. */
function layout(file: string, text: string, plannedRows: Set<number>) {
  const rows: RowSpan[] = [];
  const arrays: { top: number; left: number; bottom: number; right: number }[] = [];
  const colStyles: { min: number; max: number; style: number }[] = [];
  let sheetData: { start: number; openEnd: number; close: number; selfClosing: boolean } | null = null;
  let dimension: { start: number; end: number; ref: string } | null = null;
  let row: RowSpan | null = null;
  let cell: CellSpan | null = null;
  let rowNumber = 0;
  let col = 0;
  let depth = 0;
  scanXml(file, text, {
    open(t) {
      const a = t.attributes;
      if (t.name === 'dimension' && depth === 1) dimension = { start: t.start, end: t.end, ref: a.ref ?? '' };
      if (t.name === 'col' && a.style !== undefined)
        colStyles.push({ min: Number(a.min), max: Number(a.max), style: Number(a.style) || 0 });
      if (t.name === 'sheetData')
        sheetData = { start: t.start, openEnd: t.end, close: t.selfClosing ? t.start : -1, selfClosing: t.selfClosing };
      if (t.name === 'row' && sheetData) {
        const r = Number(a.r);
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        col = 0;
        const style = a.customFormat === '1' || a.customFormat === 'true' ? Number(a.s) || 0 : null;
        row = { row: rowNumber, start: t.start, openEnd: t.end, end: t.end, selfClosing: t.selfClosing, style, cells: [] };
        rows.push(row);
      } else if (t.name === 'c' && row) {
        const at = a.r ? cellRef(a.r) : null;
        col = at ? at.col : col + 1;
        if (plannedRows.has(row.row)) {
          cell = {
            col,
            start: t.start,
            openEnd: t.end,
            end: t.end,
            selfClosing: t.selfClosing,
            hasR: at !== null,
            style: Number(a.s) || 0,
            formula: 'none',
          };
          row.cells.push(cell);
        }
      } else if (t.name === 'f' && cell) {
        if (a.t === 'shared') cell.formula = a.ref !== undefined ? 'shared-master' : 'shared';
        else cell.formula = a.t === 'array' ? 'array' : 'normal';
      }
      if (t.name === 'f' && a.t === 'array' && a.ref) {
        const range = rangeRef(a.ref);
        if (range) arrays.push(range);
      }
      if (!t.selfClosing) depth++;
    },
    close(name, end, start) {
      if (start !== end) depth--;
      if (name === 'c' && cell) {
        cell.end = end;
        cell = null;
      } else if (name === 'row' && row) {
        row.end = end;
        row = null;
      } else if (name === 'sheetData' && sheetData && !sheetData.selfClosing) {
        sheetData.close = start;
      }
    },
  });
  return {
    rows,
    arrays,
    colStyles,
    sheetData: sheetData as { start: number; openEnd: number; close: number; selfClosing: boolean } | null,
    dimension: dimension as { start: number; end: number; ref: string } | null,
  };
}

/** The start tag of a cell with its style and type set, its other attributes (r, ph…) kept, value metadata dropped. */
function cellOpen(text: string, cell: CellSpan, style: number, type: string | null, keepContent: boolean): string {
  let open = text.slice(cell.start, cell.openEnd).replace(/\/?>$/, '');
  open = open.replace(/\ss="[^"]*"/, '');
  if (!keepContent) open = open.replace(/\s(t|vm|cm)="[^"]*"/g, '');
  if (!cell.hasR) open = open.replace(/^<(\S+)/, (m) => `${m} r="__R__"`);
  return `${open}${style ? ` s="${style}"` : ''}${!keepContent && type ? ` t="${type}"` : ''}`;
}

/** Write `patches` (all of this sheet) into the sheet's text. */
export function editSheet(file: string, text: string, patches: CellPatch[], styles: StyleEditor): SheetEditResult {
  const plannedRows = new Set(patches.map((p) => p.row));
  const { rows, arrays, colStyles, sheetData, dimension } = layout(file, text, plannedRows);
  const refused: Refusal[] = [];
  const written: CellPatch[] = [];
  if (!sheetData)
    return {
      text,
      written,
      refused: patches.map((patch) => ({ patch, reason: '工作表没有单元格区域（no sheetData）' })),
      formulasChanged: false,
    };
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const splices: Splice[] = [];
  let formulasChanged = false;
  const newRows = new Map<number, string[]>();
  const rowInserts = new Map<RowSpan, { col: number; xml: string }[]>();
  const rewritten = new Set<CellSpan>();
  let maxRow = 0;
  let maxCol = 0;

  const ordered = [...patches].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const p of ordered) {
    const r = byRow.get(p.row);
    const existing = r?.cells.find((c) => c.col === p.col);
    const inArray = arrays.some((m) => p.row >= m.top && p.row <= m.bottom && p.col >= m.left && p.col <= m.right);
    const replacesValue = 'value' in p.set || 'formula' in p.set;
    if (replacesValue && (inArray || existing?.formula === 'array' || existing?.formula === 'shared-master')) {
      refused.push({ patch: p, reason: `${p.cell} 属于数组公式或共享公式的首格，助手不改写（part of an array or shared formula）` });
      continue;
    }
    if (replacesValue && existing && existing.formula !== 'none' && p.before.formula === undefined) {
      refused.push({ patch: p, reason: `${p.cell} 是公式，助手不改写公式（a formula is never overwritten）` });
      continue;
    }
    const colStyle = colStyles.find((c) => p.col >= c.min && p.col <= c.max)?.style ?? 0;
    const base = existing ? existing.style : (r?.style ?? colStyle);
    const style =
      p.set.numberFormat !== undefined || p.set.fill !== undefined
        ? styles.formatFor(base, { numberFormat: p.set.numberFormat, fill: p.set.fill })
        : base;
    const formula = 'formula' in p.set ? p.set.formula : undefined;
    if (existing && existing.formula !== 'none' && replacesValue) formulasChanged = true;
    if (formula !== undefined) formulasChanged = true;

    let xml: string;
    if (existing && !replacesValue) {
      // Only the format changes: the start tag gets the new style, the content stays.
      const open = cellOpen(text, existing, style, null, true).replace('__R__', p.cell);
      splices.push({ at: existing.start, to: existing.openEnd, text: `${open}${existing.selfClosing ? '/>' : '>'}` });
      rewritten.add(existing);
      written.push(p);
      continue;
    }
    const value = replacesValue ? p.set.value : p.before.value;
    const c = content(value, formula);
    if (!c) {
      refused.push({ patch: p, reason: `${p.cell} 的值不是有限的数（not a finite number）` });
      continue;
    }
    if (existing) {
      const open = cellOpen(text, existing, style, c.t, false).replace('__R__', p.cell);
      xml = c.inner ? `${open}>${c.inner}</c>` : `${open}/>`;
      splices.push({ at: existing.start, to: existing.end, text: xml });
      rewritten.add(existing);
    } else {
      xml = `<c r="${p.cell}"${style ? ` s="${style}"` : ''}${c.t ? ` t="${c.t}"` : ''}${c.inner ? `>${c.inner}</c>` : '/>'}`;
      if (r) {
        const list = rowInserts.get(r) ?? [];
        list.push({ col: p.col, xml });
        rowInserts.set(r, list);
      } else {
        const list = newRows.get(p.row) ?? [];
        list.push(xml);
        newRows.set(p.row, list);
      }
    }
    maxRow = Math.max(maxRow, p.row);
    maxCol = Math.max(maxCol, p.col);
    written.push(p);
  }

  // New cells in existing rows, each before the first cell to its right.
  for (const [r, inserts] of rowInserts) {
    // Cells without an r attribute take their place from their order: give them one, so a cell
    // inserted before them does not move them.
    for (const c of r.cells) {
      if (c.hasR || rewritten.has(c)) continue;
      const at = c.start + (/^<[^\s/>]+/.exec(text.slice(c.start, c.openEnd))?.[0].length ?? 2);
      splices.push({ at, to: at, text: ` r="${a1(r.row, c.col)}"` });
    }
    if (r.selfClosing) {
      const open = text.slice(r.start, r.openEnd).replace(/\s*\/>$/, '');
      splices.push({ at: r.start, to: r.end, text: `${withSpans(open, inserts)}>${inserts.map((i) => i.xml).join('')}</row>` });
      continue;
    }
    const spans = withSpans(text.slice(r.start, r.openEnd - 1), inserts);
    if (spans !== text.slice(r.start, r.openEnd - 1)) splices.push({ at: r.start, to: r.openEnd - 1, text: spans });
    const closeAt = text.lastIndexOf('</', r.end - 1);
    for (const i of inserts) {
      const next = r.cells.find((c) => c.col > i.col);
      const at = next ? next.start : closeAt;
      splices.push({ at, to: at, text: i.xml });
    }
  }
  // New rows, each before the first row below it.
  for (const [rowNumber, cells] of newRows) {
    const xml = `<row r="${rowNumber}">${cells.join('')}</row>`;
    const next = rows.find((r) => r.row > rowNumber);
    if (next) splices.push({ at: next.start, to: next.start, text: xml });
    else if (sheetData.selfClosing) {
      splices.push({ at: sheetData.start, to: sheetData.openEnd, text: `<sheetData>${xml}` });
    } else splices.push({ at: sheetData.close, to: sheetData.close, text: xml });
  }
  if (sheetData.selfClosing && newRows.size > 0) splices.push({ at: sheetData.openEnd, to: sheetData.openEnd, text: '</sheetData>' });
  if (dimension && maxRow > 0) {
    const d = dimension as { start: number; end: number; ref: string };
    const old = rangeRef(d.ref);
    if (old && (maxRow > old.bottom || maxCol > old.right)) {
      const ref = `${a1(old.top, old.left)}:${a1(Math.max(old.bottom, maxRow), Math.max(old.right, maxCol))}`;
      splices.push({ at: d.start, to: d.end, text: text.slice(d.start, d.end).replace(/ref="[^"]*"/, `ref="${ref}"`) });
    }
  }
  return { text: applySplices(text, splices), written, refused, formulasChanged };
}

/** A row's start tag with its spans hint widened to the inserted cells, when it has one. */
function withSpans(open: string, inserts: { col: number }[]): string {
  const m = /\sspans="(\d+):(\d+)"/.exec(open);
  if (!m) return open;
  const lo = Math.min(Number(m[1]), ...inserts.map((i) => i.col));
  const hi = Math.max(Number(m[2]), ...inserts.map((i) => i.col));
  return open.replace(m[0], ` spans="${lo}:${hi}"`);
}

/** Apply non-overlapping splices; at one place, inserts come before a replacement and keep their order. */
export function applySplices(text: string, splices: Splice[]): string {
  const pure = (s: Splice): number => (s.to === s.at ? 0 : 1);
  const order = splices.map((s, i) => ({ s, i })).sort((a, b) => a.s.at - b.s.at || pure(a.s) - pure(b.s) || a.i - b.i);
  let out = '';
  let at = 0;
  for (const { s } of order) {
    out += text.slice(at, s.at) + s.text;
    at = Math.max(at, s.to);
  }
  return out + text.slice(at);
}
