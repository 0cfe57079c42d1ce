// Workbooks written part by part from XML text, for the cases a library would not write for us
// (shared and array formulas as Excel stores them, inline strings, cells without addresses…).
import { zipSync, strToU8 } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface PartsSheet {
  name: string;
  /** The <sheetData> content and anything after it, e.g. "<sheetData>…</sheetData><mergeCells>…". */
  body: string;
  /** What comes before <sheetData> (dimension, views, cols). */
  head?: string;
  /** The zip name of the part (default xl/worksheets/sheetN.xml). */
  part?: string;
}

export interface PartsBook {
  sheets: PartsSheet[];
  /** <si> elements. */
  sharedStrings?: string[];
  /** The content of <styleSheet> (default: one plain format). */
  styles?: string;
  /** Extra text inside <workbook> after <sheets> (definedNames, calcPr…). */
  workbookTail?: string;
  /** Extra parts by zip name. */
  extra?: Record<string, string | Uint8Array>;
  /** Extra Override elements for [Content_Types].xml. */
  overrides?: string[];
  /** Extra relationships of the workbook part. */
  workbookRels?: string[];
}

export const PLAIN_STYLES =
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function partsWorkbook(book: PartsBook): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const sheetParts = book.sheets.map((s, i) => s.part ?? `xl/worksheets/sheet${i + 1}.xml`);
  const overrides = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    ...sheetParts.map(
      (p) => `<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    ),
    ...(book.sharedStrings
      ? [
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
        ]
      : []),
    ...(book.overrides ?? []),
  ];
  files['[Content_Types].xml'] = strToU8(
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
  );
  files['_rels/.rels'] = strToU8(
    `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const rels = [
    ...sheetParts.map((p, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${p.replace(/^xl\//, '')}"/>`),
    `<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>`,
    ...(book.sharedStrings ? [`<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`] : []),
    ...(book.workbookRels ?? []),
  ];
  files['xl/_rels/workbook.xml.rels'] = strToU8(`${XML}<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`);
  const sheets = book.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  files['xl/workbook.xml'] = strToU8(
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets>${book.workbookTail ?? ''}</workbook>`,
  );
  files['xl/styles.xml'] = strToU8(`${XML}<styleSheet xmlns="${MAIN}">${book.styles ?? PLAIN_STYLES}</styleSheet>`);
  if (book.sharedStrings) {
    files['xl/sharedStrings.xml'] = strToU8(
      `${XML}<sst xmlns="${MAIN}" count="${book.sharedStrings.length}" uniqueCount="${book.sharedStrings.length}">${book.sharedStrings.join('')}</sst>`,
    );
  }
  book.sheets.forEach((s, i) => {
    files[sheetParts[i]] = strToU8(`${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${s.head ?? ''}${s.body}</worksheet>`);
  });
  for (const [name, content] of Object.entries(book.extra ?? {})) files[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(files);
}
