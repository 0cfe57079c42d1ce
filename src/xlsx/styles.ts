// The styles part (xl/styles.xml, ECMA-376 18.8) as far as the door needs it: each cell format's
// number format, solid fill, bold font and alignment, and where its lists end for the editor.
import { scanXml } from './xml';

/**
 * Excel's built-in number formats (ECMA-376 18.8.30) by id; 27–36 and 50–58 are the ones a
 * Simplified Chinese Excel shows, as our users' files are written there.
 */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

export interface CellFormat {
  numFmtId: number;
  fontId: number;
  fillId: number;
  horizontal?: string;
  vertical?: string;
  wrap: boolean;
  /** Where its <xf> element is in the text, for the editor to copy it. */
  start: number;
  end: number;
}

/** Where a list ends and how many it holds, for appending to it. */
export interface ListEnd {
  /** Index of its closing tag ("</cellXfs>"), or of "/>" for an empty self-closing list. */
  close: number;
  /** Index of its start tag. */
  start: number;
  /** Index just past its start tag. */
  openEnd: number;
  selfClosing: boolean;
  count: number;
}

export interface Styles {
  numFmts: Map<number, string>;
  /** Solid fill colour "#RRGGBB" by fill index (other fills are absent). */
  fills: (string | undefined)[];
  bold: boolean[];
  cellXfs: CellFormat[];
  lists: Partial<Record<'numFmts' | 'fonts' | 'fills' | 'cellXfs', ListEnd>>;
  /** Index of the styleSheet's start tag end (for a list that must be created). */
  sheetOpenEnd: number;
}

export const NO_STYLES: Styles = { numFmts: new Map(), fills: [], bold: [], cellXfs: [], lists: {}, sheetOpenEnd: -1 };

function int(v: string | undefined, fallback = 0): number {
  const n = v === undefined ? NaN : parseInt(v, 10);
  return Number.isFinite(n) ? n : fallback;
}

/** A boolean attribute: "1"/"true" true, "0"/"false" false, absent → the default. */
export function flag(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  return v === '1' || v === 'true';
}

export function parseStyles(file: string, text: string): Styles {
  const styles: Styles = { numFmts: new Map(), fills: [], bold: [], cellXfs: [], lists: {}, sheetOpenEnd: -1 };
  const stack: string[] = [];
  let fill: { solid: boolean; rgb?: string } | null = null;
  let xf: CellFormat | null = null;
  const open: Partial<Record<keyof Styles['lists'], { start: number; openEnd: number; count: number }>> = {};
  scanXml(file, text, {
    open(t) {
      const parent = stack[stack.length - 1];
      if (t.name === 'styleSheet') styles.sheetOpenEnd = t.end;
      if (stack.length === 1 && (t.name === 'numFmts' || t.name === 'fonts' || t.name === 'fills' || t.name === 'cellXfs')) {
        open[t.name] = { start: t.start, openEnd: t.end, count: 0 };
        if (t.selfClosing) styles.lists[t.name] = { close: t.end - 2, start: t.start, openEnd: t.end, selfClosing: true, count: 0 };
      }
      if (parent === 'numFmts' && t.name === 'numFmt') {
        styles.numFmts.set(int(t.attributes.numFmtId), t.attributes.formatCode ?? '');
        open.numFmts!.count++;
      } else if (parent === 'fonts' && t.name === 'font') {
        styles.bold.push(false);
        open.fonts!.count++;
      } else if (parent === 'font' && stack[stack.length - 2] === 'fonts' && t.name === 'b') {
        styles.bold[styles.bold.length - 1] = flag(t.attributes.val, true);
      } else if (parent === 'fills' && t.name === 'fill') {
        fill = { solid: false };
        open.fills!.count++;
        if (t.selfClosing) styles.fills.push(undefined);
      } else if (fill && t.name === 'patternFill') {
        fill.solid = t.attributes.patternType === 'solid';
      } else if (fill && parent === 'patternFill' && t.name === 'fgColor') {
        const rgb = t.attributes.rgb;
        if (rgb && /^[0-9A-Fa-f]{8}$/.test(rgb)) fill.rgb = `#${rgb.slice(2).toUpperCase()}`;
      } else if (parent === 'cellXfs' && t.name === 'xf') {
        const a = t.attributes;
        xf = { numFmtId: int(a.numFmtId), fontId: int(a.fontId), fillId: int(a.fillId), wrap: false, start: t.start, end: t.end };
        open.cellXfs!.count++;
        styles.cellXfs.push(xf);
      } else if (xf && parent === 'xf' && t.name === 'alignment') {
        const a = t.attributes;
        if (a.horizontal) xf.horizontal = a.horizontal;
        if (a.vertical) xf.vertical = a.vertical;
        xf.wrap = flag(a.wrapText, false);
      }
      if (!t.selfClosing) stack.push(t.name);
    },
    close(name, end, closeStart) {
      if (stack[stack.length - 1] === name) stack.pop();
      if (name === 'fill' && fill) {
        styles.fills.push(fill.solid ? fill.rgb : undefined);
        fill = null;
      }
      if (name === 'xf' && xf) {
        xf.end = end;
        xf = null;
      }
      if (stack.length === 1 && (name === 'numFmts' || name === 'fonts' || name === 'fills' || name === 'cellXfs')) {
        const o = open[name];
        if (o && !styles.lists[name])
          styles.lists[name] = { close: closeStart, start: o.start, openEnd: o.openEnd, selfClosing: false, count: o.count };
      }
    },
  });
  return styles;
}

/** The number format code of a cell format (undefined: General). */
export function formatCode(styles: Styles, xf: CellFormat | undefined): string | undefined {
  if (!xf) return undefined;
  const code = styles.numFmts.get(xf.numFmtId) ?? BUILTIN_FORMATS[xf.numFmtId];
  return code && code !== 'General' ? code : undefined;
}
