// An in-memory WPS 表格 behind the object model the door uses (../jsapi.ts), over the same
// MemoryWorkbook as the in-memory Excel. It behaves like the documented WPS where the add-in could
// go wrong (docs/wps.md): every member access counts as one call into WPS; Address is a method;
// readable members are properties or zero-argument methods (`members`), and a block read comes back
// as rows or as an Item(r, c) wrapper (`blocks`), as two WPS builds do; NumberFormat, Interior,
// MergeCells and Locked answer null for a mixed range; colours are BGR integers and error cells read
// as CVErr numbers; a string written is read like typed input; locked cells of a protected sheet
// refuse writes, and all its cells refuse formats unless Protection.AllowFormattingCells; while the person types in a cell every call but Application.Ready fails; Select
// needs the sheet to be active; custom document properties keep at most `propertyLimit` characters.
import type { CellRange, CellValue } from '../../core/types';
import { a1, columnLetters, MAX_COL, MAX_ROW, parseColumns, parseRange } from '../../core/address';
import { BORDER_INDEXES, type CellLook } from '../../excel/memory/looks';
import { typedInput } from '../../excel/memory/typed-input';
import { isErrorText, type MemoryChange, type MemorySheet, type MemoryWorkbook } from '../../excel/memory/workbook';
import { bgrToHex, cvErrOf, hexToBgr } from '../color';
import type {
  EtApiEvent,
  EtApplication,
  EtBlock,
  EtBorders,
  EtCount,
  EtDocumentProperties,
  EtDocumentProperty,
  EtFont,
  EtInterior,
  EtPluginStorage,
  EtProtection,
  EtRange,
  EtScalar,
  EtSheetChange,
  EtTaskPane,
  EtWorkbook,
  EtWorksheet,
  EtWorksheets,
  WpsGlobal,
} from '../jsapi';
import { XL_NONE } from '../jsapi';

export interface EtModelOptions {
  /** Readable members as properties (most builds) or as zero-argument methods (others). */
  members?: 'property' | 'method';
  /** A multi-cell read as rows of cells, or as a wrapper read with Item(r, c). */
  blocks?: 'array' | 'item';
  /** The most characters a custom document property keeps (Office: 255); null for no limit. */
  propertyLimit?: number | null;
  /** Whether Application.ApiEvent exists (event listeners for SheetChange). */
  events?: boolean;
  /** The workbook's path, as Workbook.FullName reports it. */
  fullName?: string;
}

/** An error as WPS throws it into the page: a plain Error with WPS's message. */
export class MemoryEtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Error';
  }
}

const WHITE = 16777215;
const XL_SOLID = 1;
const XL_CONTINUOUS = 1;
export const RANGE_TEXT_LIMIT = 255;
/** XlHAlign and XlVAlign values WPS takes (xlCenter is -4108 in both); null = xlGeneral, no alignment of its own. */
const H_ALIGN = new Map<number, CellLook['horizontal'] | null>([
  [-4131, 'left'],
  [-4108, 'center'],
  [-4152, 'right'],
  [1, null],
]);
const V_ALIGN = new Map<number, CellLook['vertical']>([
  [-4160, 'top'],
  [-4108, 'middle'],
  [-4107, 'bottom'],
]);

function rectText(r: CellRange, absolute: boolean): string {
  const cell = (row: number, col: number): string => (absolute ? `$${columnLetters(col)}$${row}` : a1(row, col));
  return r.top === r.bottom && r.left === r.right ? cell(r.top, r.left) : `${cell(r.top, r.left)}:${cell(r.bottom, r.right)}`;
}

/** "B3", "B3:D4", "$B$3:$D$4", "H19,H23" (areas) or "D:D" (whole columns). */
function parseAreas(address: string): CellRange[] | null {
  const areas = address.split(',').map((part) => parseColumns(part) ?? parseRange(part));
  return areas.every((a): a is CellRange => a !== null) ? areas : null;
}

function cellsOf(r: CellRange): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}

/** The one value every cell shares, or null. */
function shared<T>(values: T[]): T | null {
  return values.every((v) => v === values[0]) ? values[0] : null;
}

