// What this Excel can do, asked at run time (office-js-notes 3.1): the manifest keeps no floor, so
// older Office still shows the add-in, and each missing feature degrades with a notice.
import type { OfficeSurface } from './host';

export interface Capabilities {
  /** ExcelApi 1.7: getAbsoluteResizedRange, so a read stays within a window whatever the sheet holds. */
  boundedRead: boolean;
  /** ExcelApi 1.9: getCellProperties (fills read with the form), worksheets.onChanged. */
  cellProperties: boolean;
  /** ExcelApi 1.9: the collection-wide change event used for re-checking while typing. */
  changeEvents: boolean;
  /** ExcelApi 1.13: getMergedAreasOrNullObject. */
  mergedAreas: boolean;
  /** ExcelApi 1.14: onChanged tells the add-in's own writes apart. */
  triggerSource: boolean;
  /** ExcelApi 1.20: Excel.run({ mergeUndoGroup }). */
  mergeUndoGroup: boolean;
}

/**
 * The most a read takes, from the used range's top-left cell: enough for a form of a thousand
 * indicators, and (at some 150 bytes a cell with its fill) well inside Excel on the web's 5 MB
 * response limit however much a ledger below the form fills the sheet.
 */
export const READ_WINDOW = { rows: 1200, columns: 30 };

/** Why part of the work was done another way, for the pane to say so. */
export type Notice = 'no-merges' | 'no-fills' | 'protected-no-marks' | 'partial-read';

export function detectCapabilities(office: OfficeSurface): Capabilities {
  const has = (version: string): boolean => office.context.requirements.isSetSupported('ExcelApi', version);
  return {
    boundedRead: has('1.7'),
    cellProperties: has('1.9'),
    changeEvents: has('1.9'),
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
