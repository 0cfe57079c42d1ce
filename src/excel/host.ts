// The part of the Office.js surface the add-in uses, as structural types. The real `Excel` and
// `Office` globals are assignable to them (taskpane.ts and commands.ts check that at compile
// time), and so is the in-memory Excel in ./memory, which is how the door is tested.

export type ScalarValue = string | number | boolean;

export interface ClientResultLike<T> {
  readonly value: T;
}

export interface CellPropertiesLike {
  address?: string;
  format?: { fill?: { color?: string; pattern?: string }; protection?: { locked?: boolean } };
}

export interface CellPropertiesLoadLike {
  address?: boolean;
  /** Fill fields one by one; protection (locked, formulaHidden) as a whole. */
  format?: { fill?: { color?: boolean; pattern?: boolean }; protection?: boolean };
}

export interface RangeFillLike {
  color: string;
  clear(): void;
  load(propertyNames?: string | string[]): RangeFillLike;
}

export interface RangeFormatProtectionLike {
  /** Null when the range mixes locked and unlocked cells. */
  readonly locked: boolean | null;
  load(propertyNames?: string | string[]): RangeFormatProtectionLike;
}

/** One border line of a range (ExcelApi 1.1, https://learn.microsoft.com/javascript/api/excel/excel.rangeborder). */
export interface RangeBorderLike {
  /** Excel.BorderLineStyle: 'Continuous', 'None', … */
  style: string;
  /** Excel.BorderWeight: 'Hairline', 'Thin', 'Medium', 'Thick'. */
  weight: string;
  /** "#RRGGBB". */
  color: string;
}

/** ExcelApi 1.1 (https://learn.microsoft.com/javascript/api/excel/excel.rangebordercollection). */
export interface RangeBorderCollectionLike {
  getItem(index: 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal'): RangeBorderLike;
}

/** ExcelApi 1.1 (https://learn.microsoft.com/javascript/api/excel/excel.rangefont). */
export interface RangeFontLike {
  bold: boolean;
  /** Points. */
  size: number;
}

export interface RangeFormatLike {
  readonly fill: RangeFillLike;
  /** ExcelApi 1.1. */
  readonly borders: RangeBorderCollectionLike;
  /** ExcelApi 1.1. */
  readonly font: RangeFontLike;
  /** ExcelApi 1.1, Excel.HorizontalAlignment: 'General', 'Left', 'Center', 'Right', … */
  horizontalAlignment: string;
  /** ExcelApi 1.1, Excel.VerticalAlignment: 'Top', 'Center', 'Bottom', … */
  verticalAlignment: string;
  /** ExcelApi 1.2. */
  readonly protection: RangeFormatProtectionLike;
  /** Points (ExcelApi 1.2). */
  columnWidth: number;
  /** ExcelApi 1.1. */
  wrapText: boolean;
}

export interface RangeLike {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: ScalarValue[][];
  formulas: ScalarValue[][];
  numberFormat: ScalarValue[][];
  readonly valueTypes: string[][];
  readonly format: RangeFormatLike;
  load(propertyNames?: string | string[]): RangeLike;
  /** ExcelApi 1.9. */
  getCellProperties(options: CellPropertiesLoadLike): ClientResultLike<CellPropertiesLike[][]>;
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): RangeAreasLike;
  /** ExcelApi 1.7: same top-left cell, this many rows and columns. */
  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeLike;
  /** ExcelApi 1.1. */
  getIntersection(anotherRange: RangeLike | string): RangeLike;
  /** ExcelApi 1.1: a cell relative to this range's top-left, which may lie outside it. */
  getCell(row: number, column: number): RangeLike;
  merge(across?: boolean): void;
  select(): void;
}

/** RangeAreas.select (ExcelApi 1.9). */
export interface SelectableAreasLike {
  select(): void;
}

export interface RangeAreasLike {
  readonly isNullObject: boolean;
  readonly areas: { readonly items: RangeLike[] };
  load(propertyNames?: string | string[]): RangeAreasLike;
}

export interface WorksheetChangedLike {
  readonly worksheetId: string;
  readonly address: string;
  /** ExcelApi 1.14; "ThisLocalAddin" for the add-in's own writes. */
  readonly triggerSource?: string;
}

export interface EventHandlersLike<T> {
  add(handler: (args: T) => Promise<unknown>): { remove(): void };
}

export interface WorksheetProtectionLike {
  readonly protected: boolean;
  readonly options: { readonly allowFormatCells?: boolean };
  load(propertyNames?: string | string[]): unknown;
}

export interface WorksheetLike {
  readonly isNullObject: boolean;
  readonly id: string;
  readonly name: string;
  /** ExcelApi 1.2. */
  readonly protection: WorksheetProtectionLike;
  load(propertyNames?: string | string[]): WorksheetLike;
  getRange(address?: string): RangeLike;
  /** ExcelApi 1.9 (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getranges-member(1)): "H19, H23" as one RangeAreas. */
  getRanges(address: string): SelectableAreasLike;
  /** ExcelApi 1.1: A1 on a blank sheet, never a null object, so one batch can read every sheet. */
  getUsedRange(valuesOnly?: boolean): RangeLike;
  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike;
  activate(): void;
}

export interface WorksheetCollectionLike {
  readonly items: WorksheetLike[];
  load(propertyNames?: string | string[]): WorksheetCollectionLike;
  getActiveWorksheet(): WorksheetLike;
  getItem(key: string): WorksheetLike;
  getItemOrNullObject(key: string): WorksheetLike;
  add(name?: string): WorksheetLike;
  /** ExcelApi 1.9. */
  readonly onChanged: EventHandlersLike<WorksheetChangedLike>;
}

export interface SettingLike {
  readonly isNullObject: boolean;
  readonly value: unknown;
  load(propertyNames?: string | string[]): SettingLike;
  delete(): void;
}

/** Workbook.settings, ExcelApi 1.4: one key at a time, in the batch. */
export interface SettingCollectionLike {
  add(key: string, value: unknown): unknown;
  getItemOrNullObject(key: string): SettingLike;
}

export interface RequestContextLike {
  readonly workbook: {
    readonly worksheets: WorksheetCollectionLike;
    readonly settings: SettingCollectionLike;
    readonly application: { suspendApiCalculationUntilNextSync(): void };
  };
  sync(): Promise<unknown>;
}

export interface RunOptionsLike {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

export interface ExcelSurface {
  run<T>(options: RunOptionsLike, batch: (context: RequestContextLike) => Promise<T>): Promise<T>;
}

export interface AsyncResultLike {
  /** "succeeded" or "failed" at run time (@types/office-js declares a numeric enum). */
  readonly status: unknown;
  readonly error?: { readonly message: string } | null;
}

export interface SettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(options: { overwriteIfStale?: boolean }, callback?: (result: AsyncResultLike) => void): void;
  refreshAsync(callback?: (result: AsyncResultLike) => void): void;
}

export interface CommandEventLike {
  completed(): void;
}

export interface OfficeSurface {
  onReady(callback?: (info: { host: unknown; platform: unknown }) => unknown): Promise<{ host: unknown; platform: unknown }>;
  readonly context: {
    readonly displayLanguage: string;
    /** Office.PlatformType at run time: "PC", "OfficeOnline", "Mac", "iOS"… */
    readonly platform?: unknown;
    readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    readonly document: { readonly settings: SettingsLike };
  };
  readonly actions: { associate(actionId: string, actionFunction: (event: CommandEventLike) => void): void };
}

/** What the door needs from its world: the two Office.js globals, real or in memory. */
export interface OfficeHost {
  Excel: ExcelSurface;
  Office: OfficeSurface;
}