export class MemoryEt {
  /** Member accesses that crossed into WPS (the number the door must keep small). */
  calls = 0;
  /** Of those, the ones on custom document properties (the workbook store). */
  propertyCalls = 0;
  readonly application: EtApplication;
  /** Workbook.CustomDocumentProperties, in the order added. */
  readonly properties = new Map<string, unknown>();
  /** Column widths set through ColumnWidth, in characters, per sheet and 1-based column. */
  readonly columnWidths = new Map<string, Map<number, number>>();
  screenUpdating = true;
  /** Every value ScreenUpdating was set to, in order. */
  readonly screenUpdatingSets: boolean[] = [];
  readonly storage = new Map<string, unknown>();
  readonly taskPanes: { id: number; url: string; visible: boolean }[] = [];
  private readonly listeners = new Map<string, Set<EtSheetChange>>();
  private readonly members: 'property' | 'method';
  private readonly blocks: 'array' | 'item';
  private readonly propertyLimit: number | null;
  readonly fullName: string;

  constructor(
    readonly book: MemoryWorkbook,
    opts: EtModelOptions = {},
  ) {
    this.members = opts.members ?? 'property';
    this.blocks = opts.blocks ?? 'array';
    this.propertyLimit = opts.propertyLimit === undefined ? 255 : opts.propertyLimit;
    this.fullName = opts.fullName ?? 'C:\\Users\\财务\\Documents\\绩效自评表.xlsx';
    this.application = this.makeApplication(opts.events ?? true);
    book.subscribeChanges((change) => this.fire(change));
  }

  /** The `wps` global a task pane page sees. */
  get wps(): WpsGlobal {
    return { EtApplication: () => this.application, Application: this.application };
  }

  /**
   * One call into WPS: counted, and refused while the person is typing in a cell. The refusal says
   * no more than Excel's automation does then (RPC_E_CALL_REJECTED); what WPS says is not
   * documented, so only Application.Ready tells the door why.
   */
  private enter(name: string, onProperties = false): void {
    this.calls++;
    if (onProperties) this.propertyCalls++;
    if (this.book.cellEditMode && name !== 'Ready') throw new MemoryEtError('Call was rejected by callee. (0x80010001)');
  }

  /** Define a readable member (property or method, by build) with an optional setter. */
  private member<T>(obj: object, name: string, read: () => T, write?: (value: never) => void): void {
    const props = this.defining;
    const set = write
      ? (value: never): void => {
          this.enter(name, props);
          write(value);
        }
      : undefined;
    if (this.members === 'method') {
      Object.defineProperty(obj, name, {
        get: () => () => {
          this.enter(name, props);
          return read();
        },
        set,
        enumerable: true,
      });
    } else {
      Object.defineProperty(obj, name, {
        get: () => {
          this.enter(name, props);
          return read();
        },
        set,
        enumerable: true,
      });
    }
  }

  /** Define a write-only member. */
  private setter(obj: object, name: string, write: (value: never) => void): void {
    Object.defineProperty(obj, name, {
      set: (value: never) => {
        this.enter(name);
        write(value);
      },
      enumerable: true,
    });
  }

  /** Define a method. */
  private method<A extends unknown[], R>(obj: object, name: string, call: (...args: A) => R): void {
    const props = this.defining;
    Object.defineProperty(obj, name, {
      value: (...args: A): R => {
        this.enter(name, props);
        return call(...args);
      },
      enumerable: true,
    });
  }

  private count(n: () => number): EtCount {
    const obj = {} as EtCount;
    this.member(obj, 'Count', n);
    return obj;
  }

  private block(rows: EtScalar[][]): EtBlock {
    if (rows.length === 1 && rows[0].length === 1) return rows[0][0];
    if (this.blocks === 'array') return rows;
    return { Item: (r: number, c: number) => rows[r - 1]?.[c - 1] };
  }

