// The part of the WPS 表格 (ET) JavaScript object model the add-in uses, as structural types. WPS
// exposes a synchronous copy of Excel's VBA object model to add-in pages (docs/wps.md); each member
// access crosses into the WPS process. Some members are properties in one WPS build and zero-argument
// methods in another, so readable members are typed `Member<T>` and read through ./access.ts.

/** A member that one WPS build exposes as a property and another as a zero-argument method. */
export type Member<T> = T | (() => T);

/** What one cell reads as through Value2: empty cells read as undefined (VBA Empty), errors as CVErr numbers. */
export type EtScalar = string | number | boolean | null | undefined;

/** A multi-cell block as some WPS builds return it: a wrapper read with Item(row, column), 1-based. */
export interface EtItemBlock {
  Item(row: number, column: number): EtScalar;
}

/** What a block read returns: a scalar for one cell, else rows of cells (or one row flattened), or an Item wrapper. */
export type EtBlock = EtScalar | EtScalar[] | EtScalar[][] | EtItemBlock;

export interface EtInterior {
  /** BGR integer (red + green·256 + blue·65536); null when the cells differ. */
  get Color(): Member<number | null>;
  set Color(bgr: number);
  /** xlPatternNone (-4142) for no fill; null when the cells differ. */
  get Pattern(): Member<number | null>;
  set Pattern(pattern: number);
}

/** Range.Borders: set as a whole, it draws every edge and inside line of every cell (VBA's Borders collection). */
export interface EtBorders {
  /** XlLineStyle: xlContinuous 1, xlLineStyleNone -4142. */
  set LineStyle(style: number);
  /** XlBorderWeight: xlHairline 1, xlThin 2, xlMedium -4138, xlThick 4. */
  set Weight(weight: number);
}

export interface EtFont {
  set Bold(bold: boolean);
  /** Points. */
  set Size(size: number);
}

export interface EtCount {
  readonly Count: Member<number>;
}

export interface EtRange {
  /** A method in every build: Address(RowAbsolute, ColumnAbsolute). */
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  readonly Rows: Member<EtCount>;
  readonly Columns: Member<EtCount>;
  get Value2(): Member<EtBlock>;
  set Value2(values: EtScalar | EtScalar[][]);
  get Formula(): Member<EtBlock>;
  set Formula(formulas: EtScalar | EtScalar[][]);
  /** The format when every cell shares it, else null (VBA semantics); set with one string for the whole range. */
  get NumberFormat(): Member<string | null>;
  set NumberFormat(format: string);
  readonly Interior: Member<EtInterior>;
  /** True when every cell is in a merged area, false when none is, null when mixed. */
  readonly MergeCells: Member<boolean | null>;
  /** The merged area holding the range's first cell (the cell itself when not merged). */
  readonly MergeArea: Member<EtRange>;
  /** True when every cell is locked, false when none is, null when mixed. */
  readonly Locked: Member<boolean | null>;
  set WrapText(wrap: boolean);
  readonly Borders: Member<EtBorders>;
  readonly Font: Member<EtFont>;
  /** XlHAlign: xlLeft -4131, xlCenter -4108, xlRight -4152, xlGeneral 1. */
  set HorizontalAlignment(align: number);
  /** XlVAlign: xlTop -4160, xlCenter -4108, xlBottom -4107. */
  set VerticalAlignment(align: number);
  /** In characters of the standard font. */
  set ColumnWidth(width: number);
  Resize(rows: number, columns: number): EtRange;
  Merge(across?: boolean): void;
  Select(): void;
}

/** Worksheet.Protection: what a protected sheet still allows. */
export interface EtProtection {
  readonly AllowFormattingCells: Member<boolean>;
}

export interface EtWorksheet {
  get Name(): Member<string>;
  set Name(name: string);
  readonly UsedRange: Member<EtRange>;
  /** True when the sheet's contents are protected. */
  readonly ProtectContents: Member<boolean>;
  /** Undefined on a build that does not expose it: then formatting counts as refused. */
  readonly Protection: Member<EtProtection | undefined>;
  Range(address: string): EtRange;
  Activate(): void;
}

export interface EtWorksheets extends EtCount {
  Item(index: number | string): EtWorksheet;
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet;
}

export interface EtDocumentProperty {
  readonly Name: Member<string>;
  get Value(): Member<unknown>;
  set Value(value: unknown);
  Delete(): void;
}

export interface EtDocumentProperties extends EtCount {
  /** Throws when no property has that name. */
  Item(index: number | string): EtDocumentProperty;
  Add(name: string, linkToContent: boolean, type: number, value: unknown): EtDocumentProperty;
}

export interface EtWorkbook {
  readonly Name: Member<string>;
  readonly FullName: Member<string>;
  readonly Worksheets: Member<EtWorksheets>;
  readonly ActiveSheet: Member<EtWorksheet>;
  readonly CustomDocumentProperties: Member<EtDocumentProperties>;
}

export interface EtTaskPane {
  readonly ID: Member<string | number>;
  Visible: boolean;
}

export interface EtPluginStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: unknown): void;
}

/** SheetChange's arguments: the sheet and the cells the person changed (WPS 加载项开发文档「表格事件」). */
export type EtSheetChange = (sheet: EtWorksheet, target: EtRange) => void;

export interface EtApiEvent {
  AddApiEventListener(event: 'SheetChange', handler: EtSheetChange): void;
  RemoveApiEventListener(event: 'SheetChange', handler: EtSheetChange): void;
}

export interface EtApplication {
  readonly ActiveWorkbook: Member<EtWorkbook | null>;
  /** False while the person is typing in a cell (edit mode). */
  readonly Ready: Member<boolean>;
  get ScreenUpdating(): Member<boolean>;
  set ScreenUpdating(on: boolean);
  readonly PluginStorage: EtPluginStorage;
  readonly ApiEvent?: EtApiEvent;
  CreateTaskPane(url: string): EtTaskPane;
  GetTaskPane(id: string | number): EtTaskPane | null;
}

/** The `wps` global WPS injects into add-in pages (task panes included). */
export interface WpsGlobal {
  EtApplication?: () => EtApplication;
  readonly Application?: EtApplication;
}

/** xlNone / xlPatternNone / xlColorIndexNone: no fill. */
export const XL_NONE = -4142;
/** msoPropertyTypeString. */
export const MSO_PROPERTY_TYPE_STRING = 4;
