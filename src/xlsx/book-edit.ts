// The engine's patches written into a copy of the workbook's own bytes, part by part. Only the
// sheets written to, xl/styles.xml (new formats appended), and when asked xl/workbook.xml (Excel
// recalculates on opening) change; every other part is carried over as its original compressed
// bytes. When a formula was removed or replaced, the calculation chain (a cache Excel rebuilds)
// is dropped with its relationship and content type, as Excel would otherwise report it damaged.
import { a1 } from '../core/address';
import type { CellPatch, CellRange } from '../core/types';
import type { XlsxBook } from './book';
import { relsPartOf } from './package';
import { editSheet, applySplices, type Refusal } from './sheet-edit';
import { parseStyles } from './styles';
import { StyleEditor } from './styles-edit';
import { escapeXml, scanXml } from './xml';
import { writeZip, type OutPart } from './zip';

export interface EditOptions {
  /** Ask Excel to recalculate every formula when it opens the file (when anything was written). */
  recalcOnOpen: boolean;
  /** Sheets to add after the existing ones (the demo's pane can insert a blank form); their cells come as patches. */
  newSheets?: NewSheet[];
}

export interface NewSheet {
  name: string;
  /** Column widths in Excel's character units. */
  columnWidths: Map<number, number>;
  /** Cells whose text wraps. */
  wrapped: { row: number; col: number }[];
  merges: CellRange[];
}

export interface EditResult {
  bytes: Uint8Array;
  written: CellPatch[];
  /** Patches the file could not take (a formula found there, a sheet that is not there), each with its reason. */
  refused: Refusal[];
  /** Zip parts whose bytes changed, or were added or removed. */
  changedParts: string[];
}

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '</styleSheet>';

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A new worksheet's text: widths, wrapped cells (empty, formatted), merges; its values come as patches. */
function newSheetText(sheet: NewSheet, styles: StyleEditor): string {
  const cols = [...sheet.columnWidths]
    .sort(([a], [b]) => a - b)
    .map(([col, width]) => `<col min="${col}" max="${col}" width="${width}" customWidth="1"/>`)
    .join('');
  const rows = new Map<number, string[]>();
  const wrap = styles.wrapping(0);
  for (const { row, col } of [...sheet.wrapped].sort((a, b) => a.row - b.row || a.col - b.col)) {
    rows.set(row, [...(rows.get(row) ?? []), `<c r="${a1(row, col)}" s="${wrap}"/>`]);
  }
  const data = [...rows].map(([r, cells]) => `<row r="${r}">${cells.join('')}</row>`).join('');
  const merges = sheet.merges.map((m) => `<mergeCell ref="${a1(m.top, m.left)}:${a1(m.bottom, m.right)}"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${data}</sheetData>` +
    (merges ? `<mergeCells count="${sheet.merges.length}">${merges}</mergeCells>` : '') +
    '</worksheet>'
  );
}

/** workbook.xml with the new sheets listed after the others. */
function withSheets(file: string, text: string, added: { name: string; relId: string }[]): string {
  let close = -1;
  let maxId = 0;
  let idAttr = 'r:id';
  scanXml(file, text, {
    open(t) {
      if (t.name !== 'sheet') return;
      maxId = Math.max(maxId, Number(t.attributes.sheetId) || 0);
      idAttr = Object.keys(t.attributes).find((k) => k.endsWith(':id')) ?? idAttr;
    },
    close(name, _end, start) {
      if (name === 'sheets') close = start;
    },
  });
  const xml = added.map((a, i) => `<sheet name="${escapeXml(a.name)}" sheetId="${maxId + i + 1}" ${idAttr}="${a.relId}"/>`).join('');
  return close < 0 ? text : text.slice(0, close) + xml + text.slice(close);
}

const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const STYLES_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';

/** CT_Workbook's elements after <calcPr>, in schema order: a new <calcPr> goes before the first present. */
const AFTER_CALC_PR = [
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

/** workbook.xml asking for a full recalculation on load (ECMA-376 18.2.2 calcPr@fullCalcOnLoad). */
function withFullCalc(file: string, text: string): string {
  let calc: { start: number; end: number } | null = null;
  let before = -1;
  let close = -1;
  scanXml(file, text, {
    open(t) {
      if (t.name === 'calcPr') calc = { start: t.start, end: t.end };
      else if (before < 0 && AFTER_CALC_PR.includes(t.name)) before = t.start;
    },
    close(name, _end, start) {
      if (name === 'workbook') close = start;
    },
  });
  if (calc) {
    const { start, end } = calc as { start: number; end: number };
    const tag = text.slice(start, end);
    const next = /\sfullCalcOnLoad="[^"]*"/.test(tag)
      ? tag.replace(/\sfullCalcOnLoad="[^"]*"/, ' fullCalcOnLoad="1"')
      : tag.replace(/\s*(\/?>)$/, ' fullCalcOnLoad="1"$1');
    return text.slice(0, start) + next + text.slice(end);
  }
  const at = before >= 0 ? before : close;
  return at < 0 ? text : applySplices(text, [{ at, to: at, text: '<calcPr fullCalcOnLoad="1"/>' }]);
}

/** A relationships or content-types part without the entries that point at `part`. */
function without(
  file: string,
  text: string,
  element: 'Relationship' | 'Override',
  matches: (a: Record<string, string>) => boolean,
): string {
  const cuts: { at: number; to: number; text: string }[] = [];
  scanXml(file, text, {
    open(t) {
      if (t.name === element && t.selfClosing && matches(t.attributes)) cuts.push({ at: t.start, to: t.end, text: '' });
    },
  });
  return applySplices(text, cuts);
}