  private makeApplication(events: boolean): EtApplication {
    const app = {} as EtApplication;
    this.member(app, 'ActiveWorkbook', () => this.workbook());
    this.member(app, 'Ready', () => !this.book.cellEditMode);
    this.member(
      app,
      'ScreenUpdating',
      () => this.screenUpdating,
      (on: boolean) => {
        this.screenUpdating = on;
        this.screenUpdatingSets.push(on);
      },
    );
    const storage = {} as EtPluginStorage;
    this.method(storage, 'getItem', (key: string) => this.storage.get(key) ?? null);
    this.method(storage, 'setItem', (key: string, value: unknown) => void this.storage.set(key, value));
    Object.defineProperty(app, 'PluginStorage', { value: storage, enumerable: true });
    if (events) {
      const api = {} as EtApiEvent;
      this.method(api, 'AddApiEventListener', (event: string, handler: EtSheetChange) => {
        const set = this.listeners.get(event) ?? new Set();
        set.add(handler);
        this.listeners.set(event, set);
      });
      this.method(
        api,
        'RemoveApiEventListener',
        (event: string, handler: EtSheetChange) => void this.listeners.get(event)?.delete(handler),
      );
      Object.defineProperty(app, 'ApiEvent', { value: api, enumerable: true });
    }
    this.method(app, 'CreateTaskPane', (url: string) => {
      const pane = { id: this.taskPanes.length + 1, url, visible: false };
      this.taskPanes.push(pane);
      return this.taskPane(pane);
    });
    this.method(app, 'GetTaskPane', (id: string | number) => {
      const pane = this.taskPanes.find((p) => String(p.id) === String(id));
      return pane ? this.taskPane(pane) : null;
    });
    return app;
  }

  private taskPane(pane: { id: number; visible: boolean }): EtTaskPane {
    const obj = {} as EtTaskPane;
    this.member(obj, 'ID', () => pane.id);
    Object.defineProperty(obj, 'Visible', {
      get: () => {
        this.enter('Visible');
        return pane.visible;
      },
      set: (v: boolean) => {
        this.enter('Visible');
        pane.visible = v;
      },
      enumerable: true,
    });
    return obj;
  }

  private fire(change: MemoryChange): void {
    for (const handler of [...(this.listeners.get('SheetChange') ?? [])])
      handler(this.worksheet(this.book.sheet(change.sheet)), this.range(this.book.sheet(change.sheet), parseAreas(change.address) ?? []));
  }

  private workbook(): EtWorkbook {
    const wb = {} as EtWorkbook;
    this.member(wb, 'Name', () => this.fullName.slice(Math.max(this.fullName.lastIndexOf('\\'), this.fullName.lastIndexOf('/')) + 1));
    this.member(wb, 'FullName', () => this.fullName);
    this.member(wb, 'Worksheets', () => this.worksheets());
    this.member(wb, 'ActiveSheet', () => this.worksheet(this.book.sheet(this.book.activeSheet)));
    this.onProperties(() => this.member(wb, 'CustomDocumentProperties', () => this.documentProperties()));
    return wb;
  }

  private worksheets(): EtWorksheets {
    const sheets = this.count(() => this.book.sheets.length) as EtWorksheets;
    this.method(sheets, 'Item', (index: number | string) => {
      const sheet = typeof index === 'number' ? this.book.sheets[index - 1] : this.book.findSheet(index);
      if (!sheet) throw new MemoryEtError(`下标越界：${String(index)}`);
      return this.worksheet(sheet);
    });
    this.method(sheets, 'Add', () => {
      let n = this.book.sheets.length + 1;
      while (this.book.findSheet(`Sheet${n}`)) n++;
      const sheet = this.book.addSheet(`Sheet${n}`);
      this.book.activeSheet = sheet.name;
      this.book.emitStateChange();
      return this.worksheet(sheet);
    });
    return sheets;
  }

