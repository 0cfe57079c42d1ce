// What this Excel can do, asked at run time: the manifest asks only for ExcelApi 1.1 (what Office
// 2016 volume-licensed builds have), so older Office still shows the add-in, and each missing
// feature degrades with a notice. Sets per version: docs/office-js.md.
import type { Notice } from '../door/notices';
import type { OfficeSurface } from './host';

export interface Capabilities {
  /** ExcelApi 1.2: sheet protection, cell locks, getUsedRange(valuesOnly), merge, column widths. */
  protection: boolean;
  /** ExcelApi 1.4: workbook.settings (one key at a time, in the batch) and getItemOrNullObject. */
  workbookSettings: boolean;
  /** ExcelApi 1.7: getAbsoluteResizedRange, so the first read is bounded before the used range's size is known. */
  boundedRead: boolean;
  /** ExcelApi 1.9: getCellProperties (fills and locks of many cells in one call). */
  cellProperties: boolean;
  /** ExcelApi 1.9: the collection-wide change event used for re-checking while typing. */
  changeEvents: boolean;
  /** ExcelApi 1.9: worksheet.getRanges("H19, H23"), several cells selected at once. */
  rangeAreas: boolean;
  /** ExcelApi 1.13: getMergedAreasOrNullObject. */
  mergedAreas: boolean;
  /** ExcelApi 1.14: onChanged tells the add-in's own writes apart. */
  triggerSource: boolean;
  /** ExcelApi 1.20: Excel.run({ mergeUndoGroup }). */
  mergeUndoGroup: boolean;
}

export function detectCapabilities(office: OfficeSurface): Capabilities {
  const has = (version: string): boolean => office.context.requirements.isSetSupported('ExcelApi', version);
  return {
    protection: has('1.2'),
    workbookSettings: has('1.4'),
    boundedRead: has('1.7'),
    cellProperties: has('1.9'),
    changeEvents: has('1.9'),
    rangeAreas: has('1.9'),
    mergedAreas: has('1.13'),
    triggerSource: has('1.14'),
    mergeUndoGroup: has('1.20'),
  };
}

/** Notices that hold for every read on this host. */
export function readNotices(caps: Capabilities): Notice[] {
  const out: Notice[] = [];
  if (!caps.mergedAreas) out.push('no-merges');
  if (!caps.cellProperties) out.push('no-fills');
  return out;
}