/** Add an element before the closing tag of the root (for a new relationship or content type). */
function appendToRoot(text: string, xml: string): string {
  const at = text.lastIndexOf('</');
  return at < 0 ? text : text.slice(0, at) + xml + text.slice(at);
}

/** Write the patches into a copy of the book's file. Patches for a sheet the book lacks are refused. */
export function editBook(book: XlsxBook, patches: CellPatch[], opts: EditOptions): EditResult {
  const pkg = book.pkg;
  const file = book.file;
  const encoder = new TextEncoder();
  const replaced = new Map<string, Uint8Array>();
  const removed = new Set<string>();
  const added: { name: string; content: Uint8Array }[] = [];
  const refused: Refusal[] = [];
  const written: CellPatch[] = [];

  const stylesText = pkg.stylesPart ? pkg.text(pkg.stylesPart) : MINIMAL_STYLES;
  const styles = new StyleEditor(stylesText, pkg.stylesPart ? pkg.styles() : parseStyles(file, MINIMAL_STYLES));
  let formulasChanged = false;

  const fresh = new Map<string, { part: string; relId: string; text: string }>();
  const folder = pkg.workbookPart.split('/').slice(0, -1).join('/');
  for (const [i, sheet] of (opts.newSheets ?? []).entries()) {
    let n = pkg.sheets.length + i + 1;
    while (pkg.zip.has(`${folder}/worksheets/sheet${n}.xml`)) n++;
    fresh.set(sheet.name, {
      part: `${folder}/worksheets/sheet${n}.xml`.replace(/^\//, ''),
      relId: `rIdJixiaoSheet${i + 1}`,
      text: newSheetText(sheet, styles),
    });
  }

  const bySheet = new Map<string, CellPatch[]>();
  for (const p of patches) bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), p]);
  for (const [name, list] of bySheet) {
    const made = fresh.get(name);
    if (made) {
      const result = editSheet(file, made.text, list, styles);
      refused.push(...result.refused);
      written.push(...result.written);
      made.text = result.text;
      continue;
    }
    const sheet = book.sheets.find((s) => s.name === name);
    if (!sheet) {
      for (const patch of list) refused.push({ patch, reason: `没有名为“${name}”的工作表（no such sheet）` });
      continue;
    }
    const result = editSheet(file, pkg.text(sheet.part), list, styles);
    refused.push(...result.refused);
    written.push(...result.written);
    formulasChanged ||= result.formulasChanged;
    if (result.written.length > 0) replaced.set(sheet.part, encoder.encode(result.text));
  }

  const current = (part: string): string => {
    const name = pkg.zip.entry(part)?.name ?? part;
    const done = replaced.get(name);
    return done ? new TextDecoder().decode(done) : pkg.text(name);
  };
  const update = (part: string, text: string): void => {
    replaced.set(pkg.zip.entry(part)?.name ?? part, encoder.encode(text));
  };
  if (fresh.size > 0) {
    const list = [...fresh].map(([name, f]) => ({ name, ...f }));
    for (const f of list) added.push({ name: f.part, content: encoder.encode(f.text) });
    update(pkg.workbookPart, withSheets(file, current(pkg.workbookPart), list));
    const rels = relsPartOf(pkg.workbookPart);
    const target = (part: string): string => (folder ? part.slice(folder.length + 1) : part);
    update(
      rels,
      appendToRoot(
        current(rels),
        list.map((f) => `<Relationship Id="${f.relId}" Type="${WORKSHEET_REL}" Target="${target(f.part)}"/>`).join(''),
      ),
    );
    update(
      '[Content_Types].xml',
      appendToRoot(
        current('[Content_Types].xml'),
        list.map((f) => `<Override PartName="/${f.part}" ContentType="${WORKSHEET_TYPE}"/>`).join(''),
      ),
    );
  }
  if (styles.changed) {
    const text = styles.result();
    if (pkg.stylesPart) {
      update(pkg.stylesPart, text);
    } else {
      // A workbook written without a styles part gets one, with its relationship and content type.
      const part = `${folder}/styles.xml`.replace(/^\//, '');
      added.push({ name: part, content: encoder.encode(text) });
      const rels = relsPartOf(pkg.workbookPart);
      update(rels, appendToRoot(current(rels), `<Relationship Id="rIdJixiaoStyles" Type="${STYLES_REL}" Target="styles.xml"/>`));
      update(
        '[Content_Types].xml',
        appendToRoot(current('[Content_Types].xml'), `<Override PartName="/${part}" ContentType="${STYLES_TYPE}"/>`),
      );
    }
  }
  if (opts.recalcOnOpen && written.length > 0) update(pkg.workbookPart, withFullCalc(file, current(pkg.workbookPart)));
  const chain = pkg.zip.entries.find((e) => /(^|\/)calcChain\.xml$/i.test(e.name));
  if (formulasChanged && chain) {
    removed.add(chain.name);
    const rels = relsPartOf(pkg.workbookPart);
    if (pkg.zip.has(rels))
      update(
        rels,
        without(file, current(rels), 'Relationship', (a) => /\/calcChain$/.test(a.Type ?? '')),
      );
    const chainName = `/${chain.name.toLowerCase()}`;
    update(
      '[Content_Types].xml',
      without(file, current('[Content_Types].xml'), 'Override', (a) => (a.PartName ?? '').toLowerCase() === chainName),
    );
  }

  const parts: OutPart[] = [];
  for (const e of pkg.zip.entries) {
    if (removed.has(e.name)) continue;
    const content = replaced.get(e.name);
    parts.push(content ? { name: e.name, content, like: e } : { name: e.name, from: e });
  }
  parts.push(...added);
  return {
    bytes: writeZip(book.bytes, parts),
    written,
    refused,
    changedParts: [...replaced.keys(), ...removed, ...added.map((a) => a.name)],
  };
}