  private worksheet(sheet: MemorySheet): EtWorksheet {
    const ws = {} as EtWorksheet;
    this.member(
      ws,
      'Name',
      () => sheet.name,
      (name: string) => {
        if (this.book.findSheet(name)) throw new MemoryEtError(`工作表名称“${name}”已被占用。`);
        if (this.book.activeSheet === sheet.name) this.book.activeSheet = name;
        sheet.name = name;
        this.book.emitStateChange();
      },
    );
    this.member(ws, 'UsedRange', () => this.range(sheet, [sheet.usedRange() ?? { top: 1, left: 1, bottom: 1, right: 1 }]));
    this.member(ws, 'ProtectContents', () => sheet.protected);
    this.member(ws, 'Protection', () => {
      const protection = {} as EtProtection;
      this.member(protection, 'AllowFormattingCells', () => sheet.allowFormatCells);
      return protection;
    });
    this.method(ws, 'Range', (address: string) => {
      // Excel's object model takes an address of at most 255 characters (docs/wps.md, 一次选中多个单元格).
      if (address.length > RANGE_TEXT_LIMIT) throw new MemoryEtError(`方法 Range 作用于对象 _Worksheet 时失败：${address.slice(0, 20)}…`);
      const areas = parseAreas(address);
      if (!areas || areas.length === 0) throw new MemoryEtError(`无效的区域：${address}`);
      return this.range(sheet, areas);
    });
    this.method(ws, 'Activate', () => {
      this.book.activeSheet = sheet.name;
      this.book.emitStateChange();
    });
    return ws;
  }

  /** Members defined while this is true count as calls on document properties too. */
  private defining = false;

  private onProperties<T>(make: () => T): T {
    this.defining = true;
    try {
      return make();
    } finally {
      this.defining = false;
    }
  }

  private documentProperties(): EtDocumentProperties {
    return this.onProperties(() => this.makeDocumentProperties());
  }

  private makeDocumentProperties(): EtDocumentProperties {
    const props = this.count(() => this.properties.size) as EtDocumentProperties;
    this.method(props, 'Item', (index: number | string) => {
      const name = typeof index === 'number' ? [...this.properties.keys()][index - 1] : index;
      if (name === undefined || !this.properties.has(name)) throw new MemoryEtError(`无效的过程调用或参数：${String(index)}`);
      return this.documentProperty(name);
    });
    this.method(props, 'Add', (name: string, _link: boolean, _type: number, value: unknown) => {
      if (this.properties.has(name)) throw new MemoryEtError(`已存在同名的属性：${name}`);
      this.properties.set(name, this.limited(value));
      return this.documentProperty(name);
    });
    return props;
  }

  private limited(value: unknown): unknown {
    return typeof value === 'string' && this.propertyLimit !== null ? value.slice(0, this.propertyLimit) : value;
  }

  private documentProperty(name: string): EtDocumentProperty {
    return this.onProperties(() => this.makeDocumentProperty(name));
  }

  private makeDocumentProperty(name: string): EtDocumentProperty {
    const prop = {} as EtDocumentProperty;
    this.member(prop, 'Name', () => name);
    this.member(
      prop,
      'Value',
      () => this.properties.get(name),
      (value: unknown) => void this.properties.set(name, this.limited(value)),
    );
    this.method(prop, 'Delete', () => void this.properties.delete(name));
    return prop;
  }

