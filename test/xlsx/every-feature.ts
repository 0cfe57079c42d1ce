// The seed form in a workbook that holds everything a copy through a whole-workbook model used to
// lose: an external link used by a formula, a drawn ellipse with text (a seal), workbook structure
// protection, an x14 list validation from another sheet, sparklines, a manual page break, custom
// document properties, a customXml item, printer settings, a named cell style, a VBA project
// (.xlsm), a whole-column validation and useFirstPageNumber. Built by code from the seed's bytes.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { seedSketch } from '../../test/fixtures/seed';
import { sketchToWorkbook } from '../../src/xlsx/convert';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function insertBefore(text: string, marker: string, xml: string): string {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`no ${marker}`);
  return text.slice(0, at) + xml + text.slice(at);
}

function rels(list: string[]): string {
  return `${XML}<Relationships xmlns="${PKG}">${list.join('')}</Relationships>`;
}

/** The parts of the every-feature workbook, and the sheet part of the form in it. */
export const FORM_PART = 'xl/worksheets/sheet1.xml';
export const LISTS_PART = 'xl/worksheets/sheet2.xml';

export async function everyFeatureWorkbook(): Promise<Uint8Array> {
  const lists = { name: '下拉选项', rows: [['优'], ['良'], ['中'], ['差']] };
  const base = new Uint8Array((await sketchToWorkbook([seedSketch, lists]).xlsx.writeBuffer()) as ArrayBuffer);
  const files: Record<string, Uint8Array> = unzipSync(base);
  const text = (name: string): string => strFromU8(files[name]);
  const put = (name: string, content: string | Uint8Array): void => {
    files[name] = typeof content === 'string' ? strToU8(content) : content;
  };

  let types = text('[Content_Types].xml');
  const override = (part: string, type: string): void => {
    types = insertBefore(types, '</Types>', `<Override PartName="/${part}" ContentType="${type}"/>`);
  };

  // A VBA project: the workbook becomes macro-enabled.
  put('xl/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(7)]));
  types = types.replace(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  );
  types = insertBefore(types, '<Override', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');

  // External link, printer settings, customXml: related from the workbook.
  let wbRels = text('xl/_rels/workbook.xml.rels');
  wbRels = insertBefore(
    wbRels,
    '</Relationships>',
    [
      `<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`,
      `<Relationship Id="rIdExt" Type="${REL}/externalLink" Target="externalLinks/externalLink1.xml"/>`,
      `<Relationship Id="rIdXml" Type="${REL}/customXml" Target="../customXml/item1.xml"/>`,
    ].join(''),
  );
  put('xl/_rels/workbook.xml.rels', wbRels);
  put(
    'xl/externalLinks/externalLink1.xml',
    `${XML}<externalLink xmlns="${MAIN}" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="预算"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>8016.09</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
  );
  put(
    'xl/externalLinks/_rels/externalLink1.xml.rels',
    rels([
      `<Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="file:///C:/%E9%A2%84%E7%AE%97/2022.xlsx" TargetMode="External"/>`,
    ]),
  );
  override('xl/externalLinks/externalLink1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml');
  put('customXml/item1.xml', `${XML}<jixiao xmlns="urn:jixiao:test"><单位>渌口分局</单位></jixiao>`);
  put(
    'customXml/itemProps1.xml',
    `${XML}<ds:datastoreItem ds:itemID="{6A0F1E34-8E4E-4E3B-9D0E-1D3E64B2A001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
  );
  put('customXml/_rels/item1.xml.rels', rels([`<Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/>`]));
  override('customXml/itemProps1.xml', 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml');

  // Custom document properties, related from the package.
  put(
    'docProps/custom.xml',
    `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="填报单位"><vt:lpwstr>株洲市公安局渌口分局</vt:lpwstr></property></Properties>`,
  );
  put(
    '_rels/.rels',
    insertBefore(
      text('_rels/.rels'),
      '</Relationships>',
      `<Relationship Id="rIdCustom" Type="${REL}/custom-properties" Target="docProps/custom.xml"/>`,
    ),
  );
  override('docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml');

  // Workbook: structure protection, the external reference, a name that uses it.
  let wb = text('xl/workbook.xml');
  wb = insertBefore(wb, '<sheets>', '<workbookProtection lockStructure="1"/>');
  wb = insertBefore(
    wb,
    '<calcPr',
    '<externalReferences><externalReference r:id="rIdExt"/></externalReferences><definedNames><definedName name="上年预算">[1]预算!$A$1</definedName></definedNames>',
  );
  put('xl/workbook.xml', wb);

  // Styles: a named cell style beside Normal.
  let styles = text('xl/styles.xml');
  styles = styles.replace(/<cellStyleXfs count="(\d+)">/, (_, n: string) => `<cellStyleXfs count="${Number(n) + 1}">`);
  styles = insertBefore(
    styles,
    '</cellStyleXfs>',
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment horizontal="center"/></xf>',
  );
  styles = styles.replace('<cellStyles count="1">', '<cellStyles count="2">');
  styles = insertBefore(styles, '</cellStyles>', '<cellStyle name="财务表头" xfId="1"/>');
  put('xl/styles.xml', styles);

  // The form's sheet: a formula on the external link, a whole-column validation, a page break,
  // page numbering from 3, printer settings, a drawn seal, and x14 validation + sparklines.
  let sheet = text(FORM_PART);
  sheet = sheet.replace(
    /(<row r="4"[^>]*>[\s\S]*?)(<\/row>)/,
    (_, row: string, end: string) => `${row}<c r="K4"><f>[1]预算!$A$1</f><v>8016.09</v></c>${end}`,
  );
  sheet = insertBefore(
    sheet,
    '<pageMargins',
    '<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" showErrorMessage="1" sqref="G:G"><formula1>0</formula1><formula2>100</formula2></dataValidation></dataValidations>',
  );
  sheet = sheet.replace(
    /<pageSetup ([^>]*?)\/>/,
    (_, attrs: string) => `<pageSetup ${attrs} useFirstPageNumber="1" firstPageNumber="3" r:id="rIdPrn"/>`,
  );
  sheet = insertBefore(
    sheet,
    '</worksheet>',
    '<rowBreaks count="1" manualBreakCount="1"><brk id="20" max="16383" man="1"/></rowBreaks><drawing r:id="rIdDrw"/>',
  );
  const x14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
  sheet = insertBefore(
    sheet,
    '</worksheet>',
    `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${x14}"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>'下拉选项'!$A$1:$A$4</xm:f></x14:formula1><xm:sqref>H41</xm:sqref></x14:dataValidation></x14:dataValidations></ext>` +
      `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${x14}"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>'部门整体支出绩效自评表'!G14:G20</xm:f><xm:sqref>J14</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`,
  );
  put(FORM_PART, sheet);
  put(
    'xl/worksheets/_rels/sheet1.xml.rels',
    rels([
      `<Relationship Id="rIdPrn" Type="${REL}/printerSettings" Target="../printerSettings/printerSettings1.bin"/>`,
      `<Relationship Id="rIdDrw" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>`,
    ]),
  );
  put('xl/printerSettings/printerSettings1.bin', new Uint8Array(Array.from({ length: 220 }, (_, i) => (i * 31) % 256)));
  override('xl/printerSettings/printerSettings1.bin', 'application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings');
  put(
    'xl/drawings/drawing1.xml',
    `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
      '<xdr:twoCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>40</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>44</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
      '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="财务专用章"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="38100"><a:solidFill><a:srgbClr val="FF0000"/></a:solidFill></a:ln></xdr:spPr>' +
      '<xdr:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="zh-CN"><a:solidFill><a:srgbClr val="FF0000"/></a:solidFill></a:rPr><a:t>财务专用章</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>',
  );
  override('xl/drawings/drawing1.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml');
  put('[Content_Types].xml', types);
  return zipSync(files);
}