  private range(sheet: MemorySheet, areas: CellRange[]): EtRange {
    const r = {} as EtRange;
    const one = (): CellRange => {
      if (areas.length !== 1) throw new MemoryEtError('此操作不能用于多重选定区域。');
      return areas[0];
    };
    const shown = (row: number, col: number): CellValue => {
      const m = sheet.mergeAt(row, col);
      if (m && (m.top !== row || m.left !== col)) return null;
      return sheet.get(row, col).value;
    };
    const grid = <T>(f: (row: number, col: number) => T): T[][] => {
      const rect = one();
      const out: T[][] = [];
      for (let row = rect.top; row <= rect.bottom; row++) {
        const line: T[] = [];
        for (let col = rect.left; col <= rect.right; col++) line.push(f(row, col));
        out.push(line);
      }
      return out;
    };
    const value2 = (row: number, col: number): EtScalar => {
      const v = shown(row, col);
      if (v === null || v === '') return undefined;
      if (isErrorText(v)) return cvErrOf(v as string) ?? v;
      return v;
    };
    const formula = (row: number, col: number): EtScalar => {
      const cell = sheet.get(row, col);
      if (cell.formula && shown(row, col) !== null) return cell.formula;
      const v = shown(row, col);
      if (v === null) return '';
      return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
    };
    // Locked unless the template's author unlocked it, as in Excel (the workbook's MemoryCell.locked).
    const locked = (row: number, col: number): boolean => sheet.get(row, col).locked !== false;
    const writeCells = (values: EtScalar | EtScalar[][], change: (row: number, col: number, value: EtScalar) => void): void => {
      const rect = one();
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      const at = Array.isArray(values)
        ? (i: number, j: number): EtScalar => {
            if (values.length !== rows || values.some((line) => !Array.isArray(line) || line.length !== cols)) {
              throw new MemoryEtError('数组的大小与区域不一致。');
            }
            return values[i][j];
          }
        : (): EtScalar => values;
      const changes: MemoryChange[] = [];
      for (const { row, col } of cellsOf(rect)) {
        if (sheet.protected && locked(row, col)) throw new MemoryEtError('您试图更改的单元格或图表受保护，因而是只读的。');
      }
      for (const { row, col } of cellsOf(rect)) {
        if (this.book.failingCells.has(`${sheet.name}!${a1(row, col)}`)) throw new MemoryEtError('发生了内部错误。');
        const m = sheet.mergeAt(row, col);
        const value = at(row - rect.top, col - rect.left);
        if (m && (m.top !== row || m.left !== col)) {
          if (value !== undefined && value !== null && value !== '') throw new MemoryEtError('不能对合并单元格作部分更改。');
          continue;
        }
        change(row, col, value);
        changes.push({ sheet: sheet.name, address: a1(row, col), triggerSource: 'ThisLocalAddin' });
      }
      this.book.emitChanges(changes);
    };
    const typed = (row: number, col: number, value: EtScalar): void => {
      const input = value === undefined || value === null ? '' : value;
      sheet.patch(row, col, typedInput(input, sheet.get(row, col).numberFormat));
    };
    const formatWrite = (write: (row: number, col: number) => void): void => {
      const rect = one();
      if (sheet.protected && !sheet.allowFormatCells) throw new MemoryEtError('您试图更改的单元格或图表受保护，因而是只读的。');
      for (const { row, col } of cellsOf(rect)) write(row, col);
      this.book.emitStateChange();
    };

    this.method(r, 'Address', (rowAbsolute: boolean = true, columnAbsolute: boolean = true) =>
      areas.map((a) => rectText(a, rowAbsolute && columnAbsolute)).join(','),
    );
    this.member(r, 'Rows', () => this.count(() => one().bottom - one().top + 1));
    this.member(r, 'Columns', () => this.count(() => one().right - one().left + 1));
    this.member(
      r,
      'Value2',
      () => this.block(grid(value2)),
      (values: EtScalar | EtScalar[][]) => writeCells(values, typed),
    );
    this.member(
      r,
      'Formula',
      () => this.block(grid(formula)),
      (values: EtScalar | EtScalar[][]) => writeCells(values, typed),
    );
    this.member(
      r,
      'NumberFormat',
      () => shared(grid((row, col) => sheet.get(row, col).numberFormat ?? 'General').flat()),
      (format: string) =>
        formatWrite((row, col) => sheet.patch(row, col, { numberFormat: format === 'General' || format === '' ? undefined : format })),
    );
    this.member(r, 'Interior', () => {
      const interior = {} as EtInterior;
      this.member(
        interior,
        'Color',
        () =>
          shared(
            grid((row, col) => {
              const fill = sheet.get(row, col).fill;
              return fill ? hexToBgr(fill) : WHITE;
            }).flat(),
          ),
        (bgr: number) => {
          const hex = bgrToHex(bgr);
          if (hex === null) throw new MemoryEtError(`无效的颜色值：${bgr}`);
          formatWrite((row, col) => sheet.patch(row, col, { fill: hex }));
        },
      );
      this.member(
        interior,
        'Pattern',
        () => shared(grid((row, col) => (sheet.get(row, col).fill ? XL_SOLID : XL_NONE)).flat()),
        (pattern: number) => {
          if (pattern !== XL_NONE) throw new MemoryEtError('此内存模型只支持 xlPatternNone。');
          formatWrite((row, col) => sheet.patch(row, col, { fill: undefined }));
        },
      );
      return interior;
    });
    this.member(r, 'MergeCells', () => shared(grid((row, col) => sheet.mergeAt(row, col) !== undefined).flat()));
    this.member(r, 'MergeArea', () => {
      const first = one();
      return this.range(sheet, [
        sheet.mergeAt(first.top, first.left) ?? { top: first.top, left: first.left, bottom: first.top, right: first.left },
      ]);
    });
    this.member(r, 'Locked', () => shared(grid(locked).flat()));
    this.setter(r, 'WrapText', (wrap: boolean) =>
      formatWrite((row, col) => (wrap ? sheet.wrapped.add(`${row},${col}`) : sheet.wrapped.delete(`${row},${col}`))),
    );
    this.member(r, 'Borders', () => {
      const borders = {} as EtBorders;
      this.setter(borders, 'LineStyle', (style: number) => {
        if (style !== XL_CONTINUOUS && style !== XL_NONE)
          throw new MemoryEtError(`此内存模型只支持 xlContinuous 与 xlLineStyleNone：${style}`);
        formatWrite(() => undefined);
        for (const index of BORDER_INDEXES) sheet.looks.line(one(), index, style === XL_CONTINUOUS);
      });
      this.setter(borders, 'Weight', (weight: number) => {
        if (![1, 2, -4138, 4].includes(weight)) throw new MemoryEtError(`无效的边框粗细：${weight}`);
        formatWrite(() => undefined);
      });
      return borders;
    });
    this.member(r, 'Font', () => {
      const font = {} as EtFont;
      this.setter(font, 'Bold', (bold: boolean) => {
        formatWrite(() => undefined);
        sheet.looks.patch(one(), { bold });
      });
      this.setter(font, 'Size', (size: number) => {
        if (!(size >= 1 && size <= 409)) throw new MemoryEtError(`无效的字号：${size}`);
        formatWrite(() => undefined);
        sheet.looks.patch(one(), { size });
      });
      return font;
    });
    this.setter(r, 'HorizontalAlignment', (align: number) => {
      const horizontal = H_ALIGN.get(align);
      if (horizontal === undefined) throw new MemoryEtError(`无效的水平对齐方式：${align}`);
      formatWrite(() => undefined);
      sheet.looks.patch(one(), { horizontal: horizontal ?? undefined });
    });
    this.setter(r, 'VerticalAlignment', (align: number) => {
      const vertical = V_ALIGN.get(align);
      if (vertical === undefined) throw new MemoryEtError(`无效的垂直对齐方式：${align}`);
      formatWrite(() => undefined);
      sheet.looks.patch(one(), { vertical });
    });
    this.setter(r, 'ColumnWidth', (width: number) => {
      const widths = this.columnWidths.get(sheet.name) ?? new Map<number, number>();
      for (let col = one().left; col <= one().right; col++) widths.set(col, width);
      this.columnWidths.set(sheet.name, widths);
    });
    this.method(r, 'Resize', (rows: number, cols: number) => {
      const first = one();
      if (rows < 1 || cols < 1 || first.top + rows - 1 > MAX_ROW || first.left + cols - 1 > MAX_COL)
        throw new MemoryEtError('应用程序定义或对象定义错误。');
      return this.range(sheet, [{ top: first.top, left: first.left, bottom: first.top + rows - 1, right: first.left + cols - 1 }]);
    });
    this.method(r, 'Merge', () => {
      const area = one();
      if (sheet.protected) throw new MemoryEtError('您试图更改的单元格或图表受保护，因而是只读的。');
      sheet.merges = sheet.merges.filter((m) => m.bottom < area.top || m.top > area.bottom || m.right < area.left || m.left > area.right);
      for (const { row, col } of cellsOf(area))
        if (row !== area.top || col !== area.left) sheet.patch(row, col, { value: null, formula: undefined });
      sheet.merges.push({ ...area });
      this.book.emitStateChange();
    });
    this.method(r, 'Select', () => {
      if (this.book.activeSheet !== sheet.name) throw new MemoryEtError('选择区域类的 Select 方法无效：工作表未激活。');
      this.book.selectedAddress = `${sheet.name}!${areas.map((a) => rectText(a, false)).join(',')}`;
      this.book.emitStateChange();
    });
    return r;
  }
}
